// A tip: wallet → the creator's earnings (or the handle's escrow until someone claims it), with
// the platform's fee split off. Keyed by the tipper's Idempotency-Key. The checks and writes that
// need the database are one SQL function (db/migrations/008_tip_post.sql) called in one
// statement: given the Db, that statement is the whole transaction, atomic on its own, and a tip
// costs a single round trip; given a Tx, it joins that transaction.
import type { TipReceipt, TipRequest } from '../../shared/api.ts'
import { isSupportedCurrency, isValidMinorAmount, limitsFor } from '../../shared/currencies.ts'
import type { Tx } from '../db/index.ts'
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

interface Posted {
  outcome: 'booked' | 'replayed' | 'conflicted'
  receipt: TipReceipt | null
}

/** The SQLSTATE tip_post raises a refusal with: its message is the reason, its detail what the error needs. */
const REFUSED = 'TL001'

export async function tip(tx: Tx, { from, idempotencyKey, request, feeBasisPoints }: TipInput): Promise<TipReceipt> {
  const { amount, currency, site } = request
  assertValidAmount(amount, currency)
  const handle = normaliseHandle(request.handle)
  const id = newId('txn')
  // Kept as the site shows it, for receipts and the creator's list; matched case-insensitively.
  const shownHandle = request.handle.replace(/^@/, '')
  const fee = Math.floor((amount * feeBasisPoints) / 10_000)
  const createdAt = new Date()
  // The receipt's fixed part; the function adds balanceAfter and credited, known only under its locks.
  const receipt = { id, site, handle: shownHandle, postId: request.postId, amount, currency, createdAt: createdAt.toISOString() }
  const posted = await tx
    .query<Posted>(
      'SELECT * FROM tip_post($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)',
      [id, `tip:${from}`, idempotencyKey, hashRequest(request), from, handleLockKey(site, handle), site, handle, shownHandle,
        request.postId, request.postUrl, amount, fee, currency, request.note, request.overBudget === true, createdAt,
        ESCROW_DAYS, JSON.stringify(receipt)],
    )
    .then(({ rows }) => rows[0], (error: unknown) => {
      throw refusal(error, currency) ?? error
    })
  if (posted?.outcome === 'conflicted') {
    throw new LedgerError('idempotency_conflict', 'This Idempotency-Key was already used with a different request.')
  }
  if (!posted?.receipt) throw new Error(`tip_post answered ${posted?.outcome ?? 'nothing'} without a receipt`)
  return posted.receipt
}

/** The API's error for a tip the database refused (and rolled back), or null for any other failure. */
function refusal(error: unknown, currency: string): LedgerError | null {
  const { code, message, detail } = error as { code?: string; message?: string; detail?: string }
  if (code !== REFUSED) return null
  switch (message) {
    case 'no_wallet':
      return new LedgerError('insufficient_funds', 'The wallet is empty; top up first.', 'amount')
    case 'currency_mismatch':
      return new LedgerError('currency_mismatch', `Tips from this wallet must be in ${detail}.`, 'currency')
    case 'debt':
      return new LedgerError('debt_outstanding', 'A refunded or disputed top-up left a debt; top up to settle it before tipping.')
    case 'insufficient':
      return new LedgerError('insufficient_funds', 'The wallet balance is lower than this tip.', 'amount')
    case 'over_budget':
      return new LedgerError(
        'budget_exceeded',
        `This tip passes the monthly budget: ${Math.max(0, Number(detail))} ${currency} minor units are left this month.`,
        'amount',
      )
    default:
      return null
  }
}

/** The rules that need no database: checked before the tip touches it. */
function assertValidAmount(amount: number, currency: string): void {
  if (!isSupportedCurrency(currency) || !isValidMinorAmount(amount, currency)) {
    throw new LedgerError('invalid_amount', `amount is not a valid ${currency} amount.`, 'amount')
  }
  const { min, max } = limitsFor(currency).tip
  if (amount < min || amount > max) {
    throw new LedgerError('invalid_amount', `amount must be between ${min} and ${max} in ${currency} minor units.`, 'amount')
  }
}
