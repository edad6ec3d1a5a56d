import { describe, expect, test } from 'vitest'
import {
  CURRENCY_CODES,
  DEFAULT_CURRENCY,
  exponentOf,
  fromStripeAmount,
  isSupportedCurrency,
  isValidMinorAmount,
  limitsFor,
  stepOf,
  toStripeAmount,
  type CurrencyCode,
} from '../../src/shared/currencies.ts'

const TWO_DECIMAL = 'USD EUR GBP CAD AUD NZD CHF SEK NOK DKK PLN CZK HUF RON BGN INR SGD HKD MXN BRL ZAR AED SAR EGP MAD TRY ILS'
const ZERO_DECIMAL = 'JPY KRW VND CLP PYG UGX XAF XOF ISK'
const THREE_DECIMAL = 'KWD BHD JOD OMR TND'

function codes(list: string): CurrencyCode[] {
  return list.split(' ').map((code) => {
    if (!isSupportedCurrency(code)) throw new Error(`${code} is missing from the currency table`)
    return code
  })
}

describe('the currency table', () => {
  test.each([
    [TWO_DECIMAL, 2, 1],
    [ZERO_DECIMAL, 0, 1],
    [THREE_DECIMAL, 3, 10],
  ] as const)('%s have exponent %i and step %i', (list, exponent, step) => {
    for (const code of codes(list)) {
      expect({ code, exponent: exponentOf(code), step: stepOf(code) }).toEqual({ code, exponent, step })
    }
  })

  test("agrees with the browser's own currency data, except where Stripe differs", () => {
    // CLDR shows HUF in whole forints (cash rounding), but Stripe charges it with two decimals.
    const stripeDiffers = new Set(['HUF'])
    for (const code of CURRENCY_CODES.filter((c) => !stripeDiffers.has(c))) {
      const intl = new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions()
      expect({ code, digits: intl.maximumFractionDigits }).toEqual({ code, digits: exponentOf(code) })
    }
  })

  test('knows only real, upper-case codes, and nothing from the prototype', () => {
    expect(DEFAULT_CURRENCY).toBe('USD')
    expect(isSupportedCurrency('USD')).toBe(true)
    for (const code of ['usd', 'XYZ', '', 'US', 'toString', '__proto__', 'constructor']) {
      expect(isSupportedCurrency(code)).toBe(false)
    }
  })
})

describe('valid minor amounts', () => {
  test('are positive safe integers on the currency step', () => {
    expect(isValidMinorAmount(550, 'USD')).toBe(true)
    expect(isValidMinorAmount(1, 'JPY')).toBe(true)
    expect(isValidMinorAmount(1250, 'KWD')).toBe(true)
    expect(isValidMinorAmount(1255, 'KWD')).toBe(false)
    expect(isValidMinorAmount(0, 'USD')).toBe(false)
    expect(isValidMinorAmount(-100, 'USD')).toBe(false)
    expect(isValidMinorAmount(5.5, 'USD')).toBe(false)
    expect(isValidMinorAmount(Number.MAX_SAFE_INTEGER, 'USD')).toBe(true)
    expect(isValidMinorAmount(Number.MAX_SAFE_INTEGER + 1, 'USD')).toBe(false)
    expect(isValidMinorAmount(Number.NaN, 'USD')).toBe(false)
  })
})

describe('Stripe amounts', () => {
  test('are our minor amounts, except ISK, which Stripe takes as two-decimal', () => {
    expect(toStripeAmount(550, 'USD')).toBe(550)
    expect(toStripeAmount(1000, 'JPY')).toBe(1000)
    expect(toStripeAmount(1250, 'KWD')).toBe(1250)
    expect(toStripeAmount(5, 'ISK')).toBe(500)
    expect(fromStripeAmount(500, 'ISK')).toBe(5)
    expect(fromStripeAmount(550, 'USD')).toBe(550)
  })

  test('refuse an ISK amount with a fraction of a króna', () => {
    expect(() => fromStripeAmount(550, 'ISK')).toThrow(RangeError)
  })
})

describe('limits', () => {
  test('default to 0.10–500.00 for a US dollar tip, 5.00–500.00 for a top-up and 5.00–10,000.00 for a payout', () => {
    expect(limitsFor('USD')).toEqual({
      tip: { min: 10, max: 500_00 },
      topup: { min: 5_00, max: 500_00 },
      payout: { min: 5_00, max: 10_000_00 },
    })
  })

  test('scale to each currency', () => {
    expect(limitsFor('JPY')).toEqual({
      tip: { min: 10, max: 50_000 },
      topup: { min: 500, max: 50_000 },
      payout: { min: 500, max: 1_000_000 },
    })
    expect(limitsFor('KWD')).toEqual({
      tip: { min: 30, max: 150_000 },
      topup: { min: 1_500, max: 150_000 },
      payout: { min: 1_500, max: 3_000_000 },
    })
  })

  test('are valid amounts in every currency and fit within Stripe’s eight-digit amount', () => {
    for (const code of CURRENCY_CODES) {
      const { tip, topup, payout } = limitsFor(code)
      for (const bound of [tip.min, tip.max, topup.min, topup.max, payout.min, payout.max]) {
        expect({ code, bound, valid: isValidMinorAmount(bound, code) }).toEqual({ code, bound, valid: true })
      }
      expect(tip.min).toBeLessThan(topup.min)
      expect(topup.min).toBeLessThan(topup.max)
      expect(toStripeAmount(topup.max, code)).toBeLessThanOrEqual(99_999_999)
    }
  })

  test('take configured overrides for one currency and leave the rest alone', () => {
    const overrides = { USD: { tip: { max: 100_00 } }, EUR: { topup: { min: 10_00 } } }
    expect(limitsFor('USD', overrides)).toEqual({ ...limitsFor('USD'), tip: { min: 10, max: 100_00 } })
    expect(limitsFor('EUR', overrides).topup).toEqual({ min: 10_00, max: 500_00 })
    expect(limitsFor('GBP', overrides)).toEqual(limitsFor('GBP'))
  })

  test('refuse overrides that could take the wrong money', () => {
    expect(() => limitsFor('KWD', { KWD: { tip: { min: 15 } } })).toThrow(/multiple of 10/)
    expect(() => limitsFor('USD', { USD: { tip: { min: 0 } } })).toThrow(/tip\.min/)
    expect(() => limitsFor('USD', { USD: { topup: { max: 12.5 } } })).toThrow(/topup\.max/)
    expect(() => limitsFor('USD', { USD: { tip: { min: 600_00 } } })).toThrow(/tip\.min \(60000\) is above/)
  })
})
