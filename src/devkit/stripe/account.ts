// The stand-in's own Stripe account (the platform, in Connect's words): its objects, its event stream, and where it is served.
import Stripe from 'stripe'
import { newId, unixNow } from './ids.ts'
import type { StripeEvent, StripeObject } from './objects.ts'
import type { Store } from './store.ts'

/** Events carry the API version of the SDK installed beside the stand-in, as an account pinned to it would. */
export const API_VERSION: string = Stripe.API_VERSION

export type EventType =
  | 'checkout.session.completed'
  | 'checkout.session.expired'
  | 'charge.refunded'
  | 'charge.dispute.created'
  | 'charge.dispute.closed'
  | 'account.updated'
  | 'transfer.created'
  | 'transfer.reversed'
  | 'application_fee.created'
  | 'payout.created'
  | 'payout.paid'
  | 'payout.failed'

/** Where an event happened, for events about a connected account (`account`) and updates (`previous`). */
export interface EventContext {
  account?: string
  previous?: Record<string, unknown>
}

export interface Account {
  store: Store
  /** Records an event with a snapshot of `object` and hands it to webhook delivery. */
  emit(type: EventType, object: StripeObject, context?: EventContext): StripeEvent
  /** Where the stand-in is served, e.g. http://127.0.0.1:12111; hosted pages live under it. */
  url: string
}

export function recordEvent(
  store: Store,
  type: EventType,
  object: StripeObject,
  endpoints: number,
  context: EventContext = {},
): StripeEvent {
  const event: StripeEvent = {
    id: newId('evt'),
    object: 'event',
    ...(context.account && { account: context.account }),
    api_version: API_VERSION,
    created: unixNow(),
    data: { object: structuredClone(object), ...(context.previous && { previous_attributes: structuredClone(context.previous) }) },
    livemode: false,
    pending_webhooks: endpoints,
    request: { id: null, idempotency_key: null },
    type,
  }
  store.events.set(event.id, event)
  return event
}
