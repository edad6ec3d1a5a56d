// Disputes (chargebacks) a test opens on a paid charge and later closes as won or lost.
import type { Account } from './account.ts'
import { PLATFORM } from './balances.ts'
import { invalidRequest } from './errors.ts'
import { newId, unixNow } from './ids.ts'
import type { Dispute, DisputeStatus } from './objects.ts'

export type OpenDisputeStatus = Extract<DisputeStatus, 'warning_needs_response' | 'needs_response' | 'under_review'>

export function openDispute(
  account: Account,
  chargeId: string,
  options: { amount?: number | undefined; status?: OpenDisputeStatus | undefined },
): Dispute {
  const disputed = account.store.charge(chargeId)
  if (disputed.disputed) throw invalidRequest(`Charge ${chargeId} already has a dispute.`, 'charge')
  const amount = options.amount ?? disputed.amount
  if (amount < 1 || amount > disputed.amount) {
    throw invalidRequest(`A dispute amount must be between 1 and the charge amount (${disputed.amount}).`, 'amount')
  }
  const dispute: Dispute = {
    id: newId('dp'),
    object: 'dispute',
    amount,
    charge: disputed.id,
    created: unixNow(),
    currency: disputed.currency,
    livemode: false,
    metadata: {},
    payment_intent: disputed.payment_intent,
    reason: 'fraudulent',
    status: options.status ?? 'needs_response',
  }
  disputed.disputed = true
  // Stripe withdraws the disputed amount at once and returns it if the dispute is won.
  account.store.balances.add(PLATFORM, dispute.currency, -amount)
  account.store.disputes.set(dispute.id, dispute)
  account.emit('charge.dispute.created', dispute)
  return dispute
}

export function closeDispute(account: Account, disputeId: string, status: 'won' | 'lost'): Dispute {
  const dispute = account.store.dispute(disputeId)
  if (dispute.status === 'won' || dispute.status === 'lost') {
    throw invalidRequest(`Dispute ${disputeId} is already closed (${dispute.status}).`)
  }
  dispute.status = status
  if (status === 'won') account.store.balances.add(PLATFORM, dispute.currency, dispute.amount)
  account.emit('charge.dispute.closed', dispute)
  return dispute
}
