// Withdraw: all earnings in one currency go to the creator's Stripe account. One key per click;
// the API's "still waiting for Stripe" answer and a lost or refused-for-now request are retried
// with that same key, so one click is at most one payout.
import { routes, type Payout } from '../../../shared/api.ts'
import type { CurrencyCode } from '../../../shared/currencies.ts'
import { api } from '../api.ts'
import { isRetryable } from '../errors.ts'
import { syncCreator } from '../sync.ts'
import type { Handler } from './caller.ts'

const ATTEMPTS = 3
const RETRY_AFTER_MS = 1_000

export const payoutsWithdraw: Handler<'payouts.withdraw'> = async ({ currency }) => {
  const payout = await withdraw(currency, crypto.randomUUID())
  // The dashboard's earnings come from the creator cache: refresh it before answering.
  await syncCreator().catch((error: unknown) => console.warn('Tipline: creator refresh after a payout failed', error))
  return payout
}

async function withdraw(currency: CurrencyCode, idempotencyKey: string): Promise<Payout> {
  for (let attempt = 1; ; attempt++) {
    try {
      const payout = await api.post(routes.payouts, { currency }, { idempotencyKey })
      if (payout.status !== 'pending' || attempt === ATTEMPTS) return payout
    } catch (error) {
      if (!isRetryable(error) || attempt === ATTEMPTS) throw error
    }
    await new Promise((resolve) => setTimeout(resolve, RETRY_AFTER_MS))
  }
}
