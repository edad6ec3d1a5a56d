// Monthly budget arithmetic, as pure functions. The month starts on the 1st at midnight in the
// reader's local time, whatever daylight saving did in between.
import type { BudgetView } from '../../shared/messages.ts'

export function monthStart(now: Date): Date {
  return new Date(now.getFullYear(), now.getMonth(), 1)
}

/** What this month's tips took: each tip counted once, by when it was made. */
export function spentSince(start: Date, tips: ReadonlyArray<{ amount: number; at: string }>): number {
  const from = start.getTime()
  return tips.reduce((sum, tip) => (Date.parse(tip.at) >= from ? sum + Math.abs(tip.amount) : sum), 0)
}

/** Why the panel asks before sending this tip, or null when it just goes. */
export type BudgetQuestion = { kind: 'passes_budget'; left: number } | { kind: 'above_threshold' } | null

export function askBeforeTip(amount: number, budget: BudgetView): BudgetQuestion {
  if (budget.monthly !== null) {
    const left = Math.max(0, budget.monthly - budget.spentThisMonth)
    if (amount > left) return { kind: 'passes_budget', left }
  }
  if (budget.confirmAbove !== null && amount > budget.confirmAbove) return { kind: 'above_threshold' }
  return null
}
