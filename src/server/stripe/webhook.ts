// Stripe's webhook: verify the signature on the raw body, then apply the event once.
// Throwing here answers 500, which makes Stripe deliver the event again later.
import type Stripe from 'stripe'
import { ApiFailure } from '../http/errors.ts'
import type { Tx } from '../db/index.ts'
import { applyTransferCreated, applyTransferReversal } from '../payouts/events.ts'
import { fulfilOrder, isOrderSession } from '../products/orders.ts'
import type { Services } from '../services.ts'
import { firstDelivery } from './events.ts'
import { closeTopup, fulfilCheckoutSession } from './fulfil.ts'
import { applyRefund, closeDispute, openDispute, TopupNotCredited } from './reversals.ts'

/** Signatures older than this are refused, so a captured delivery cannot be replayed later. */
export const SIGNATURE_TOLERANCE_SECONDS = 300

/**
 * The event in a delivery, if its signature holds for this endpoint's secret: the platform's
 * endpoint and the Connect endpoint each have their own. Without a secret every delivery is refused.
 */
export function verifyEvent(
  stripe: Stripe,
  secret: string | undefined,
  rawBody: string,
  signature: string | undefined,
): Stripe.Event {
  try {
    if (!secret) throw new Error('no webhook secret configured for this endpoint')
    return stripe.webhooks.constructEvent(rawBody, signature ?? '', secret, SIGNATURE_TOLERANCE_SECONDS)
  } catch {
    throw new ApiFailure(400, 'invalid_signature', 'The Stripe-Signature header is missing, wrong or too old.', 'Stripe-Signature')
  }
}

export async function handleEvent(s: Services, event: Stripe.Event): Promise<void> {
  switch (event.type) {
    case 'checkout.session.completed':
    case 'checkout.session.async_payment_succeeded':
      if (isOrderSession(event.data.object)) await fulfilOrder(s, event.data.object.id, event)
      else await fulfilCheckoutSession(s, event.data.object.id, event)
      return
    case 'checkout.session.async_payment_failed':
      return once(s, event, (tx) => closeTopup(tx, event.data.object.id, 'failed'))
    case 'checkout.session.expired':
      return once(s, event, (tx) => closeTopup(tx, event.data.object.id, 'expired'))
    case 'charge.refunded':
      return once(s, event, (tx) => applyRefund(tx, event.data.object))
    case 'charge.dispute.created':
      return once(s, event, (tx) => openDispute(tx, event.data.object))
    case 'charge.dispute.closed':
      return once(s, event, (tx) => closeDispute(tx, event.data.object))
    case 'transfer.created':
      return once(s, event, (tx) => applyTransferCreated(tx, event.data.object))
    case 'transfer.reversed':
      return once(s, event, (tx) => applyTransferReversal(tx, event.data.object))
    default:
      s.log({ msg: 'stripe event ignored', eventId: event.id, type: event.type })
  }
}

async function once(s: Services, event: Stripe.Event, effect: (tx: Tx) => Promise<void>): Promise<void> {
  try {
    await s.db.transaction(async (tx) => {
      if (await firstDelivery(tx, event)) await effect(tx)
    })
  } catch (error) {
    if (!(error instanceof TopupNotCredited)) throw error
    if (await isTopup(s, error.paymentIntent)) {
      // Its checkout.session.completed is still on its way: refuse, and Stripe delivers this again later.
      throw new ApiFailure(503, 'topup_not_credited', 'The top-up this event reverses is not credited yet; deliver it again later.')
    }
    // Not a Tipline top-up: nothing to reverse. Recorded, so a redelivery is not looked up again.
    await s.db.transaction((tx) => firstDelivery(tx, event))
  }
}

async function isTopup(s: Services, paymentIntent: string | null): Promise<boolean> {
  if (!paymentIntent) return false
  const intent = await s.stripe.paymentIntents.retrieve(paymentIntent)
  return intent.metadata?.purpose === 'topup'
}
