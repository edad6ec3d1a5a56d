// A payout: earnings → stripe:clearing when the creator withdraws, booked before the Stripe
// Transfer is asked for; and the way back (clearing → earnings) when Stripe refuses the transfer
// or takes it back. The payouts row is written in the same transaction as the money moves.
import type { PayoutRequest, PayoutStatus } from '../../shared/api.ts'
import { isValidMinorAmount, limitsFor, type CurrencyCode } from '../../shared/currencies.ts'
import type { Tx } from '../db/index.ts'
import { CLEARING, earningsOf, lockAccounts, pick } from './accounts.ts'
import { LedgerError } from './errors.ts'
import { hashRequest, open, post, recordActivity } from './post.ts'

export interface WithdrawInput {
  accountId: string
  /** The creator's Idempotency-Key: the same key is the same payout, however often it is sent. */
  idempotencyKey: string
  request: PayoutRequest
  stripeAccount: string
}

/** The payouts row that a withdrawal booked (or that an earlier request with its key booked). */
export interface BookedPayout {
  id: string
  amount: number
  currency: CurrencyCode
  stripeAccount: string
  status: PayoutStatus
}

export async function bookPayout(tx: Tx, { accountId, idempotencyKey, request, stripeAccount }: WithdrawInput): Promise<BookedPayout> {
  const opened = await open(tx, 'payout', { scope: `payout:${accountId}`, key: idempotencyKey, requestHash: hashRequest(request) })
  if (opened.replay !== undefined) {
    const earlier = await payoutById(tx, opened.id)
    if (!earlier) throw new Error(`payout ${opened.id} has a ledger transaction but no payouts row`)
    return earlier
  }
  const { currency } = request
  const earnings = { name: earningsOf(accountId), currency }
  const clearing = { name: CLEARING, currency }
  const locked = await lockAccounts(tx, [earnings, clearing])
  const available = pick(locked, earnings).balance
  const { min, max } = limitsFor(currency).payout
  // Everything available, up to what one payout may carry; the rest stays for the next one.
  const amount = request.amount ?? Math.min(available, max)
  if (amount < min) {
    throw new LedgerError('below_payout_minimum', `Payouts in ${currency} start at ${min} minor units; ${amount} is less.`, 'amount')
  }
  if (!isValidMinorAmount(amount, currency) || amount > max) {
    throw new LedgerError('invalid_amount', `amount must be a whole ${currency} amount of at most ${max} minor units.`, 'amount')
  }
  if (amount > available) {
    throw new LedgerError('insufficient_funds', `Only ${available} ${currency} minor units of earnings are available.`, 'amount')
  }
  await post(tx, opened.id, [
    { account: pick(locked, earnings), amount: -amount },
    { account: pick(locked, clearing), amount },
  ])
  await tx.query(
    `INSERT INTO payouts (id, account_id, stripe_account, amount, currency) VALUES ($1, $2, $3, $4, $5)`,
    [opened.id, accountId, stripeAccount, amount, currency],
  )
  await recordActivity(tx, { accountId, kind: 'payout', amount: -amount, currency, transactionId: opened.id })
  return { id: opened.id, amount, currency, stripeAccount, status: 'pending' }
}

/**
 * Brings `returnedTotal` of the payout back to earnings (what was returned before is not moved
 * again), and sets its status. Refusals and reversals of one payout serialise on its row lock.
 */
export async function returnPayout(
  tx: Tx,
  payoutId: string,
  returnedTotal: number,
  status: Extract<PayoutStatus, 'failed' | 'reversed'>,
  failure: string,
): Promise<void> {
  const { rows } = await tx.query<{ account_id: string; amount: number; currency: CurrencyCode; returned: number }>(
    'SELECT account_id, amount, currency, returned FROM payouts WHERE id = $1 FOR UPDATE',
    [payoutId],
  )
  const payout = rows[0]
  if (!payout) throw new Error(`no payout ${payoutId}`)
  const increase = Math.min(returnedTotal, Number(payout.amount)) - Number(payout.returned)
  if (increase <= 0) return
  const opened = await open(tx, 'payout_return', undefined, { payout: payoutId })
  const earnings = { name: earningsOf(payout.account_id), currency: payout.currency }
  const clearing = { name: CLEARING, currency: payout.currency }
  const locked = await lockAccounts(tx, [earnings, clearing])
  await post(tx, opened.id, [
    { account: pick(locked, clearing), amount: -increase },
    { account: pick(locked, earnings), amount: increase },
  ])
  const whole = Number(payout.returned) + increase === Number(payout.amount)
  await tx.query(
    `UPDATE payouts SET returned = returned + $2, failure = $3, status = CASE WHEN $4 THEN $5 ELSE status END WHERE id = $1`,
    [payoutId, increase, failure, whole, status],
  )
  // The contract has no kind for money coming back from a payout: it shows as a payout with a positive amount.
  await recordActivity(tx, {
    accountId: payout.account_id, kind: 'payout', amount: increase, currency: payout.currency, transactionId: opened.id,
  })
}

/** Stripe made the transfer: a pending payout is paid (one already returned keeps its status). */
export async function markPayoutPaid(tx: Tx, payoutId: string, transferId: string): Promise<void> {
  await tx.query(
    `UPDATE payouts SET transfer_id = $2, status = CASE WHEN status = 'pending' THEN 'paid' ELSE status END WHERE id = $1`,
    [payoutId, transferId],
  )
}

export async function payoutById(tx: Tx, id: string): Promise<BookedPayout | null> {
  const { rows } = await tx.query<{ id: string; amount: number; currency: CurrencyCode; stripe_account: string; status: PayoutStatus }>(
    'SELECT id, amount, currency, stripe_account, status FROM payouts WHERE id = $1',
    [id],
  )
  const row = rows[0]
  return row ? { id: row.id, amount: Number(row.amount), currency: row.currency, stripeAccount: row.stripe_account, status: row.status } : null
}

/** Whether this Idempotency-Key already booked a payout for the account (its retries skip the readiness check). */
export async function payoutKeyUsed(tx: Tx, accountId: string, idempotencyKey: string): Promise<boolean> {
  const { rows } = await tx.query(
    'SELECT 1 FROM ledger_transactions WHERE idempotency_scope = $1 AND idempotency_key = $2',
    [`payout:${accountId}`, idempotencyKey],
  )
  return rows.length > 0
}
