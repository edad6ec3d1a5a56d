// Every rule Tipline knows about a currency, in one table: how many decimals its minor unit has,
// which minor amounts Stripe accepts, how Stripe wants the amount written, and how big a tip or a
// top-up may be. Used by the server and the extension alike, so it depends on nothing.

interface CurrencyRule {
  /** ISO 4217 minor-unit exponent as Stripe charges it: 2 for USD, 0 for JPY, 3 for KWD. */
  exponent: 0 | 2 | 3
  /** Amounts must be a multiple of this many minor units. */
  step?: 10
  /** Stripe's amount is our minor amount times this (see ISK). */
  stripeScale?: 100
  /** A round amount worth roughly one US dollar, in minor units; the default limits scale from it. */
  unit: number
}

const CURRENCIES = {
  USD: { exponent: 2, unit: 100 },
  EUR: { exponent: 2, unit: 100 },
  GBP: { exponent: 2, unit: 100 },
  CAD: { exponent: 2, unit: 100 },
  AUD: { exponent: 2, unit: 100 },
  NZD: { exponent: 2, unit: 100 },
  CHF: { exponent: 2, unit: 100 },
  SGD: { exponent: 2, unit: 100 },
  SEK: { exponent: 2, unit: 10_00 },
  NOK: { exponent: 2, unit: 10_00 },
  DKK: { exponent: 2, unit: 5_00 },
  PLN: { exponent: 2, unit: 4_00 },
  CZK: { exponent: 2, unit: 20_00 },
  // Stripe charges HUF with two decimals but pays HUF out in whole forints only.
  HUF: { exponent: 2, unit: 300_00 },
  RON: { exponent: 2, unit: 5_00 },
  BGN: { exponent: 2, unit: 2_00 },
  INR: { exponent: 2, unit: 100_00 },
  HKD: { exponent: 2, unit: 10_00 },
  CNY: { exponent: 2, unit: 7_00 },
  // Like HUF: two decimals when charging, whole dollars when paying out.
  TWD: { exponent: 2, unit: 30_00 },
  THB: { exponent: 2, unit: 30_00 },
  MYR: { exponent: 2, unit: 4_00 },
  PHP: { exponent: 2, unit: 50_00 },
  MXN: { exponent: 2, unit: 20_00 },
  BRL: { exponent: 2, unit: 5_00 },
  ZAR: { exponent: 2, unit: 20_00 },
  AED: { exponent: 2, unit: 4_00 },
  SAR: { exponent: 2, unit: 4_00 },
  EGP: { exponent: 2, unit: 50_00 },
  MAD: { exponent: 2, unit: 10_00 },
  TRY: { exponent: 2, unit: 40_00 },
  ILS: { exponent: 2, unit: 4_00 },
  // Stripe's zero-decimal currencies: the amount is in whole units.
  JPY: { exponent: 0, unit: 100 },
  KRW: { exponent: 0, unit: 1_000 },
  VND: { exponent: 0, unit: 25_000 },
  CLP: { exponent: 0, unit: 1_000 },
  PYG: { exponent: 0, unit: 7_000 },
  UGX: { exponent: 0, unit: 4_000 },
  XAF: { exponent: 0, unit: 600 },
  XOF: { exponent: 0, unit: 600 },
  XPF: { exponent: 0, unit: 100 },
  RWF: { exponent: 0, unit: 1_000 },
  // ISO 4217 gives ISK no minor unit, so people see whole krónur; but for backwards
  // compatibility Stripe still takes ISK as a two-decimal amount ending in 00 (5 ISK → 500).
  ISK: { exponent: 0, unit: 100, stripeScale: 100 },
  // Three-decimal currencies: Stripe wants the last digit to be 0.
  KWD: { exponent: 3, step: 10, unit: 300 },
  BHD: { exponent: 3, step: 10, unit: 400 },
  JOD: { exponent: 3, step: 10, unit: 700 },
  OMR: { exponent: 3, step: 10, unit: 400 },
  TND: { exponent: 3, step: 10, unit: 3_000 },
} as const satisfies Record<string, CurrencyRule>

export type CurrencyCode = keyof typeof CURRENCIES

/** Every supported code, e.g. for a zod enum or a currency picker. */
export const CURRENCY_CODES = Object.keys(CURRENCIES) as CurrencyCode[]

export const DEFAULT_CURRENCY: CurrencyCode = 'USD'

export function isSupportedCurrency(code: string): code is CurrencyCode {
  return Object.hasOwn(CURRENCIES, code)
}

function ruleOf(code: CurrencyCode): CurrencyRule {
  return CURRENCIES[code]
}

export function exponentOf(code: CurrencyCode): 0 | 2 | 3 {
  return ruleOf(code).exponent
}

export function stepOf(code: CurrencyCode): 1 | 10 {
  return ruleOf(code).step ?? 1
}

/** A positive whole number of minor units that Stripe can charge in this currency. */
export function isValidMinorAmount(amount: number, currency: CurrencyCode): boolean {
  return Number.isSafeInteger(amount) && amount > 0 && amount % stepOf(currency) === 0
}

/** The `amount` to send to Stripe for a minor amount of ours. */
export function toStripeAmount(minor: number, currency: CurrencyCode): number {
  return minor * (ruleOf(currency).stripeScale ?? 1)
}

/** Our minor amount for an `amount` Stripe reports (a Checkout Session's amount_total, say). */
export function fromStripeAmount(amount: number, currency: CurrencyCode): number {
  const scale = ruleOf(currency).stripeScale ?? 1
  if (amount % scale !== 0) throw new RangeError(`Stripe amount ${amount} ${currency} is not a whole ${currency}`)
  return amount / scale
}

// ── limits ────────────────────────────────────────────────────────────────

export interface AmountRange {
  min: number
  max: number
}

export interface Limits {
  tip: AmountRange
  topup: AmountRange
  /** One withdrawal of earnings to the creator's connected account. */
  payout: AmountRange
}

/** Operator configuration: any bound of any currency, in minor units; the rest keep their defaults. */
export type LimitOverrides = Partial<
  Record<CurrencyCode, { tip?: Partial<AmountRange>; topup?: Partial<AmountRange>; payout?: Partial<AmountRange> }>
>

// In US dollars: a tip from 0.10 to 500.00, a top-up from 5.00 (well above every card minimum)
// to 500.00, a payout from 5.00 (so a transfer is worth its bank fee) to 10,000.00. Other
// currencies scale from their `unit`.
function defaultLimits(currency: CurrencyCode): Limits {
  const unit = ruleOf(currency).unit
  return {
    tip: { min: unit / 10, max: unit * 500 },
    topup: { min: unit * 5, max: unit * 500 },
    payout: { min: unit * 5, max: unit * 10_000 },
  }
}

/**
 * The smallest and largest tip, top-up and payout in this currency. Overrides come from configuration,
 * so a bad one throws: a server should refuse to start rather than take the wrong money.
 */
export function limitsFor(currency: CurrencyCode, overrides?: LimitOverrides): Limits {
  const defaults = defaultLimits(currency)
  const own = overrides?.[currency]
  const limits: Limits = {
    tip: { ...defaults.tip, ...own?.tip },
    topup: { ...defaults.topup, ...own?.topup },
    payout: { ...defaults.payout, ...own?.payout },
  }
  for (const purpose of ['tip', 'topup', 'payout'] as const) {
    const { min, max } = limits[purpose]
    for (const [bound, value] of [['min', min], ['max', max]] as const) {
      if (!isValidMinorAmount(value, currency)) {
        throw new RangeError(
          `${currency} ${purpose}.${bound} must be a positive whole number of minor units` +
            ` and a multiple of ${stepOf(currency)}; got ${String(value)}`,
        )
      }
    }
    if (min > max) throw new RangeError(`${currency} ${purpose}.min (${min}) is above ${purpose}.max (${max})`)
  }
  return limits
}
