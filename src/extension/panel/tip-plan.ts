// What Confirm does with an amount: ask first (budget or confirm threshold), and whether the
// wallet covers it or a top-up for the shortfall goes with it.
import type { AmountRange } from '../../shared/currencies.ts'
import type { BudgetView } from '../../shared/messages.ts'
import { askBeforeTip, type BudgetQuestion } from '../ui/budget.ts'

export interface TipPlan {
  question: BudgetQuestion
  /** The top-up to pay for with the tip, or null when the balance covers it. */
  topup: number | null
}

export function planTip(amount: number, balance: number, budget: BudgetView, topupLimits: AmountRange): TipPlan {
  return { question: askBeforeTip(amount, budget), topup: amount > balance ? topupForShortfall(amount - balance, topupLimits) : null }
}

/** The difference, rounded up to the smallest top-up the currency allows. */
export function topupForShortfall(shortfall: number, limits: AmountRange): number {
  return Math.min(limits.max, Math.max(limits.min, shortfall))
}
