// The monthly budget. It is enforced where tips are booked (tip_post in
// db/migrations/008_tip_post.sql): a tip that would take this month's tips past the reader's
// budget is refused unless the reader saw that and confirmed it.
import type { BudgetRequest } from '../../shared/api.ts'
import type { Tx } from '../db/index.ts'

export async function setBudget(tx: Tx, accountId: string, budget: BudgetRequest): Promise<void> {
  await tx.query(
    `INSERT INTO budgets (account_id, monthly, currency, time_zone) VALUES ($1, $2, $3, $4)
     ON CONFLICT (account_id) DO UPDATE SET monthly = $2, currency = $3, time_zone = $4, updated_at = now()`,
    [accountId, budget.monthly, budget.currency, budget.timeZone],
  )
}
