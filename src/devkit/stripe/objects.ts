// The Stripe objects the stand-in keeps, with the fields Tipline reads and the ones that make
// them recognisably Stripe's (`object`, `livemode`, `created`). Amounts are integer minor units.
export type Metadata = Record<string, string>

export interface CheckoutSession {
  id: string
  object: 'checkout.session'
  amount_subtotal: number
  amount_total: number
  cancel_url: string | null
  client_reference_id: string | null
  /** Embedded sessions only: what Stripe.js mounts the payment form with. */
  client_secret: string | null
  created: number
  currency: string
  customer: null
  customer_details: { email: string | null; name: string | null } | null
  customer_email: string | null
  expires_at: number
  livemode: false
  metadata: Metadata
  mode: 'payment'
  payment_intent: string | PaymentIntent | null
  payment_method_types: string[]
  payment_status: 'unpaid' | 'paid'
  /** Embedded sessions only: where the customer lands once paid, `{CHECKOUT_SESSION_ID}` filled in. */
  return_url?: string
  status: 'open' | 'complete' | 'expired'
  /** Hosted sessions only. */
  success_url: string | null
  ui_mode: UiMode
  url: string | null
}

/** The two ways the stand-in serves Checkout, under the names API versions from 2026-03-25.dahlia use. */
export type UiMode = 'hosted_page' | 'embedded_page'

export interface LineItem {
  id: string
  object: 'item'
  amount_discount: number
  amount_subtotal: number
  amount_tax: number
  amount_total: number
  currency: string
  description: string
  price: {
    id: string
    object: 'price'
    active: boolean
    currency: string
    livemode: false
    product: string
    type: 'one_time'
    unit_amount: number
  }
  quantity: number
}

export interface PaymentIntent {
  id: string
  object: 'payment_intent'
  amount: number
  amount_received: number
  currency: string
  created: number
  description: string | null
  latest_charge: string | Charge | null
  livemode: false
  metadata: Metadata
  payment_method_types: string[]
  receipt_email: string | null
  status: 'succeeded'
  /** Set on a destination charge, as `payment_intent_data` asked. */
  application_fee_amount: number | null
  transfer_data: { destination: string } | null
  transfer_group: string | null
}

export interface Charge {
  id: string
  object: 'charge'
  amount: number
  amount_captured: number
  amount_refunded: number
  billing_details: { email: string | null; name: string | null }
  captured: boolean
  created: number
  currency: string
  disputed: boolean
  livemode: false
  metadata: Metadata
  paid: boolean
  payment_intent: string | PaymentIntent
  payment_method_details: { type: 'card'; card: { brand: string; last4: string; exp_month: number; exp_year: number } }
  refunded: boolean
  status: 'succeeded'
  /** A destination charge's fee, its automatic transfer and where that went; null otherwise. */
  application_fee: string | ApplicationFee | null
  application_fee_amount: number | null
  transfer: string | Transfer | null
  transfer_data: { destination: string } | null
  transfer_group: string | null
}

export interface Refund {
  id: string
  object: 'refund'
  amount: number
  charge: string | Charge
  created: number
  currency: string
  metadata: Metadata
  payment_intent: string | PaymentIntent
  reason: string | null
  status: 'succeeded'
}

export type DisputeStatus = 'warning_needs_response' | 'needs_response' | 'under_review' | 'won' | 'lost'

export interface Dispute {
  id: string
  object: 'dispute'
  amount: number
  charge: string | Charge
  created: number
  currency: string
  livemode: false
  metadata: Metadata
  payment_intent: string | PaymentIntent
  reason: string
  status: DisputeStatus
}

export type CapabilityStatus = 'active' | 'inactive' | 'pending'

export interface Requirements {
  alternatives: []
  current_deadline: number | null
  currently_due: string[]
  disabled_reason: string | null
  errors: []
  eventually_due: string[]
  past_due: string[]
  pending_verification: string[]
}

/** A creator's Connect account, as the platform sees it. */
export interface ConnectedAccount {
  id: string
  object: 'account'
  business_type: string | null
  capabilities: Partial<Record<'transfers' | 'card_payments', CapabilityStatus>>
  charges_enabled: boolean
  controller: {
    fees: { payer: string }
    is_controller: true
    losses: { payments: string }
    requirement_collection: string
    stripe_dashboard: { type: string }
    type: 'application'
  }
  country: string
  created: number
  default_currency: string
  details_submitted: boolean
  email: string | null
  metadata: Metadata
  payouts_enabled: boolean
  requirements: Requirements
  type: 'express' | 'standard' | 'custom' | 'none'
}

export interface AccountLink {
  object: 'account_link'
  created: number
  expires_at: number
  url: string
}

export interface Transfer {
  id: string
  object: 'transfer'
  amount: number
  amount_reversed: number
  balance_transaction: null
  created: number
  currency: string
  description: string | null
  destination: string | ConnectedAccount
  livemode: false
  metadata: Metadata
  reversals: List<TransferReversal>
  reversed: boolean
  /** The charge a destination charge's transfer came from. */
  source_transaction: string | Charge | null
  transfer_group: string | null
}

export interface TransferReversal {
  id: string
  object: 'transfer_reversal'
  amount: number
  balance_transaction: null
  created: number
  currency: string
  destination_payment_refund: null
  metadata: Metadata
  source_refund: null
  transfer: string | Transfer
}

export interface ApplicationFee {
  id: string
  object: 'application_fee'
  account: string | ConnectedAccount
  amount: number
  amount_refunded: number
  application: string
  balance_transaction: null
  charge: string | Charge
  created: number
  currency: string
  livemode: false
  originating_transaction: string | Charge | null
  refunded: boolean
}

export interface Payout {
  id: string
  object: 'payout'
  amount: number
  arrival_date: number
  automatic: false
  balance_transaction: null
  created: number
  currency: string
  description: string | null
  destination: null
  failure_code: string | null
  failure_message: string | null
  livemode: false
  metadata: Metadata
  method: 'standard'
  source_type: 'card'
  statement_descriptor: string | null
  status: 'pending' | 'paid' | 'failed'
  type: 'bank_account'
}

export interface BalanceAmount {
  amount: number
  currency: string
  source_types: { card: number }
}

export interface Balance {
  object: 'balance'
  available: BalanceAmount[]
  livemode: false
  pending: BalanceAmount[]
}

export interface StripeEvent {
  id: string
  object: 'event'
  /** The connected account the event happened on; absent for the platform's own events, as at Stripe. */
  account?: string
  api_version: string
  created: number
  data: { object: StripeObject; previous_attributes?: Record<string, unknown> }
  livemode: false
  pending_webhooks: number
  request: { id: string | null; idempotency_key: string | null }
  type: string
}

export type StripeObject =
  | CheckoutSession
  | PaymentIntent
  | Charge
  | Refund
  | Dispute
  | ConnectedAccount
  | Transfer
  | TransferReversal
  | ApplicationFee
  | Payout

export interface List<T> {
  object: 'list'
  data: T[]
  has_more: boolean
  url: string
}
