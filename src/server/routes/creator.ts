import { ClaimRequest, routes } from '../../shared/api.ts'
import { requireAccount } from '../auth/middleware.ts'
import type { ApiApp } from '../http/env.ts'
import { withETag } from '../http/etag.ts'
import { limitMoney } from '../http/rate-limit.ts'
import { body } from '../http/validate.ts'
import { claimHandle } from '../ledger/index.ts'
import type { Services } from '../services.ts'
import { creatorView } from '../views/creator.ts'

export function creatorRoutes(app: ApiApp, s: Services): void {
  app.get(routes.creator, requireAccount(s), withETag(), async (c) => c.json(await creatorView(s.db, c.var.accountId)))

  // Development shortcut: claims a handle without proving it. Only mounted when configured.
  if (s.devClaims) {
    app.post(routes.devClaim, requireAccount(s), limitMoney(s.limiters), async (c) => {
      const { site, handle } = await body(c, ClaimRequest)
      const view = await s.db.transaction(async (tx) => {
        await claimHandle(tx, c.var.accountId, site, handle)
        return creatorView(tx, c.var.accountId)
      })
      return c.json(view)
    })
  }
}
