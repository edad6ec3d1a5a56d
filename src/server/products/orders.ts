// Orders: one per paid product Checkout Session. The webhook and the return page both call
// fulfilOrder, whichever comes first; the session id as the orders key makes the second a no-op.
// No ledger entry: a destination charge pays the creator's connected account at Stripe directly.
import type Stripe from 'stripe'
import type { Order } from '../../shared/api.ts'
import { fromStripeAmount, isSupportedCurrency, type CurrencyCode } from '../../shared/currencies.ts'
import type { Db } from '../db/index.ts'
import type { Services } from '../services.ts'
import { firstDelivery, type EventRef } from '../stripe/events.ts'
import { idOf } from '../stripe/fulfil.ts'
import { ORDER_PURPOSE } from './checkout.ts'

export type OrderStatus = 'paid' | 'processing' | 'expired' | 'unknown'

export const isOrderSession = (session: { metadata: Stripe.Metadata | null }): boolean =>
  session.metadata?.purpose === ORDER_PURPOSE

export async function fulfilOrder(s: Services, sessionId: string, event?: EventRef): Promise<OrderStatus> {
  const session = await s.stripe.checkout.sessions.retrieve(sessionId, { expand: ['payment_intent'] })
  return s.db.transaction(async (tx) => {
    if (event && !(await firstDelivery(tx, event))) return statusOf(session)
    const productId = isOrderSession(session) ? session.metadata?.productId : undefined
    if (!productId) return 'unknown'
    const { rows } = await tx.query<{ account_id: string }>('SELECT account_id FROM products WHERE id = $1', [productId])
    const seller = rows[0]
    if (!seller) return 'unknown'
    if (session.payment_status !== 'paid') return statusOf(session)

    const currency = (session.currency ?? '').toUpperCase()
    if (!isSupportedCurrency(currency) || session.amount_total === null) {
      throw new Error(`Checkout Session ${session.id} has no usable amount (${session.amount_total} ${currency})`)
    }
    await tx.query(
      `INSERT INTO orders (checkout_session_id, product_id, account_id, amount, currency, application_fee, payment_intent, buyer_email)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (checkout_session_id) DO NOTHING`,
      [
        session.id,
        productId,
        seller.account_id,
        fromStripeAmount(session.amount_total, currency),
        currency,
        fromStripeAmount(applicationFee(session), currency),
        idOf(session.payment_intent),
        session.customer_details?.email ?? null,
      ],
    )
    return 'paid'
  })
}

export async function ordersOf(db: Db, accountId: string): Promise<Order[]> {
  const { rows } = await db.query<{
    checkout_session_id: string
    product_id: string
    title: string
    amount: string | number
    application_fee: string | number
    currency: CurrencyCode
    created_at: Date | string
  }>(
    `SELECT o.checkout_session_id, o.product_id, p.title, o.amount, o.application_fee, o.currency, o.created_at
     FROM orders o JOIN products p ON p.id = o.product_id
     WHERE o.account_id = $1 ORDER BY o.created_at DESC, o.checkout_session_id LIMIT 500`,
    [accountId],
  )
  return rows.map((row) => ({
    id: row.checkout_session_id,
    productId: row.product_id,
    title: row.title,
    amount: Number(row.amount),
    fee: Number(row.application_fee),
    currency: row.currency,
    at: new Date(row.created_at).toISOString(),
  }))
}

/** The fee Stripe took for the platform, as the PaymentIntent says. */
function applicationFee(session: Stripe.Checkout.Session): number {
  const intent = session.payment_intent
  return typeof intent === 'object' && intent !== null ? (intent.application_fee_amount ?? 0) : 0
}

function statusOf(session: Stripe.Checkout.Session): OrderStatus {
  if (session.payment_status === 'paid') return 'paid'
  if (session.status === 'expired') return 'expired'
  return 'processing'
}
