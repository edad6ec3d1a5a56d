import { describe, expect, test } from 'vitest'
import fc from 'fast-check'
import { CURRENCY_CODES, exponentOf, stepOf, type CurrencyCode } from '../../src/shared/currencies.ts'
import { formatAmount, formatMoney, parseAmount, toMajorString } from '../../src/shared/money.ts'

const NBSP = '\u00a0'
const NNBSP = '\u202f'
const RLM = '\u200f'

describe('toMajorString', () => {
  test.each([
    [550, 'USD', '5.50'],
    [5, 'USD', '0.05'],
    [0, 'USD', '0.00'],
    [-550, 'USD', '-5.50'],
    [1000, 'JPY', '1000'],
    [1250, 'KWD', '1.250'],
    [10, 'KWD', '0.010'],
    [Number.MAX_SAFE_INTEGER, 'USD', '90071992547409.91'],
  ] as const)('%i %s → %s', (minor, currency, major) => {
    expect(toMajorString(minor, currency)).toBe(major)
  })

  test('refuses an amount that is not whole minor units', () => {
    expect(() => toMajorString(5.5, 'USD')).toThrow(RangeError)
    expect(() => toMajorString(Number.MAX_SAFE_INTEGER + 1, 'USD')).toThrow(RangeError)
  })
})

describe('formatMoney', () => {
  test.each([
    [550, 'USD', 'en', '$5.50'],
    [123456, 'USD', 'en', '$1,234.56'],
    [-550, 'USD', 'en', '-$5.50'],
    [1000, 'JPY', 'en', '¥1,000'],
    [1250, 'KWD', 'en', `KWD${NBSP}1.250`],
    [550, 'USD', 'de', `5,50${NBSP}$`],
    [123456, 'EUR', 'de', `1.234,56${NBSP}€`],
    [123456, 'EUR', 'fr', `1${NNBSP}234,56${NBSP}€`],
    [550, 'USD', 'ar-EG', `${RLM}٥٫٥٠${NBSP}US$`],
    [1000, 'JPY', 'ar-EG', `${RLM}١٬٠٠٠${NBSP}JP¥`],
  ] as const)('%i %s in %s → %s', (minor, currency, locale, shown) => {
    expect(formatMoney(minor, currency, locale)).toBe(shown)
  })

  test('shows exactly the currency’s decimals, however large the amount', () => {
    expect(formatMoney(Number.MAX_SAFE_INTEGER, 'USD', 'en')).toBe('$90,071,992,547,409.91')
    expect(formatMoney(1, 'KWD', 'en')).toBe(`KWD${NBSP}0.001`)
  })

  test('shows a currency this build does not know the way the browser knows it', () => {
    expect(formatMoney(550, 'XCD', 'en')).toBe('EC$5.50')
  })
})

describe('formatAmount', () => {
  test('gives the number alone, as a person types it', () => {
    expect(formatAmount(123456, 'USD', 'en')).toBe('1,234.56')
    expect(formatAmount(550, 'USD', 'de')).toBe('5,50')
    expect(formatAmount(550, 'USD', 'ar-EG')).toBe('٥٫٥٠')
    expect(formatAmount(1000, 'JPY', 'de')).toBe('1.000')
  })
})

describe('parseAmount accepts what people type', () => {
  test.each([
    ['5', 'USD', 'en', 500],
    ['5.5', 'USD', 'en', 550],
    ['5.50', 'USD', 'en', 550],
    ['.5', 'USD', 'en', 50],
    ['1,000', 'USD', 'en', 100000],
    ['1,000.50', 'USD', 'en', 100050],
    ['  5.50  ', 'USD', 'en', 550],
    ['$5.50', 'USD', 'en', 550],
    ['USD 5.50', 'USD', 'en', 550],
    ['5,5', 'EUR', 'de', 550],
    ['1.000,50', 'EUR', 'de', 100050],
    ['5 €', 'EUR', 'de', 500],
    ['1 000,50', 'EUR', 'fr', 100050],
    [`1${NNBSP}000,50`, 'EUR', 'fr', 100050],
    [`1${NBSP}000,50`, 'EUR', 'fr', 100050],
    ['5,00 $US', 'USD', 'fr', 500],
    ['٥٫٥', 'USD', 'ar', 550],
    ['٥٫٥', 'USD', 'ar-EG', 550],
    ['١٬٠٠٠٫٥٠', 'USD', 'ar-EG', 100050],
    ['٥.٥', 'USD', 'ar-EG', 550],
    ['5.5', 'USD', 'ar', 550],
    ['۵٫۵', 'USD', 'ar', 550],
    [`${RLM}٥٫٥٠${NBSP}US$`, 'USD', 'ar-EG', 550],
    ['1,000', 'JPY', 'en', 1000],
    ['1.000', 'JPY', 'de', 1000],
    ['1.250', 'KWD', 'en', 1250],
    ['1,250', 'KWD', 'de', 1250],
    ['12,34,567.00', 'INR', 'en-IN', 123456700],
    ['90,071,992,547,409.91', 'USD', 'en', Number.MAX_SAFE_INTEGER],
  ] as const)('%j %s in %s → %i', (text, currency, locale, minor) => {
    expect(parseAmount(text, currency, locale)).toEqual({ ok: true, minor })
  })
})

describe('parseAmount refuses anything it would have to guess', () => {
  test.each([
    ['', 'USD', 'en', 'empty'],
    ['   ', 'USD', 'en', 'empty'],
    ['-5', 'USD', 'en', 'negative'],
    ['−5', 'USD', 'en', 'negative'],
    ['-$5.00', 'USD', 'en', 'negative'],
    ['$-5.00', 'USD', 'en', 'negative'],
    ['abc', 'USD', 'en', 'not_a_number'],
    ['5a', 'USD', 'en', 'not_a_number'],
    ['1e3', 'USD', 'en', 'not_a_number'],
    ['+5', 'USD', 'en', 'not_a_number'],
    ['.', 'USD', 'en', 'not_a_number'],
    ['$', 'USD', 'en', 'not_a_number'],
    ['€5', 'USD', 'en', 'not_a_number'],
    ['5 000', 'USD', 'en', 'not_a_number'],
    ['5.5', 'EUR', 'fr', 'not_a_number'],
    ['5.123', 'USD', 'en', 'too_many_decimals'],
    ['1.000', 'USD', 'en', 'too_many_decimals'],
    ['5.00', 'JPY', 'en', 'too_many_decimals'],
    ['1,2505', 'KWD', 'de', 'too_many_decimals'],
    ['1,00', 'USD', 'en', 'bad_grouping'],
    ['10,0000', 'USD', 'en', 'bad_grouping'],
    [',100', 'USD', 'en', 'bad_grouping'],
    ['1,,000', 'USD', 'en', 'bad_grouping'],
    ['1.000,5', 'USD', 'en', 'bad_grouping'],
    ['5.50', 'USD', 'de', 'bad_grouping'],
    ['1,000,00', 'INR', 'en-IN', 'bad_grouping'],
    ['١٬000', 'USD', 'ar-EG', 'mixed_digits'],
    ['٥٫5', 'USD', 'ar', 'mixed_digits'],
    ['۵٫٥', 'USD', 'ar', 'mixed_digits'],
    ['5.5.5', 'USD', 'en', 'multiple_separators'],
    ['1.000.000,5', 'USD', 'en', 'multiple_separators'],
    ['٥٫٥.٥', 'USD', 'ar-EG', 'multiple_separators'],
    ['90,071,992,547,409.92', 'USD', 'en', 'too_large'],
    ['99999999999999999999999', 'JPY', 'en', 'too_large'],
    ['1.255', 'KWD', 'en', 'not_a_multiple'],
    ['0.001', 'BHD', 'en', 'not_a_multiple'],
    ['5', 'XYZ', 'en', 'unsupported_currency'],
  ] as const)('%j %s in %s → %s', (text, currency, locale, code) => {
    const result = parseAmount(text, currency, locale)
    expect(result).toMatchObject({ ok: false, code })
    if (!result.ok) expect(result.message).toMatch(/^[A-Z].*\.$/)
  })

  test('says in the message how many decimals the currency has', () => {
    expect(parseAmount('5.123', 'USD', 'en')).toMatchObject({ message: 'Amounts in USD can have at most 2 decimal places.' })
    expect(parseAmount('5.5', 'JPY', 'en')).toMatchObject({ message: 'Amounts in JPY are whole numbers, without decimals.' })
    expect(parseAmount('1.255', 'KWD', 'en')).toMatchObject({ message: 'Amounts in KWD must be a multiple of 0.010.' })
  })
})

// ── properties ────────────────────────────────────────────────────────────

const LOCALES = ['en', 'de', 'fr', 'ar', 'ar-EG'] as const
const currency = fc.constantFrom(...CURRENCY_CODES)
const locale = fc.constantFrom(...LOCALES)

/** A minor amount Stripe could charge in the currency: 0 up to the largest safe one, on its step. */
function validMinor(code: CurrencyCode): fc.Arbitrary<number> {
  const step = stepOf(code)
  const small = fc.integer({ min: 0, max: 10_000_000 })
  const any = fc.integer({ min: 0, max: Math.floor(Number.MAX_SAFE_INTEGER / step) })
  return fc.oneof(small, any).map((n) => n * step)
}
const amountIn = currency.chain((code) => fc.tuple(fc.constant(code), validMinor(code)))

const DIGIT_ZEROS = [0x30, 0x660, 0x6f0]

/** What a person might type for the amount: no grouping, trailing zeros optional, any digit system. */
function typedForm(minor: number, code: CurrencyCode, place: string, trimZeros: boolean, zero: number): string {
  let text = toMajorString(minor, code)
  if (trimZeros && exponentOf(code) > 0) text = text.replace(/\.?0+$/, '') || '0'
  const decimal = new Intl.NumberFormat(place).formatToParts(0.5).find((p) => p.type === 'decimal')?.value ?? '.'
  return text.replace('.', decimal).replace(/[0-9]/g, (d) => String.fromCodePoint(zero + Number(d)))
}

/** The digits typed before and after the decimal mark, read the way the locale writes numbers. */
function typedDigits(text: string, place: string): { whole: string; fraction: string } {
  const decimal = new Intl.NumberFormat(place).formatToParts(0.5).find((p) => p.type === 'decimal')?.value ?? '.'
  const marks = decimal === '٫' ? ['٫', '.'] : [decimal, '٫']
  let whole = ''
  let fraction = ''
  let afterMark = false
  for (const char of text) {
    if (marks.includes(char)) afterMark = true
    const point = char.codePointAt(0) ?? 0
    const zero = DIGIT_ZEROS.find((z) => point >= z && point <= z + 9)
    if (zero === undefined) continue
    const digit = String(point - zero)
    if (afterMark) fraction += digit
    else whole += digit
  }
  return { whole, fraction }
}

describe('properties', () => {
  test('formatting an amount and reading it back gives the same amount', () => {
    fc.assert(
      fc.property(amountIn, locale, ([code, minor], place) => {
        expect(parseAmount(formatAmount(minor, code, place), code, place)).toEqual({ ok: true, minor })
        expect(parseAmount(formatMoney(minor, code, place), code, place)).toEqual({ ok: true, minor })
      }),
      { numRuns: 2000 },
    )
  })

  test('the way a person types an amount reads back as that amount', () => {
    fc.assert(
      fc.property(
        amountIn,
        locale,
        fc.boolean(),
        fc.constantFrom(...DIGIT_ZEROS),
        fc.constantFrom('', ' ', '  '),
        ([code, minor], place, trimZeros, zero, pad) => {
          const typed = pad + typedForm(minor, code, place, trimZeros, zero) + pad
          expect(parseAmount(typed, code, place)).toEqual({ ok: true, minor })
        },
      ),
      { numRuns: 2000 },
    )
  })

  test('formatting never throws for any whole amount, positive or negative', () => {
    fc.assert(
      fc.property(currency, locale, fc.maxSafeInteger(), (code, place, minor) => {
        expect(typeof formatMoney(minor, code, place)).toBe('string')
        expect(typeof formatAmount(minor, code, place)).toBe('string')
      }),
    )
  })

  // Strings built from the characters that matter (digits of every system, every separator, signs,
  // spaces, bidi marks) find the corners faster than arbitrary Unicode does; both are tried.
  const amountish = fc.string({
    unit: fc.constantFrom(...'0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹.,٫٬ \u00a0\u202f\'’-−+$€¥e\u200f\u061c'),
    maxLength: 30,
  })
  const anyText = fc.oneof(amountish, fc.string({ unit: 'grapheme', maxLength: 30 }))

  test('reading any text gives a valid amount or a coded error, never a fraction or a negative', () => {
    fc.assert(
      fc.property(anyText, currency, locale, (text, code, place) => {
        const result = parseAmount(text, code, place)
        if (result.ok) {
          expect(Number.isSafeInteger(result.minor)).toBe(true)
          expect(result.minor).toBeGreaterThanOrEqual(0)
          expect(result.minor % stepOf(code)).toBe(0)
        } else {
          expect(result.code).toMatch(/^[a-z_]+$/)
          expect(result.message.length).toBeGreaterThan(0)
        }
      }),
      { numRuns: 5000 },
    )
  })

  test('an accepted amount is what the person typed: no digit invented or dropped, no mark misread', () => {
    fc.assert(
      fc.property(amountish, currency, locale, (text, code, place) => {
        const result = parseAmount(text, code, place)
        if (!result.ok) return
        const [whole = '', fraction = ''] = toMajorString(result.minor, code).split('.')
        const typed = typedDigits(text, place)
        expect(BigInt(typed.whole || '0')).toBe(BigInt(whole))
        expect(typed.fraction.replace(/0+$/, '')).toBe(fraction.replace(/0+$/, ''))
      }),
      { numRuns: 5000 },
    )
  })
})
