// The monthly budget, enforced where tips are booked: a tip that would take this month's tips
// past the reader's budget is refused unless the reader saw that and confirmed it.
import type { BudgetRequest } from '../../shared/api.ts'
import type { Tx } from '../db/index.ts'
import { LedgerError } from './errors.ts'

export async function setBudget(tx: Tx, accountId: string, budget: BudgetRequest): Promise<void> {
  await tx.query(
    `INSERT INTO budgets (account_id, monthly, currency, time_zone) VALUES ($1, $2, $3, $4)
     ON CONFLICT (account_id) DO UPDATE SET monthly = $2, currency = $3, time_zone = $4, updated_at = now()`,
    [accountId, budget.monthly, budget.currency, budget.timeZone],
  )
}

/** Runs under the tipper's wallet lock, so two tips at once cannot both fit the same remainder. */
export async function assertWithinBudget(tx: Tx, from: string, amount: number, currency: string): Promise<void> {
  const { rows } = await tx.query<{ monthly: string; spent: string }>(
    `SELECT b.monthly, coalesce((
       SELECT sum(t.amount) FROM tips t
        WHERE t.from_account = b.account_id AND t.currency = b.currency
          AND t.created_at >= date_trunc('month', now() AT TIME ZONE b.time_zone) AT TIME ZONE b.time_zone
     ), 0) AS spent
     FROM budgets b WHERE b.account_id = $1 AND b.monthly IS NOT NULL AND b.currency = $2`,
    [from, currency],
  )
  const budget = rows[0]
  if (!budget) return
  const left = Number(budget.monthly) - Number(budget.spent)
  if (amount > left) {
    throw new LedgerError('budget_exceeded', `This tip passes the monthly budget: ${Math.max(0, left)} ${currency} minor units are left this month.`, 'amount')
  }
}
