// Refunds against a paid charge, in full or in part, each announced by `charge.refunded`.
import type { Account } from './account.ts'
import { PLATFORM } from './balances.ts'
import { invalidRequest } from './errors.ts'
import type { FormObject } from './form.ts'
import { newId, unixNow } from './ids.ts'
import type { Charge, Refund } from './objects.ts'
import { metadata, optionalInteger, optionalString, rejectUnknown } from './params.ts'

const REASONS = ['duplicate', 'fraudulent', 'requested_by_customer']

/** POST /v1/refunds: names the charge directly or through its PaymentIntent. */
export function createRefund(account: Account, params: FormObject): Refund {
  rejectUnknown(params, ['charge', 'payment_intent', 'amount', 'reason', 'metadata', 'expand'])
  const reason = optionalString(params, 'reason') ?? null
  if (reason !== null && !REASONS.includes(reason)) {
    throw invalidRequest(`Invalid reason: must be one of ${REASONS.join(', ')}`, 'reason')
  }
  return refundCharge(account, chargeOf(account, params), optionalInteger(params, 'amount'), {
    reason,
    metadata: metadata(params),
  })
}

export function refundCharge(
  account: Account,
  refunded: Charge,
  amount: number | undefined,
  details: { reason: string | null; metadata: Record<string, string> } = { reason: null, metadata: {} },
): Refund {
  if (refunded.disputed) {
    throw invalidRequest(`Charge ${refunded.id} has been charged back; cannot issue a refund.`, undefined, 'charge_disputed')
  }
  const unrefunded = refunded.amount - refunded.amount_refunded
  if (unrefunded === 0) {
    throw invalidRequest(`Charge ${refunded.id} has already been refunded.`, undefined, 'charge_already_refunded')
  }
  const refundAmount = amount ?? unrefunded
  if (refundAmount < 1) throw invalidRequest('Invalid positive integer', 'amount')
  if (refundAmount > unrefunded) {
    throw invalidRequest(
      `Refund amount (${refundAmount}) is greater than unrefunded amount on charge (${unrefunded})`,
      'amount',
      'amount_too_large',
    )
  }
  const refund: Refund = {
    id: newId('re'),
    object: 'refund',
    amount: refundAmount,
    charge: refunded.id,
    created: unixNow(),
    currency: refunded.currency,
    metadata: details.metadata,
    payment_intent: refunded.payment_intent,
    reason: details.reason,
    status: 'succeeded',
  }
  account.store.refunds.set(refund.id, refund)
  // Refunds come out of the platform's balance, which may go negative as Stripe's can.
  account.store.balances.add(PLATFORM, refund.currency, -refundAmount)
  refunded.amount_refunded += refundAmount
  refunded.refunded = refunded.amount_refunded === refunded.amount
  account.emit('charge.refunded', refunded)
  return refund
}

function chargeOf(account: Account, params: FormObject): Charge {
  const chargeId = optionalString(params, 'charge')
  const intentId = optionalString(params, 'payment_intent')
  if (chargeId !== undefined) {
    const found = account.store.charge(chargeId)
    if (intentId !== undefined && found.payment_intent !== intentId) {
      throw invalidRequest(`Charge ${chargeId} does not belong to PaymentIntent ${intentId}.`, 'payment_intent')
    }
    return found
  }
  if (intentId === undefined) {
    throw invalidRequest('One of the following params should be provided for this request: payment_intent or charge.', undefined, 'parameter_missing')
  }
  const intent = account.store.paymentIntent(intentId)
  if (typeof intent.latest_charge !== 'string') {
    throw invalidRequest(`PaymentIntent ${intentId} has no charge to refund.`, 'payment_intent')
  }
  return account.store.charge(intent.latest_charge)
}
