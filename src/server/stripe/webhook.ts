// Stripe's webhook: verify the signature on the raw body, then apply the event once.
// Throwing here answers 500, which makes Stripe deliver the event again later.
import type Stripe from 'stripe'
import { ApiFailure } from '../http/errors.ts'
import type { Tx } from '../db/index.ts'
import type { Services } from '../services.ts'
import { firstDelivery } from './events.ts'
import { closeTopup, fulfilCheckoutSession } from './fulfil.ts'
import { applyRefund, closeDispute, openDispute } from './reversals.ts'

/** Signatures older than this are refused, so a captured delivery cannot be replayed later. */
const SIGNATURE_TOLERANCE_SECONDS = 300

export function verifyEvent(s: Services, rawBody: string, signature: string | undefined): Stripe.Event {
  try {
    return s.stripe.webhooks.constructEvent(rawBody, signature ?? '', s.webhookSecret, SIGNATURE_TOLERANCE_SECONDS)
  } catch {
    throw new ApiFailure(400, 'invalid_signature', 'The Stripe-Signature header is missing, wrong or too old.', 'Stripe-Signature')
  }
}

export async function handleEvent(s: Services, event: Stripe.Event): Promise<void> {
  switch (event.type) {
    case 'checkout.session.completed':
    case 'checkout.session.async_payment_succeeded':
      await fulfilCheckoutSession(s, event.data.object.id, event)
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
    default:
      s.log({ msg: 'stripe event ignored', eventId: event.id, type: event.type })
  }
}

async function once(s: Services, event: Stripe.Event, effect: (tx: Tx) => Promise<void>): Promise<void> {
  await s.db.transaction(async (tx) => {
    if (await firstDelivery(tx, event)) await effect(tx)
  })
}
