// Starting a top-up: a hosted Checkout Session in the wallet's currency. The client's
// Idempotency-Key goes through to Stripe, so a retried request gets the same session back.
import Stripe from 'stripe'
import { routes, type TopupRequest } from '../../shared/api.ts'
import { isSupportedCurrency, isValidMinorAmount, limitsFor, toStripeAmount, type CurrencyCode } from '../../shared/currencies.ts'
import { ApiFailure } from '../http/errors.ts'
import { hashRequest } from '../ledger/index.ts'
import type { Services } from '../services.ts'

export interface StartedTopup {
  checkoutSessionId: string
  checkoutUrl: string
}

export async function startTopup(
  s: Services,
  accountId: string,
  idempotencyKey: string,
  request: TopupRequest,
): Promise<StartedTopup> {
  const requestHash = hashRequest(request)
  const earlier = await findEarlier(s, accountId, idempotencyKey, requestHash)
  if (earlier) return earlier
  const { amount } = request
  const currency = checkAmount(amount, request.currency)
  await settleWalletCurrency(s, accountId, currency)

  const session = await createSession(s, accountId, idempotencyKey, amount, currency)
  // A concurrent retry with the same key got the same session from Stripe and may have saved it first.
  await s.db.query(
    `INSERT INTO topups (checkout_session_id, account_id, idempotency_key, request_hash, checkout_url, amount, currency)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
    [session.id, accountId, idempotencyKey, requestHash, session.url, amount, currency],
  )
  return { checkoutSessionId: session.id, checkoutUrl: session.url }
}

async function createSession(
  s: Services,
  accountId: string,
  idempotencyKey: string,
  amount: number,
  currency: CurrencyCode,
): Promise<{ id: string; url: string }> {
  const params: Stripe.Checkout.SessionCreateParams = {
    mode: 'payment',
    line_items: [
      {
        quantity: 1,
        price_data: {
          currency: currency.toLowerCase(),
          unit_amount: toStripeAmount(amount, currency),
          product_data: { name: 'Tipline wallet top-up' },
        },
      },
    ],
    metadata: { accountId, purpose: 'topup' },
    payment_intent_data: { metadata: { accountId, purpose: 'topup' } },
    client_reference_id: accountId,
    success_url: `${s.publicUrl}${routes.topupReturn}?session_id={CHECKOUT_SESSION_ID}`,
    cancel_url: `${s.publicUrl}${routes.topups}/cancelled`,
  }
  const session = await s.stripe.checkout.sessions
    .create(params, { idempotencyKey: `topup:${accountId}:${idempotencyKey}` })
    .catch((error: unknown) => {
      throw providerFailure(error)
    })
  if (!session.url) throw new Error(`Checkout Session ${session.id} came back without a url`)
  return { id: session.id, url: session.url }
}

/** Stripe being unreachable or busy is worth retrying (same key, same session); anything else is not. */
function providerFailure(error: unknown): unknown {
  const { StripeConnectionError, StripeAPIError, StripeRateLimitError } = Stripe.errors
  if (
    error instanceof StripeConnectionError ||
    error instanceof StripeAPIError ||
    error instanceof StripeRateLimitError
  ) {
    return new ApiFailure(503, 'payment_provider_unavailable', 'Stripe could not be reached; try again with the same Idempotency-Key.')
  }
  return error
}

async function findEarlier(
  s: Services,
  accountId: string,
  idempotencyKey: string,
  requestHash: string,
): Promise<StartedTopup | null> {
  const { rows } = await s.db.query<{ checkout_session_id: string; checkout_url: string; request_hash: string }>(
    'SELECT checkout_session_id, checkout_url, request_hash FROM topups WHERE account_id = $1 AND idempotency_key = $2',
    [accountId, idempotencyKey],
  )
  const row = rows[0]
  if (!row) return null
  if (row.request_hash !== requestHash) {
    throw new ApiFailure(409, 'idempotency_conflict', 'This Idempotency-Key was already used with a different request.')
  }
  return { checkoutSessionId: row.checkout_session_id, checkoutUrl: row.checkout_url }
}

function checkAmount(amount: number, currency: string): CurrencyCode {
  if (!isSupportedCurrency(currency)) {
    throw new ApiFailure(400, 'unsupported_currency', `${currency} is not a supported currency.`, 'currency')
  }
  if (!isValidMinorAmount(amount, currency)) {
    throw new ApiFailure(400, 'invalid_amount', `amount is not a valid ${currency} amount.`, 'amount')
  }
  const { min, max } = limitsFor(currency).topup
  if (amount < min || amount > max) {
    throw new ApiFailure(400, 'invalid_amount', `amount must be between ${min} and ${max} in ${currency} minor units.`, 'amount')
  }
  return currency
}

/** The first top-up picks the wallet's currency; later ones must match it. */
async function settleWalletCurrency(s: Services, accountId: string, currency: string): Promise<void> {
  await s.db.query('UPDATE accounts SET wallet_currency = $2 WHERE id = $1 AND wallet_currency IS NULL', [
    accountId,
    currency,
  ])
  const { rows } = await s.db.query<{ wallet_currency: string }>('SELECT wallet_currency FROM accounts WHERE id = $1', [
    accountId,
  ])
  const walletCurrency = rows[0]?.wallet_currency
  if (walletCurrency !== currency) {
    throw new ApiFailure(400, 'currency_mismatch', `This wallet holds ${walletCurrency}; top up in ${walletCurrency}.`, 'currency')
  }
}
