// Payouts from a connected account's balance to its bank, made with the Stripe-Account header.
// Test mode settles at once: `payout.created` then `payout.paid`; the bank may still send a payout
// back later (`payout.failed`, through the control API), returning the money to the balance.
import type { Account } from './account.ts'
import { invalidRequest, resourceMissing } from './errors.ts'
import type { FormObject } from './form.ts'
import { newId, unixNow } from './ids.ts'
import type { Payout } from './objects.ts'
import { metadata, optionalString, rejectUnknown, requiredInteger, requiredString } from './params.ts'

/** The bank's reasons the control API can fail a payout with, in Stripe's words. */
export const PAYOUT_FAILURES = {
  account_closed: 'The bank account has been closed.',
  no_account: 'The bank account details on file are probably incorrect. No bank account could be located with those details.',
  could_not_process: 'The bank could not process this payout.',
} as const

export type PayoutFailure = keyof typeof PAYOUT_FAILURES

/** POST /v1/payouts on behalf of the connected account `owner`. */
export function createPayout(account: Account, owner: string, params: FormObject): Payout {
  const { store } = account
  rejectUnknown(params, ['amount', 'currency', 'description', 'metadata', 'method', 'statement_descriptor', 'expand'])
  const amount = requiredInteger(params, 'amount')
  if (amount < 1) throw invalidRequest('Invalid positive integer', 'amount')
  const currency = requiredString(params, 'currency').toLowerCase()
  const method = optionalString(params, 'method') ?? 'standard'
  if (method !== 'standard') throw invalidRequest('The stand-in makes standard payouts only.', 'method')
  if (!store.account(owner).payouts_enabled) {
    throw invalidRequest('Payouts are not enabled on this account: its onboarding is not complete.', undefined, 'payouts_not_allowed')
  }
  store.balances.take(owner, currency, amount, 'You have insufficient funds in your Stripe account for this payout.')
  const created = unixNow()
  const payout: Payout = {
    id: newId('po'),
    object: 'payout',
    amount,
    arrival_date: created,
    automatic: false,
    balance_transaction: null,
    created,
    currency,
    description: optionalString(params, 'description') ?? null,
    destination: null,
    failure_code: null,
    failure_message: null,
    livemode: false,
    metadata: metadata(params),
    method: 'standard',
    source_type: 'card',
    statement_descriptor: optionalString(params, 'statement_descriptor') ?? null,
    status: 'pending',
    type: 'bank_account',
  }
  store.payouts.set(payout.id, { owner, payout })
  account.emit('payout.created', payout, { account: owner })
  payout.status = 'paid'
  account.emit('payout.paid', payout, { account: owner })
  return payout
}

/** The bank returns a payout: its money goes back to the account's balance. */
export function failPayout(account: Account, id: string, failure: PayoutFailure): Payout {
  const entry = account.store.payouts.get(id)
  if (!entry) throw resourceMissing('payout', id)
  const { owner, payout } = entry
  if (payout.status === 'failed') throw invalidRequest(`Payout ${id} has already failed.`)
  payout.status = 'failed'
  payout.failure_code = failure
  payout.failure_message = PAYOUT_FAILURES[failure]
  account.store.balances.add(owner, payout.currency, payout.amount)
  account.emit('payout.failed', payout, { account: owner })
  return payout
}
