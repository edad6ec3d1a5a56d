// Buying a product: a Checkout Session as a destination charge, on Stripe's hosted page or
// embedded in the product's own page. The buyer pays the platform, Stripe moves the price on to
// the creator's connected account and keeps the platform's fee (TIPLINE_FEE_BPS) out of it as the
// application fee. Either way the buyer comes back to the same page, which fulfils the order.
import Stripe from 'stripe'
import { routes, type EmbeddedProductCheckout, type ProductCheckout } from '../../shared/api.ts'
import { toStripeAmount } from '../../shared/currencies.ts'
import { ApiFailure } from '../http/errors.ts'
import { payoutAccountOf } from '../payouts/accounts.ts'
import type { Services } from '../services.ts'
import { productById } from './catalog.ts'

export const ORDER_PURPOSE = 'product'

/**
 * `idempotencyKey`: the buyer's one attempt (a retried request gets the same session back);
 * without one every call is a new session.
 */
export async function startProductCheckout(s: Services, productId: string, idempotencyKey?: string): Promise<ProductCheckout> {
  const session = await createOrderSession(s, productId, 'hosted', idempotencyKey)
  if (!session.url) throw new Error(`Checkout Session ${session.id} came back without a url`)
  return { checkoutSessionId: session.id, checkoutUrl: session.url }
}

/** The same purchase for Stripe.js to mount on the product's page (embedded Checkout). */
export async function startEmbeddedProductCheckout(s: Services, productId: string, idempotencyKey?: string): Promise<EmbeddedProductCheckout> {
  const session = await createOrderSession(s, productId, 'embedded', idempotencyKey)
  if (!session.client_secret) throw new Error(`Checkout Session ${session.id} came back without a client_secret`)
  return { checkoutSessionId: session.id, clientSecret: session.client_secret }
}

async function createOrderSession(
  s: Services,
  productId: string,
  ui: 'hosted' | 'embedded',
  idempotencyKey: string | undefined,
): Promise<Stripe.Checkout.Session> {
  const { product, sellerId } = await productById(s, productId)
  const payouts = await payoutAccountOf(s.db, sellerId)
  if (!payouts?.ready) {
    throw new ApiFailure(409, 'seller_not_ready', 'This creator cannot take payments right now; try again later.')
  }
  const amount = toStripeAmount(product.price, product.currency)
  const fee = Math.floor((amount * s.feeBasisPoints) / 10_000)
  const metadata = { purpose: ORDER_PURPOSE, productId: product.id }
  const paid = `${s.publicUrl}${routes.productPaid(product.id)}?session_id={CHECKOUT_SESSION_ID}`
  const params: Stripe.Checkout.SessionCreateParams = {
    mode: 'payment',
    line_items: [
      {
        quantity: 1,
        price_data: {
          currency: product.currency.toLowerCase(),
          unit_amount: amount,
          product_data: { name: product.title },
        },
      },
    ],
    metadata,
    payment_intent_data: {
      metadata,
      application_fee_amount: fee,
      transfer_data: { destination: payouts.stripeAccount },
    },
    // Embedded Checkout has no cancel page: the buyer never left the product's page.
    ...(ui === 'embedded'
      ? { ui_mode: 'embedded_page', return_url: paid }
      : { success_url: paid, cancel_url: `${s.publicUrl}${routes.productPage(product.id)}` }),
  }
  // The mode is part of the key: the page's embedded checkout and its Pay form share one attempt.
  const options = idempotencyKey ? { idempotencyKey: `order:${product.id}:${ui}:${idempotencyKey}` } : {}
  return s.stripe.checkout.sessions.create(params, options).catch((error: unknown) => {
    throw providerFailure(error)
  })
}

function providerFailure(error: unknown): unknown {
  const { StripeConnectionError, StripeAPIError, StripeRateLimitError } = Stripe.errors
  if (error instanceof StripeConnectionError || error instanceof StripeAPIError || error instanceof StripeRateLimitError) {
    return new ApiFailure(503, 'payment_provider_unavailable', 'Stripe could not be reached; try again.')
  }
  return error
}
