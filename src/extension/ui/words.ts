// Error codes (from the background, the API, or the amount parser) turned into sentences for
// people, in the reader's language. Codes stay for programs; the words are for the page.
import { t, type MessageKey } from '../i18n.ts'
import type { AmountErrorCode } from '../../shared/money.ts'
import type { AmountProblem } from './amount-choice.ts'
import { money } from './Money.tsx'

const ERROR_WORDS: Record<string, MessageKey> = {
  offline: 'errorOffline',
  api_unreachable: 'errorApiUnreachable',
  signed_out: 'errorSignedOut',
  insufficient_funds: 'errorInsufficientFunds',
  debt_outstanding: 'errorDebtOutstanding',
  currency_mismatch: 'errorCurrencyMismatch',
  queued: 'errorQueued',
  bad_token: 'errorBadToken',
  no_reply: 'errorNoReply',
  budget_exceeded: 'errorBudgetExceeded',
  too_late: 'errorTooLate',
  payment_provider_unavailable: 'errorPaymentProviderUnavailable',
}

export function errorWords(code: string): string {
  const key = ERROR_WORDS[code]
  return key ? t(key) : t('errorUnknown', code)
}

const AMOUNT_WORDS: Record<AmountErrorCode, MessageKey> = {
  unsupported_currency: 'amountErrorUnsupportedCurrency',
  empty: 'amountErrorEmpty',
  not_a_number: 'amountErrorNotANumber',
  negative: 'amountErrorNegative',
  too_many_decimals: 'amountErrorTooManyDecimals',
  bad_grouping: 'amountErrorBadGrouping',
  multiple_separators: 'amountErrorMultipleSeparators',
  mixed_digits: 'amountErrorMixedDigits',
  too_large: 'amountErrorTooLarge',
  not_a_multiple: 'amountErrorNotAMultiple',
}

export function amountProblemWords(problem: AmountProblem, currency: string): string {
  if ('limit' in problem) {
    const limit = money(problem.limit, currency)
    return problem.code === 'below_min' ? t('amountErrorBelowMin', limit) : t('amountErrorAboveMax', limit)
  }
  return t(AMOUNT_WORDS[problem.code], currency)
}
