// Amounts for people and for machines: display in the reader's locale, strict reading of what a
// person types, and the plain decimal string Stripe and CSV files want. Only integers and strings
// touch an amount; never floating point.
import { exponentOf, isSupportedCurrency, stepOf, type CurrencyCode } from './currencies.ts'

export type AmountErrorCode =
  | 'unsupported_currency'
  | 'empty'
  | 'not_a_number'
  | 'negative'
  | 'mixed_digits'
  | 'multiple_separators'
  | 'bad_grouping'
  | 'too_many_decimals'
  | 'too_large'
  | 'not_a_multiple'

export type ParsedAmount = { ok: true; minor: number } | { ok: false; code: AmountErrorCode; message: string }

// ── machine form ──────────────────────────────────────────────────────────

/** A decimal string with "." and no grouping, for Stripe and CSV: (550, 'USD') → "5.50". */
export function toMajorString(minor: number, currency: CurrencyCode): string {
  return decimalString(minor, exponentOf(currency))
}

function decimalString(minor: number, exponent: number): `${number}` {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`an amount must be a whole number of minor units; got ${minor}`)
  const sign = minor < 0 ? '-' : ''
  const digits = String(minor).replace('-', '').padStart(exponent + 1, '0')
  if (exponent === 0) return `${sign}${digits}` as `${number}`
  const cut = digits.length - exponent
  return `${sign}${digits.slice(0, cut)}.${digits.slice(cut)}` as `${number}`
}

// ── display ───────────────────────────────────────────────────────────────

// Building a NumberFormat costs far more than using one, and a popup formats every activity row.
const formats = new Map<string, Intl.NumberFormat>()
function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`
  let format = formats.get(key)
  if (!format) {
    format = new Intl.NumberFormat(locale, options)
    formats.set(key, format)
  }
  return format
}

/** An amount with its currency, in the reader's locale: (550, 'USD', 'en') → "$5.50". */
export function formatMoney(minor: number, currency: string, locale: string): string {
  const digits = displayDigits(currency, locale)
  const options = { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits } as const
  return numberFormat(locale, options).format(decimalString(minor, digits))
}

/** The number alone, as a person would type it in this locale: (550, 'USD', 'de') → "5,50". */
export function formatAmount(minor: number, currency: CurrencyCode, locale: string): string {
  const digits = exponentOf(currency)
  return numberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
    decimalString(minor, digits),
  )
}

// A server newer than this extension may report a currency the table doesn't list yet; showing it
// the way Intl knows it beats breaking the page. Parsing and Stripe amounts stay strict.
function displayDigits(currency: string, locale: string): number {
  if (isSupportedCurrency(currency)) return exponentOf(currency)
  return numberFormat(locale, { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
}

// ── reading what a person typed ───────────────────────────────────────────

// Bidi marks that Intl puts around Arabic and Hebrew amounts and that survive copy and paste.
const INVISIBLES = /[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069\ufeff]/g
const MINUS_SIGNS = ['-', '\u2212']
/** Code points of zero in the digit systems people type amounts in. */
const DIGIT_ZEROS = [
  0x30, // Latin 0-9
  0x660, // Arabic-Indic ٠-٩
  0x6f0, // Eastern Arabic-Indic ۰-۹ (Persian, Urdu)
]
const ARABIC_DECIMAL = '\u066b'
const ARABIC_GROUP = '\u066c'

interface Separators {
  decimals: ReadonlySet<string>
  groups: ReadonlySet<string>
  /** Digits in the group next to the decimal point (3), and in the groups before it (3; 2 in en-IN). */
  primary: number
  secondary: number
}

const separatorsByLocale = new Map<string, Separators>()

// The locale decides which of "." and "," is the decimal point; the Arabic separators ٫ and ٬
// mean only one thing anywhere, so every locale reads them.
function separatorsOf(locale: string): Separators {
  const known = separatorsByLocale.get(locale)
  if (known) return known
  const parts = numberFormat(locale, {}).formatToParts('1234567890.5')
  const decimal = parts.find((part) => part.type === 'decimal')?.value ?? '.'
  const group = parts.find((part) => part.type === 'group')?.value ?? ','
  const groupSizes = parts.filter((part) => part.type === 'integer').map((part) => part.value.length)
  const decimals = new Set([decimal, ARABIC_DECIMAL])
  const groups = new Set([group, ARABIC_GROUP])
  // Arabic-digit locales: many keyboards give "." and "," instead of ٫ and ٬.
  if (decimal === ARABIC_DECIMAL) {
    decimals.add('.')
    groups.add(',')
  }
  // Where the group separator is a (narrow, no-break) space, people type whichever space they have.
  if (/\s/.test(group)) for (const space of [' ', '\u00a0', '\u202f']) groups.add(space)
  if (group === "'" || group === '\u2019') for (const quote of ["'", '\u2019']) groups.add(quote)
  const primary = groupSizes.at(-1) ?? 3
  const separators = { decimals, groups, primary, secondary: groupSizes.at(-2) ?? primary }
  separatorsByLocale.set(locale, separators)
  return separators
}

/** The ways this locale writes the currency: "$", "US$", "USD", "$US", "د.ك.‏". Longest first. */
function currencySigns(currency: CurrencyCode, locale: string): string[] {
  const signs = new Set<string>([currency])
  for (const currencyDisplay of ['symbol', 'narrowSymbol', 'code'] as const) {
    const part = numberFormat(locale, { style: 'currency', currency, currencyDisplay })
      .formatToParts(0)
      .find((p) => p.type === 'currency')
    if (part) signs.add(part.value.replace(INVISIBLES, '').trim())
  }
  return [...signs].filter((sign) => sign !== '').sort((a, b) => b.length - a.length)
}

/**
 * What a person typed, as minor units. Strict: anything that could mean two amounts is an error,
 * never a guess. Accepts digits in Latin, Arabic-Indic or Persian form (not mixed), the locale's
 * decimal point and its digit grouping, and this currency's own sign or code before or after the
 * number ("$5", "5,00 €", "USD 5"); any other letter or sign is an error.
 */
export function parseAmount(text: string, currency: string, locale: string): ParsedAmount {
  if (!isSupportedCurrency(currency)) {
    return { ok: false, code: 'unsupported_currency', message: `Amounts in ${currency} are not supported.` }
  }
  let rest = text.replace(INVISIBLES, '').trim()
  if (rest === '') return failure('empty', currency)
  if (startsWithMinus(rest)) return failure('negative', currency)
  const sign = currencySigns(currency, locale).find((s) => rest.startsWith(s) || rest.endsWith(s))
  if (sign !== undefined) rest = (rest.startsWith(sign) ? rest.slice(sign.length) : rest.slice(0, -sign.length)).trim()
  if (startsWithMinus(rest)) return failure('negative', currency)
  const plain = toPlainDigits(rest, separatorsOf(locale))
  if (typeof plain !== 'string') return failure(plain.code, currency)
  return fromPlainDigits(plain, currency, separatorsOf(locale))
}

function startsWithMinus(text: string): boolean {
  return MINUS_SIGNS.some((minus) => text.startsWith(minus))
}

/**
 * Rewrites the number with Latin digits, "." for the decimal point and "," for grouping, so the
 * rules below are written once. Fails on anything that is not a digit or a separator.
 */
function toPlainDigits(text: string, separators: Separators): string | { code: ReadingErrorCode } {
  let plain = ''
  let system: number | undefined
  for (const char of text) {
    if (separators.decimals.has(char)) plain += '.'
    else if (separators.groups.has(char)) plain += ','
    else {
      const code = char.codePointAt(0) ?? 0
      const zero = DIGIT_ZEROS.find((z) => code >= z && code <= z + 9)
      if (zero === undefined) return { code: 'not_a_number' }
      if (system !== undefined && system !== zero) return { code: 'mixed_digits' }
      system = zero
      plain += String(code - zero)
    }
  }
  if (system === undefined) return { code: 'not_a_number' }
  return plain
}

function fromPlainDigits(plain: string, currency: CurrencyCode, separators: Separators): ParsedAmount {
  const [whole = '', fraction = '', ...more] = plain.split('.')
  if (more.length > 0) return failure('multiple_separators', currency)
  if (fraction.includes(',') || !isWellGrouped(whole, separators)) return failure('bad_grouping', currency)
  const exponent = exponentOf(currency)
  if (fraction.length > exponent) return failure('too_many_decimals', currency)
  const minor = BigInt(whole.replaceAll(',', '') + fraction.padEnd(exponent, '0'))
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) return failure('too_large', currency)
  if (minor % BigInt(stepOf(currency)) !== 0n) return failure('not_a_multiple', currency)
  return { ok: true, minor: Number(minor) }
}

// "1,000" and "12,34,567" (en-IN) are grouped; "1,00", "10,0000" and ",100" are not.
function isWellGrouped(whole: string, { primary, secondary }: Separators): boolean {
  if (!whole.includes(',')) return true
  const groups = whole.split(',')
  const first = groups[0]?.length ?? 0
  const last = groups.at(-1)?.length ?? 0
  const middle = groups.slice(1, -1)
  return first >= 1 && first <= secondary && last === primary && middle.every((g) => g.length === secondary)
}

type ReadingErrorCode = Exclude<AmountErrorCode, 'unsupported_currency'>

function failure(code: ReadingErrorCode, currency: CurrencyCode): ParsedAmount {
  return { ok: false, code, message: messageFor(code, currency) }
}

function messageFor(code: ReadingErrorCode, currency: CurrencyCode): string {
  switch (code) {
    case 'empty':
      return 'Enter an amount.'
    case 'not_a_number':
      return 'The amount can contain only digits, a decimal point and thousands separators.'
    case 'negative':
      return 'The amount cannot be negative.'
    case 'mixed_digits':
      return 'The amount mixes digits from different scripts; use one kind of digit.'
    case 'multiple_separators':
      return 'The amount has more than one decimal point.'
    case 'bad_grouping':
      return 'The thousands separators in the amount are in the wrong place.'
    case 'too_many_decimals': {
      const exponent = exponentOf(currency)
      return exponent === 0
        ? `Amounts in ${currency} are whole numbers, without decimals.`
        : `Amounts in ${currency} can have at most ${exponent} decimal places.`
    }
    case 'too_large':
      return 'The amount is too large.'
    case 'not_a_multiple':
      return `Amounts in ${currency} must be a multiple of ${toMajorString(stepOf(currency), currency)}.`
  }
}
