// The budget as the tip panel needs it: the reader's limits, and what this month's tips in the
// wallet currency already took — delivered ones from the synced activity, and every tip still in
// the outbox, which the API will count in the month it books it.
import type { BudgetView } from '../../shared/messages.ts'
import { db } from '../db.ts'
import { monthStart, spentSince } from '../ui/budget.ts'
import { loadSettings } from './settings.ts'

const NOT_YET_DELIVERED = ['held', 'awaiting_funds', 'queued', 'sending']

export async function budgetView(currency: string | null, now = new Date()): Promise<BudgetView> {
  const { budget } = await loadSettings()
  const start = monthStart(now)
  const sent = await db.activity
    .where('at')
    .aboveOrEqual(start.toISOString())
    .filter((item) => item.kind === 'tip_sent' && item.currency === currency)
    .toArray()
  const waiting = await db.outbox
    .where('state')
    .anyOf(NOT_YET_DELIVERED)
    .filter((item) => item.request.currency === currency)
    .toArray()
  const outstanding = waiting.reduce((sum, item) => sum + item.request.amount, 0)
  return { ...budget, spentThisMonth: spentSince(start, sent) + outstanding }
}
