// Checkout Sessions: creating one from the API's parameters, paying it with a test card (from the
// hosted page or the control API), and expiring it.
import type { Account } from './account.ts'
import { PLATFORM } from './balances.ts'
import { authenticationFailed, charge, type CardDetails, type CardInput } from './cards.ts'
import { checkDestination, settleDestinationCharge } from './destination-charges.ts'
import { invalidRequest, type StripeApiError } from './errors.ts'
import type { FormObject } from './form.ts'
import { newId, unixNow } from './ids.ts'
import type { Charge, CheckoutSession, PaymentIntent } from './objects.ts'
import { readSessionParams } from './session-params.ts'

export interface Customer {
  email: string | null
  name: string | null
}

export type PaymentOutcome = { kind: 'paid'; session: CheckoutSession } | { kind: 'declined'; error: StripeApiError }
export type PaymentResult = PaymentOutcome | { kind: 'authentication_required'; token: string }

export function createSession(account: Account, params: FormObject): CheckoutSession {
  const created = unixNow()
  const given = readSessionParams(params, created)
  if (given.intentData.destination) {
    checkDestination(account, given.intentData.destination, 'payment_intent_data[transfer_data][destination]')
  }
  const id = newId('cs_test', 58)
  const shown = given.presentation
  const session: CheckoutSession = {
    id,
    object: 'checkout.session',
    amount_subtotal: given.total,
    amount_total: given.total,
    cancel_url: shown.uiMode === 'hosted_page' ? shown.cancelUrl : null,
    client_reference_id: given.clientReferenceId,
    client_secret: shown.uiMode === 'embedded_page' ? `${id}_${newId('secret')}` : null,
    created,
    currency: given.currency,
    customer: null,
    customer_details: null,
    customer_email: given.customerEmail,
    expires_at: given.expiresAt,
    livemode: false,
    metadata: given.metadata,
    mode: 'payment',
    payment_intent: null,
    payment_method_types: ['card'],
    payment_status: 'unpaid',
    ...(shown.uiMode === 'embedded_page' && { return_url: shown.returnUrl }),
    status: 'open',
    success_url: shown.uiMode === 'hosted_page' ? shown.successUrl : null,
    ui_mode: shown.uiMode,
    url: shown.uiMode === 'hosted_page' ? `${account.url}/c/pay/${id}` : null,
  }
  account.store.sessions.set(id, session)
  account.store.lineItems.set(id, given.lineItems)
  account.store.intentData.set(id, given.intentData)
  return session
}

export function expireSession(account: Account, id: string): CheckoutSession {
  const session = openSession(account, id)
  session.status = 'expired'
  session.url = null
  account.store.authentications.delete(id)
  account.emit('checkout.session.expired', session)
  return session
}

export function payWithCard(account: Account, id: string, card: CardInput, customer: Customer): PaymentResult {
  const session = openSession(account, id)
  const outcome = charge(card)
  switch (outcome.kind) {
    case 'approved':
      return { kind: 'paid', session: complete(account, session, outcome.card, customer) }
    case 'authentication_required': {
      const token = newId('auth')
      account.store.authentications.set(id, { token, card: outcome.card, ...customer })
      return { kind: 'authentication_required', token }
    }
    case 'declined':
      return outcome
  }
}

/** The customer's answer on the test authentication page for the challenge `token`. */
export function finishAuthentication(account: Account, id: string, token: string, approved: boolean): PaymentOutcome {
  const session = openSession(account, id)
  const pending = account.store.authentications.get(id)
  if (!pending || pending.token !== token) throw invalidRequest('This authentication is no longer pending.', 'token')
  account.store.authentications.delete(id)
  if (!approved) return { kind: 'declined', error: authenticationFailed() }
  return { kind: 'paid', session: complete(account, session, pending.card, pending) }
}

function openSession(account: Account, id: string): CheckoutSession {
  const session = account.store.session(id)
  if (session.status !== 'open') {
    throw invalidRequest(`This Checkout Session is no longer open (status: ${session.status}).`, undefined, 'checkout_session_not_open')
  }
  return session
}

function complete(account: Account, session: CheckoutSession, card: CardDetails, customer: Customer): CheckoutSession {
  const { store } = account
  const created = unixNow()
  const email = session.customer_email ?? customer.email
  const intentData = store.intentData.get(session.id) ?? { description: null, metadata: {}, destination: null }
  const { destination } = intentData
  // An account restricted since the session was made can no longer be paid through it.
  if (destination) checkDestination(account, destination, 'payment_intent_data[transfer_data][destination]')
  const intent: PaymentIntent = {
    id: newId('pi'),
    object: 'payment_intent',
    amount: session.amount_total,
    amount_received: session.amount_total,
    currency: session.currency,
    created,
    description: intentData.description,
    latest_charge: null,
    livemode: false,
    metadata: intentData.metadata,
    payment_method_types: ['card'],
    receipt_email: email,
    status: 'succeeded',
    application_fee_amount: destination?.applicationFee ?? null,
    transfer_data: destination && { destination: destination.account },
    transfer_group: null,
  }
  const paid: Charge = {
    id: newId('ch'),
    object: 'charge',
    amount: intent.amount,
    amount_captured: intent.amount,
    amount_refunded: 0,
    billing_details: { email, name: customer.name },
    captured: true,
    created,
    currency: intent.currency,
    disputed: false,
    livemode: false,
    metadata: {},
    paid: true,
    payment_intent: intent.id,
    payment_method_details: { type: 'card', card },
    refunded: false,
    status: 'succeeded',
    application_fee: null,
    application_fee_amount: null,
    transfer: null,
    transfer_data: null,
    transfer_group: null,
  }
  intent.latest_charge = paid.id
  store.paymentIntents.set(intent.id, intent)
  store.charges.set(paid.id, paid)
  store.balances.add(PLATFORM, paid.currency, paid.amount)
  if (destination) {
    // Stripe groups a destination charge with its transfer under the PaymentIntent's id.
    intent.transfer_group = `group_${intent.id}`
    settleDestinationCharge(account, paid, destination, intent.transfer_group)
  }
  session.status = 'complete'
  session.payment_status = 'paid'
  session.payment_intent = intent.id
  session.customer_details = { email, name: customer.name }
  session.url = null
  account.emit('checkout.session.completed', session)
  return session
}
