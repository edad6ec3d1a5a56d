// The amounts a tip panel offers as one-click choices, in the wallet's currency. A person can set
// their own per currency (settings.tipPresets); otherwise they are 10, 30 and 50 times the
// currency's smallest tip: 1.00, 3.00 and 5.00 in US dollars.
import { DEFAULT_CURRENCY, isSupportedCurrency, limitsFor, type CurrencyCode } from '../../shared/currencies.ts'
import { loadSettings } from './settings.ts'

const DEFAULT_MULTIPLES = [10, 30, 50]

export async function presetsFor(walletCurrency: string | null): Promise<number[]> {
  const currency = walletCurrency !== null && isSupportedCurrency(walletCurrency) ? walletCurrency : DEFAULT_CURRENCY
  return (await loadSettings()).tipPresets[currency] ?? defaultPresets(currency)
}

export function defaultPresets(currency: CurrencyCode): number[] {
  const smallestTip = limitsFor(currency).tip.min
  return DEFAULT_MULTIPLES.map((multiple) => multiple * smallestTip)
}
