import { BudgetRequest, routes } from '../../shared/api.ts'
import { requireAccount } from '../auth/middleware.ts'
import type { ApiApp } from '../http/env.ts'
import { body } from '../http/validate.ts'
import { setBudget } from '../ledger/budget.ts'
import type { Services } from '../services.ts'

export function budgetRoutes(app: ApiApp, s: Services): void {
  // Setting a budget is the same request however often it repeats, so it needs no idempotency key.
  app.put(routes.budget, requireAccount(s), async (c) => {
    const budget = await body(c, BudgetRequest)
    await s.db.transaction((tx) => setBudget(tx, c.var.accountId, budget))
    return c.json(budget)
  })
}
