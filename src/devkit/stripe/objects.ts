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
  status: 'open' | 'complete' | 'expired'
  success_url: string
  ui_mode: 'hosted'
  url: string | null
}

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

export interface StripeEvent {
  id: string
  object: 'event'
  api_version: string
  created: number
  data: { object: StripeObject }
  livemode: false
  pending_webhooks: number
  request: { id: string | null; idempotency_key: string | null }
  type: string
}

export type StripeObject = CheckoutSession | PaymentIntent | Charge | Refund | Dispute

export interface List<T> {
  object: 'list'
  data: T[]
  has_more: boolean
  url: string
}
