// A tip: wallet → the creator's earnings (or the handle's escrow until someone claims it), with
// the platform's fee split off. Keyed by the tipper's Idempotency-Key. The checks and writes that
// need the database are one SQL function (db/migrations/008_tip_post.sql), so a tip costs one
// round trip inside its transaction.
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

type Outcome = 'booked' | 'replayed' | 'conflicted' | 'no_wallet' | 'currency_mismatch' | 'debt' | 'insufficient' | 'over_budget'

interface Posted {
  outcome: Outcome
  receipt: TipReceipt | null
  wallet_currency: string | null
  budget_left: number | null
}

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
  const { rows } = await tx.query<Posted>(
    'SELECT * FROM tip_post($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)',
    [id, `tip:${from}`, idempotencyKey, hashRequest(request), from, handleLockKey(site, handle), site, handle, shownHandle,
      request.postId, request.postUrl, amount, fee, currency, request.note, request.overBudget === true, createdAt,
      ESCROW_DAYS, JSON.stringify(receipt)],
  )
  const posted = rows[0]
  if (!posted) throw new Error('tip_post returned no row')
  if (posted.outcome === 'booked' || posted.outcome === 'replayed') {
    if (!posted.receipt) throw new Error(`tip_post said ${posted.outcome} without a receipt`)
    return posted.receipt
  }
  throw refusal(posted, amount, currency)
}

/** Why the database refused the tip, in the API's words; throwing it rolls the whole tip back. */
function refusal({ outcome, wallet_currency, budget_left }: Posted, amount: number, currency: string): LedgerError {
  switch (outcome) {
    case 'conflicted':
      return new LedgerError('idempotency_conflict', 'This Idempotency-Key was already used with a different request.')
    case 'no_wallet':
      return new LedgerError('insufficient_funds', 'The wallet is empty; top up first.', 'amount')
    case 'currency_mismatch':
      return new LedgerError('currency_mismatch', `Tips from this wallet must be in ${wallet_currency}.`, 'currency')
    case 'debt':
      return new LedgerError('debt_outstanding', 'A refunded or disputed top-up left a debt; top up to settle it before tipping.')
    case 'insufficient':
      return new LedgerError('insufficient_funds', 'The wallet balance is lower than this tip.', 'amount')
    case 'over_budget':
      return new LedgerError(
        'budget_exceeded',
        `This tip passes the monthly budget: ${Math.max(0, budget_left ?? 0)} ${currency} minor units are left this month.`,
        'amount',
      )
    default:
      throw new Error(`tip_post answered an unknown outcome for a ${amount} ${currency} tip: ${outcome}`)
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
