// A tip: wallet → the creator's earnings (or the handle's escrow until someone claims it), with
// the platform's fee split off. Keyed by the tipper's Idempotency-Key.
import type { TipReceipt, TipRequest } from '../../shared/api.ts'
import { isSupportedCurrency, isValidMinorAmount, limitsFor } from '../../shared/currencies.ts'
import type { Tx } from '../db/index.ts'
import { debtOf, earningsOf, escrowOf, lockAccounts, pick, PLATFORM_FEES, walletOf } from './accounts.ts'
import { assertWithinBudget } from './budget.ts'
import { LedgerError } from './errors.ts'
import { handleLockKey, normaliseHandle, ownerOf } from './handles.ts'
import { hashRequest, open, post } from './post.ts'

/** How long an unclaimed tip waits in escrow before it is due back to its tipper (tips.returns_at). */
export const ESCROW_DAYS = 90

export interface TipInput {
  from: string
  idempotencyKey: string
  request: TipRequest
  feeBasisPoints: number
}

export async function tip(tx: Tx, { from, idempotencyKey, request, feeBasisPoints }: TipInput): Promise<TipReceipt> {
  const opened = await open(tx, 'tip', {
    scope: `tip:${from}`,
    key: idempotencyKey,
    requestHash: hashRequest(request),
  })
  if (opened.replay !== undefined) return opened.replay as TipReceipt

  const { amount, currency, site } = request
  const handle = normaliseHandle(request.handle)
  assertTippable(await lockHandleReadingCurrency(tx, from, site, handle), amount, currency)
  // Kept as the site shows it, for receipts and the creator's list; matched case-insensitively.
  const shownHandle = request.handle.replace(/^@/, '')
  const wallet = { name: walletOf(from), currency }
  const debt = { name: debtOf(from), currency }
  const escrow = { name: escrowOf(site, handle), currency }
  const locked = await lockAccounts(tx, [wallet, debt])
  if (pick(locked, debt).balance < 0) {
    throw new LedgerError('debt_outstanding', 'A refunded or disputed top-up left a debt; top up to settle it before tipping.')
  }
  if (pick(locked, wallet).balance < amount) {
    throw new LedgerError('insufficient_funds', 'The wallet balance is lower than this tip.', 'amount')
  }
  if (!request.overBudget) await assertWithinBudget(tx, from, amount, currency)

  // Read under the handle lock: a tip either lands in escrow before a claim sweeps it, or sees
  // the claim and goes straight to earnings.
  const recipient = await ownerOf(tx, site, handle)
  const credit = recipient ? { name: earningsOf(recipient), currency } : escrow
  const fees = { name: PLATFORM_FEES, currency }
  const fee = Math.floor((amount * feeBasisPoints) / 10_000)
  // platform:fees is one row that every tip would queue on: lock it only when there is a fee.
  const more = await lockAccounts(tx, fee > 0 ? [credit, fees] : [credit])
  await post(tx, opened.id, [
    { account: pick(locked, wallet), amount: -amount },
    { account: pick(more, credit), amount: amount - fee },
    ...(fee > 0 ? [{ account: pick(more, fees), amount: fee }] : []),
  ])

  const createdAt = new Date()
  const receipt: TipReceipt = {
    id: opened.id,
    site,
    handle: shownHandle,
    postId: request.postId,
    amount,
    currency,
    credited: recipient ? 'earnings' : 'escrow',
    balanceAfter: pick(locked, wallet).balance,
    createdAt: createdAt.toISOString(),
  }
  // The tip's row, both sides' activity and the stored receipt, in one statement.
  await tx.query(
    `WITH tip AS (
       INSERT INTO tips (id, from_account, site, handle, post_id, post_url, amount, net_amount, currency, note,
                         recipient_account, created_at, returns_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12::timestamptz + make_interval(days => $13))
     ),
     activity AS (
       INSERT INTO activity (account_id, kind, amount, currency, transaction_id, tip_id)
       SELECT account_id, kind, moved, $9, $1, $1
       FROM (VALUES ($2::text, 'tip_sent', -$7::bigint), ($11::text, 'tip_received', $8::bigint)) AS a (account_id, kind, moved)
       WHERE account_id IS NOT NULL
     )
     UPDATE ledger_transactions SET response = $14 WHERE id = $1`,
    [opened.id, from, site, shownHandle, request.postId, request.postUrl, amount, amount - fee, currency, request.note,
      recipient, createdAt, ESCROW_DAYS, JSON.stringify(receipt)],
  )
  return receipt
}

/**
 * Takes the handle's lock (tips and claims of a handle take turns: handles.ts) and reads the
 * wallet's currency, in one round trip. Whatever reads claims must come after, in a new statement.
 */
async function lockHandleReadingCurrency(tx: Tx, from: string, site: string, handle: string): Promise<string | null> {
  const { rows } = await tx.query<{ wallet_currency: string | null }>(
    'SELECT wallet_currency FROM pg_advisory_xact_lock(hashtextextended($2, 0)), accounts WHERE id = $1',
    [from, handleLockKey(site, handle)],
  )
  return rows[0]?.wallet_currency ?? null
}

function assertTippable(walletCurrency: string | null, amount: number, currency: string): void {
  if (walletCurrency === null) {
    throw new LedgerError('insufficient_funds', 'The wallet is empty; top up first.', 'amount')
  }
  if (walletCurrency !== currency) {
    throw new LedgerError('currency_mismatch', `Tips from this wallet must be in ${walletCurrency}.`, 'currency')
  }
  if (!isSupportedCurrency(currency) || !isValidMinorAmount(amount, currency)) {
    throw new LedgerError('invalid_amount', `amount is not a valid ${currency} amount.`, 'amount')
  }
  const { min, max } = limitsFor(currency).tip
  if (amount < min || amount > max) {
    throw new LedgerError('invalid_amount', `amount must be between ${min} and ${max} in ${currency} minor units.`, 'amount')
  }
}
