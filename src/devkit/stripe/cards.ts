// Stripe's test cards, and what each one does when a customer pays with it.
import { cardError, type StripeApiError } from './errors.ts'

export interface CardDetails {
  brand: string
  last4: string
  exp_month: number
  exp_year: number
}

export interface CardInput {
  number: string
  expMonth: number
  expYear: number
}

export type CardOutcome =
  | { kind: 'approved'; card: CardDetails }
  | { kind: 'authentication_required'; card: CardDetails }
  | { kind: 'declined'; error: StripeApiError }

export const TEST_CARDS = {
  succeeds: '4242424242424242',
  declined: '4000000000000002',
  insufficientFunds: '4000000000009995',
  requiresAuthentication: '4000002500003155',
} as const

export function authenticationFailed(): StripeApiError {
  return cardError(
    'payment_intent_authentication_failure',
    'We are unable to authenticate your payment method. Please choose a different payment method and try again.',
  )
}

export function charge(input: CardInput): CardOutcome {
  const number = input.number.replace(/[\s-]/g, '')
  const card = { brand: 'visa', last4: number.slice(-4), exp_month: input.expMonth, exp_year: input.expYear }
  switch (number) {
    case TEST_CARDS.succeeds:
      return { kind: 'approved', card }
    case TEST_CARDS.requiresAuthentication:
      return { kind: 'authentication_required', card }
    case TEST_CARDS.declined:
      return { kind: 'declined', error: cardError('card_declined', 'Your card was declined.', 'generic_decline') }
    case TEST_CARDS.insufficientFunds:
      return { kind: 'declined', error: cardError('card_declined', 'Your card has insufficient funds.', 'insufficient_funds') }
    default:
      return { kind: 'declined', error: cardError('invalid_number', 'Your card number is invalid.') }
  }
}

/** The expiry a customer typed ("12 / 34", "12/2034"), checked the way Checkout checks it. */
export function readExpiry(text: string, now = new Date()): { month: number; year: number } | StripeApiError {
  const match = /^\s*(\d{1,2})\s*\/\s*(\d{2}|\d{4})\s*$/.exec(text)
  if (!match) return cardError('incomplete_expiry', "Your card's expiration date is incomplete.")
  const month = Number(match[1])
  const year = match[2]!.length === 2 ? 2000 + Number(match[2]) : Number(match[2])
  if (month < 1 || month > 12) return cardError('invalid_expiry_month', "Your card's expiration month is invalid.")
  const thisYear = now.getUTCFullYear()
  if (year < thisYear) return cardError('invalid_expiry_year', "Your card's expiration year is in the past.")
  if (year === thisYear && month < now.getUTCMonth() + 1) {
    return cardError('invalid_expiry_month', "Your card's expiration date is in the past.")
  }
  return { month, year }
}

export function checkCvc(text: string): StripeApiError | null {
  return /^\s*\d{3,4}\s*$/.test(text) ? null : cardError('incomplete_cvc', "Your card's security code is incomplete.")
}
