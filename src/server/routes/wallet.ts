import { routes } from '../../shared/api.ts'
import { requireAccount } from '../auth/middleware.ts'
import { ApiFailure } from '../http/errors.ts'
import type { ApiApp } from '../http/env.ts'
import { withETag } from '../http/etag.ts'
import type { Services } from '../services.ts'
import { activityPage, activitySince, parseCursor, parseItemId } from '../views/activity.ts'
import { walletView } from '../views/wallet.ts'

export function walletRoutes(app: ApiApp, s: Services): void {
  app.get(routes.wallet, requireAccount(s), withETag(), async (c) => c.json(await walletView(s.db, c.var.accountId)))

  app.get(routes.activity, requireAccount(s), async (c) => {
    // since: the newest item the client holds; it gets only what came after, so a quiet sync is empty.
    const since = c.req.query('since')
    if (since !== undefined) {
      const after = parseItemId(since)
      if (Number.isNaN(after)) throw new ApiFailure(400, 'invalid_request', 'since is not an activity id this API gave out.', 'since')
      return c.json(await activitySince(s.db, c.var.accountId, after))
    }
    const before = parseCursor(c.req.query('cursor'))
    if (Number.isNaN(before)) throw new ApiFailure(400, 'invalid_request', 'cursor is not one this API gave out.', 'cursor')
    return c.json(await activityPage(s.db, c.var.accountId, before))
  })
}
