// Withdraw: earnings leave the ledger for stripe:clearing in one transaction, then Stripe is asked
// for the Transfer with a key derived from the payout id, so however often the creator (or the
// SDK) retries, Stripe makes one transfer. A refusal from Stripe returns the money to earnings; an
// answer that never came leaves the payout pending, and the next request with the same key asks
// Stripe again with the same transfer key.
import Stripe from 'stripe'
import type { Payout, PayoutRequest } from '../../shared/api.ts'
import { toStripeAmount } from '../../shared/currencies.ts'
import { ApiFailure } from '../http/errors.ts'
import { bookPayout, markPayoutPaid, payoutKeyUsed, returnPayout, type BookedPayout } from '../ledger/payout.ts'
import type { Services } from '../services.ts'
import { payoutAccountOf } from './accounts.ts'
import { payoutView } from './view.ts'

export async function withdraw(s: Services, accountId: string, idempotencyKey: string, request: PayoutRequest): Promise<Payout> {
  const booked = await s.db.transaction(async (tx) => {
    const account = await payoutAccountOf(tx, accountId)
    if (!account || (!account.ready && !(await payoutKeyUsed(tx, accountId, idempotencyKey)))) {
      throw new ApiFailure(409, 'payouts_not_ready', 'Finish setting up your payout account with Stripe before withdrawing.')
    }
    return bookPayout(tx, { accountId, idempotencyKey, request, stripeAccount: account.stripeAccount })
  })
  if (booked.status === 'pending') await sendTransfer(s, accountId, booked)
  const payout = await payoutView(s.db, booked.id)
  if (!payout) throw new Error(`payout ${booked.id} vanished`)
  return payout
}

/** The transfer's idempotency key: one payout, one transfer. */
export const transferKey = (payoutId: string) => `tipline-payout-${payoutId}`

/** Asks Stripe for the payout's transfer (again, if need be: the key makes it one) and records the outcome. */
export async function sendTransfer(s: Pick<Services, 'db' | 'stripe' | 'log'>, accountId: string, payout: BookedPayout): Promise<void> {
  let made: Stripe.Transfer
  try {
    made = await s.stripe.transfers.create(
      {
        amount: toStripeAmount(payout.amount, payout.currency),
        currency: payout.currency.toLowerCase(),
        destination: payout.stripeAccount,
        transfer_group: payout.id,
        metadata: { payout: payout.id, tiplineAccount: accountId },
      },
      { idempotencyKey: transferKey(payout.id) },
    )
  } catch (error) {
    if (!refusedByStripe(error)) {
      s.log({ msg: 'payout transfer outcome unknown; left pending', payout: payout.id, error: String(error) })
      return
    }
    await s.db.transaction((tx) => returnPayout(tx, payout.id, payout.amount, 'failed', error.message))
    return
  }
  await s.db.transaction((tx) => markPayoutPaid(tx, payout.id, made.id))
}

/**
 * Stripe answered and said no: no transfer exists. Anything else (no answer, a 5xx, a rate limit,
 * the same key still in flight) may have made one, so the payout stays pending.
 */
function refusedByStripe(error: unknown): error is Stripe.errors.StripeError {
  if (!(error instanceof Stripe.errors.StripeError)) return false
  const status = error.statusCode ?? 0
  return status >= 400 && status < 500 && status !== 409 && status !== 429
}
