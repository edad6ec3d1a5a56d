// The amounts a tip panel offers as one-click choices, in the wallet's currency. A person can set
// their own per currency (settings row `tipPresets:<CUR>`); otherwise they are 10, 30 and 50
// times the currency's smallest tip: 1.00, 3.00 and 5.00 in US dollars.
import { z } from 'zod'
import { DEFAULT_CURRENCY, isSupportedCurrency, isValidMinorAmount, limitsFor } from '../../shared/currencies.ts'
import { db } from '../db.ts'

const DEFAULT_MULTIPLES = [10, 30, 50]
const Presets = z.array(z.number()).min(1).max(6)

export async function presetsFor(walletCurrency: string | null): Promise<number[]> {
  const currency = walletCurrency !== null && isSupportedCurrency(walletCurrency) ? walletCurrency : DEFAULT_CURRENCY
  const chosen = Presets.safeParse((await db.settings.get(`tipPresets:${currency}`))?.value)
  if (chosen.success && chosen.data.every((amount) => isValidMinorAmount(amount, currency))) return chosen.data
  const smallestTip = limitsFor(currency).tip.min
  return DEFAULT_MULTIPLES.map((multiple) => multiple * smallestTip)
}
