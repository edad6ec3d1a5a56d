import { routes } from '../../shared/api.ts'
import { requireAccount } from '../auth/middleware.ts'
import { ApiFailure } from '../http/errors.ts'
import type { ApiApp } from '../http/env.ts'
import type { Services } from '../services.ts'
import { activityPage, parseCursor } from '../views/activity.ts'
import { walletView } from '../views/wallet.ts'

export function walletRoutes(app: ApiApp, s: Services): void {
  app.get(routes.wallet, requireAccount(s), async (c) => c.json(await walletView(s.db, c.var.accountId)))

  app.get(routes.activity, requireAccount(s), async (c) => {
    const before = parseCursor(c.req.query('cursor'))
    if (Number.isNaN(before)) throw new ApiFailure(400, 'invalid_request', 'cursor is not one this API gave out.', 'cursor')
    return c.json(await activityPage(s.db, c.var.accountId, before))
  })
}
