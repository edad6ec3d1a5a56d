// Everything the stand-in's Stripe account holds, in memory. Lists come newest first, as Stripe's do.
import { Balances } from './balances.ts'
import { invalidRequest, resourceMissing } from './errors.ts'
import type { FormObject } from './form.ts'
import type {
  ApplicationFee,
  CheckoutSession,
  Charge,
  ConnectedAccount,
  Dispute,
  LineItem,
  List,
  Metadata,
  PaymentIntent,
  Payout,
  Refund,
  StripeEvent,
  StripeObject,
  Transfer,
  TransferReversal,
} from './objects.ts'
import { optionalInteger, optionalString } from './params.ts'

/** A 3-D Secure challenge waiting on the hosted page's Complete / Fail buttons. */
export interface PendingAuthentication {
  token: string
  card: { brand: string; last4: string; exp_month: number; exp_year: number }
  email: string | null
  name: string | null
}

/** What `payment_intent_data` asked of the PaymentIntent made when a session is paid. */
export interface IntentData {
  description: string | null
  metadata: Metadata
  /** A destination charge: the connected account paid, and the platform's fee kept from it. */
  destination: { account: string; applicationFee: number | null } | null
}

/** An Account Link's hosted onboarding page; single use, as Stripe's are. */
export interface OnboardingLink {
  token: string
  account: string
  refreshUrl: string
  returnUrl: string
  expiresAt: number
  /** Opened once already: opening it again goes to refresh_url. */
  visited: boolean
  /** Answered (completed or left for later): it cannot be used again. */
  used: boolean
}

export class Store {
  readonly sessions = new Map<string, CheckoutSession>()
  readonly lineItems = new Map<string, LineItem[]>()
  readonly authentications = new Map<string, PendingAuthentication>()
  /** `payment_intent_data` given at session creation, applied to the PaymentIntent made on payment. */
  readonly intentData = new Map<string, IntentData>()
  readonly paymentIntents = new Map<string, PaymentIntent>()
  readonly charges = new Map<string, Charge>()
  readonly refunds = new Map<string, Refund>()
  readonly disputes = new Map<string, Dispute>()
  readonly events = new Map<string, StripeEvent>()
  readonly accounts = new Map<string, ConnectedAccount>()
  readonly onboardingLinks = new Map<string, OnboardingLink>()
  readonly transfers = new Map<string, Transfer>()
  readonly reversals = new Map<string, TransferReversal>()
  readonly applicationFees = new Map<string, ApplicationFee>()
  /** Payouts by id; each belongs to the connected account it was made on. */
  readonly payouts = new Map<string, { owner: string; payout: Payout }>()
  readonly balances = new Balances()

  session(id: string): CheckoutSession {
    return found(this.sessions.get(id), 'checkout.session', id)
  }
  paymentIntent(id: string): PaymentIntent {
    return found(this.paymentIntents.get(id), 'payment_intent', id)
  }
  charge(id: string): Charge {
    return found(this.charges.get(id), 'charge', id)
  }
  refund(id: string): Refund {
    return found(this.refunds.get(id), 'refund', id)
  }
  dispute(id: string): Dispute {
    return found(this.disputes.get(id), 'dispute', id)
  }
  event(id: string): StripeEvent {
    return found(this.events.get(id), 'event', id)
  }
  account(id: string, param = 'id'): ConnectedAccount {
    const account = this.accounts.get(id)
    if (!account) throw resourceMissing('account', id, param)
    return account
  }
  transfer(id: string): Transfer {
    return found(this.transfers.get(id), 'transfer', id)
  }
  reversal(id: string): TransferReversal {
    return found(this.reversals.get(id), 'transfer_reversal', id)
  }
  applicationFee(id: string): ApplicationFee {
    return found(this.applicationFees.get(id), 'application_fee', id)
  }
  /** A payout made on `owner`'s account; another account's payout is as missing as an unknown one. */
  payout(id: string, owner: string): Payout {
    const entry = this.payouts.get(id)
    return found(entry?.owner === owner ? entry.payout : undefined, 'payout', id)
  }

  /** Any object by its id, for expansion: the prefix says which kind it is. */
  byId(id: string): StripeObject {
    if (id.startsWith('cs_')) return this.session(id)
    if (id.startsWith('pi_')) return this.paymentIntent(id)
    if (id.startsWith('ch_')) return this.charge(id)
    if (id.startsWith('re_')) return this.refund(id)
    if (id.startsWith('dp_')) return this.dispute(id)
    if (id.startsWith('acct_')) return this.account(id)
    if (id.startsWith('trr_')) return this.reversal(id)
    if (id.startsWith('tr_')) return this.transfer(id)
    if (id.startsWith('fee_')) return this.applicationFee(id)
    throw resourceMissing('object', id)
  }
}

function found<T>(object: T | undefined, kind: string, id: string): T {
  if (!object) throw resourceMissing(kind, id)
  return object
}

export function newestFirst<T>(items: Iterable<T>): T[] {
  return [...items].reverse()
}

/** One page of `items` (already in the list's order) in Stripe's list shape, honouring `limit` and `starting_after`. */
export function page<T extends { id: string }>(items: T[], params: FormObject, url: string): List<T> {
  const limit = optionalInteger(params, 'limit') ?? 10
  if (limit < 1 || limit > 100) throw invalidRequest('Invalid limit: must be between 1 and 100.', 'limit')
  const after = optionalString(params, 'starting_after')
  let start = 0
  if (after !== undefined) {
    const index = items.findIndex((item) => item.id === after)
    if (index < 0) throw invalidRequest(`No such object: '${after}'`, 'starting_after', 'resource_missing')
    start = index + 1
  }
  return { object: 'list', data: items.slice(start, start + limit), has_more: start + limit < items.length, url }
}

/**
 * A copy of `object` with the ids named by `paths` replaced by the objects, as `expand[]` does;
 * paths may go deeper (`payment_intent.latest_charge`).
 */
export function expand<T extends object>(store: Store, object: T, paths: string[]): T {
  const copy = structuredClone(object)
  for (const path of paths) expandPath(store, copy as Record<string, unknown>, path.split('.'), path)
  return copy
}

function expandPath(store: Store, target: Record<string, unknown>, [field, ...rest]: string[], path: string): void {
  const value = field === undefined ? undefined : target[field]
  if (field === undefined || value === undefined || (typeof value !== 'string' && typeof value !== 'object')) {
    throw invalidRequest(`This property cannot be expanded (${path}).`, 'expand')
  }
  if (value === null) return
  const object = typeof value === 'string' ? structuredClone(store.byId(value)) : value
  target[field] = object
  if (rest.length > 0) expandPath(store, object as Record<string, unknown>, rest, path)
}
