// A tip: wallet → the creator's earnings (or the handle's escrow until someone claims it), with
// the platform's fee split off. Keyed by the tipper's Idempotency-Key. The writes themselves are
// two SQL functions (db/migrations/006_tip_functions.sql), so a tip costs two round trips.
import type { TipReceipt, TipRequest } from '../../shared/api.ts'
import { isSupportedCurrency, isValidMinorAmount, limitsFor } from '../../shared/currencies.ts'
import type { Tx } from '../db/index.ts'
import { assertWithinBudget } from './budget.ts'
import { LedgerError } from './errors.ts'
import { handleLockKey, normaliseHandle } from './handles.ts'
import { hashRequest, newId } from './post.ts'

/** How long an unclaimed tip waits in escrow before it is due back to its tipper (tips.returns_at). */
export const ESCROW_DAYS = 90

export interface TipInput {
  from: string
  idempotencyKey: string
  request: TipRequest
  feeBasisPoints: number
}

interface Opened {
  replayed: TipReceipt | null
  conflicted: boolean
  tipper_currency: string | null
  wallet_account: number | null
  wallet_balance: number | null
  debt_balance: number | null
}

export async function tip(tx: Tx, { from, idempotencyKey, request, feeBasisPoints }: TipInput): Promise<TipReceipt> {
  const { amount, currency, site } = request
  const handle = normaliseHandle(request.handle)
  const id = newId('txn')
  // The key is claimed first: on Postgres a second request with the same key waits on it until
  // the first commits, then gets its receipt. Then the handle's lock (tips and claims of a handle
  // take turns: handles.ts), then the tipper's wallet and debt rows.
  const { rows } = await tx.query<Opened>('SELECT * FROM tip_open($1, $2, $3, $4, $5, $6, $7)', [
    id, `tip:${from}`, idempotencyKey, hashRequest(request), from, handleLockKey(site, handle), currency,
  ])
  const opened = rows[0]
  if (!opened) throw new Error('tip_open returned no row')
  if (opened.conflicted) {
    throw new LedgerError('idempotency_conflict', 'This Idempotency-Key was already used with a different request.')
  }
  if (opened.replayed) return opened.replayed
  assertTippable(opened.tipper_currency, amount, currency)
  if ((opened.debt_balance ?? 0) < 0) {
    throw new LedgerError('debt_outstanding', 'A refunded or disputed top-up left a debt; top up to settle it before tipping.')
  }
  const balance = opened.wallet_balance ?? 0
  if (opened.wallet_account === null || balance < amount) {
    throw new LedgerError('insufficient_funds', 'The wallet balance is lower than this tip.', 'amount')
  }
  if (!request.overBudget) await assertWithinBudget(tx, from, amount, currency)

  // Kept as the site shows it, for receipts and the creator's list; matched case-insensitively.
  const shownHandle = request.handle.replace(/^@/, '')
  const fee = Math.floor((amount * feeBasisPoints) / 10_000)
  const createdAt = new Date()
  const receipt: Omit<TipReceipt, 'credited'> = {
    id,
    site,
    handle: shownHandle,
    postId: request.postId,
    amount,
    currency,
    balanceAfter: balance - amount,
    createdAt: createdAt.toISOString(),
  }
  // The owner is read under the handle lock: a tip either lands in escrow before a claim sweeps
  // it, or sees the claim and goes straight to earnings.
  const { rows: booked } = await tx.query<{ recipient: string | null }>(
    'SELECT recipient FROM tip_book($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)',
    [id, from, opened.wallet_account, site, handle, shownHandle, request.postId, request.postUrl, amount, fee, currency,
      request.note, createdAt, ESCROW_DAYS, JSON.stringify(receipt)],
  )
  return { ...receipt, credited: booked[0]?.recipient ? 'earnings' : 'escrow' }
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
