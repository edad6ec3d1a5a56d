// Top-up amounts offered as one-click choices, scaled from the currency's smallest top-up so
// they make sense in yen as well as in dollars (5, 10, 20 dollars when the minimum is 5).
import type { AmountRange } from '../../shared/currencies.ts'

const PRESET_MULTIPLES = [1, 2, 4]

export function topupPresets(limits: AmountRange): number[] {
  return PRESET_MULTIPLES.map((multiple) => limits.min * multiple).filter((amount) => amount <= limits.max)
}

/** A top-up that covers a shortfall: the smallest preset that does, else whole minimums, capped. */
export function topupFor(shortfall: number, limits: AmountRange): number {
  const preset = topupPresets(limits).find((amount) => amount >= shortfall)
  if (preset !== undefined) return preset
  return Math.min(limits.max, Math.ceil(shortfall / limits.min) * limits.min)
}
