import { routes, TipRequest } from '../../shared/api.ts'
import { requireAccount } from '../auth/middleware.ts'
import { notFound } from '../http/errors.ts'
import { limitMoney } from '../http/rate-limit.ts'
import type { ApiApp } from '../http/env.ts'
import { body, idempotencyKey } from '../http/validate.ts'
import { tip } from '../ledger/index.ts'
import type { Services } from '../services.ts'
import { tipReceipt } from '../views/tip.ts'

export function tipRoutes(app: ApiApp, s: Services): void {
  app.post(routes.tips, requireAccount(s), limitMoney(s.limiters), async (c) => {
    const key = idempotencyKey(c)
    const request = await body(c, TipRequest)
    // One statement, so its own transaction: no BEGIN and COMMIT round trips (ledger/tip.ts).
    const receipt = await tip(s.db, { from: c.var.accountId, idempotencyKey: key, request, feeBasisPoints: s.feeBasisPoints })
    s.hooks?.afterCommit?.()
    return c.json(receipt, 201)
  })

  app.get(`${routes.tips}/:id`, requireAccount(s), async (c) => {
    const receipt = await tipReceipt(s.db, c.req.param('id'), c.var.accountId)
    if (!receipt) throw notFound('Tip')
    return c.json(receipt)
  })
}
