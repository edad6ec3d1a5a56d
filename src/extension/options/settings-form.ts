// What the Settings form's text fields mean, as pure functions: amounts as people type them in
// their locale, checked strictly (src/shared/money.ts), with the problem named per field.
import { limitsFor, type CurrencyCode } from '../../shared/currencies.ts'
import { formatAmount, parseAmount } from '../../shared/money.ts'
import type { AmountProblem } from '../ui/amount-choice.ts'

export const MAX_PRESETS = 6

/** Too many amounts or none, or the one amount (as typed) that is wrong and why. */
export type FieldProblem = { code: 'too_many' } | { code: 'amount'; text: string; problem: AmountProblem }
export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: FieldProblem }

/** "1 3 5.50" → [100, 300, 550]: up to six tip amounts, each one a valid tip in this currency. */
export function parsePresets(text: string, currency: CurrencyCode, locale: string): Parsed<number[]> {
  const words = text.split(/\s+/).filter(Boolean)
  if (words.length === 0 || words.length > MAX_PRESETS) return { ok: false, problem: { code: 'too_many' } }
  const amounts: number[] = []
  for (const word of words) {
    const amount = parseTip(word, currency, locale)
    if (!amount.ok) return amount
    amounts.push(amount.value)
  }
  return { ok: true, value: [...new Set(amounts)].sort((a, b) => a - b) }
}

/** An optional amount (a budget, a threshold): empty means none; less than the smallest tip means nothing. */
export function parseOptionalAmount(text: string, currency: CurrencyCode, locale: string): Parsed<number | null> {
  if (text.trim() === '') return { ok: true, value: null }
  const parsed = parseAmount(text, currency, locale)
  if (!parsed.ok) return wrong(text, { code: parsed.code })
  const { min } = limitsFor(currency).tip
  if (parsed.minor < min) return wrong(text, { code: 'below_min', limit: min })
  return { ok: true, value: parsed.minor }
}

export function presetsText(amounts: number[], currency: CurrencyCode, locale: string): string {
  return amounts.map((amount) => formatAmount(amount, currency, locale)).join(' ')
}

export function amountText(amount: number | null, currency: CurrencyCode, locale: string): string {
  return amount === null ? '' : formatAmount(amount, currency, locale)
}

function parseTip(text: string, currency: CurrencyCode, locale: string): Parsed<number> {
  const parsed = parseAmount(text, currency, locale)
  if (!parsed.ok) return wrong(text, { code: parsed.code })
  const { min, max } = limitsFor(currency).tip
  if (parsed.minor < min) return wrong(text, { code: 'below_min', limit: min })
  if (parsed.minor > max) return wrong(text, { code: 'above_max', limit: max })
  return { ok: true, value: parsed.minor }
}

function wrong(text: string, problem: AmountProblem): { ok: false; problem: FieldProblem } {
  return { ok: false, problem: { code: 'amount', text, problem } }
}
