import { routes } from '../../shared/api.ts'
import { requireAccount } from '../auth/middleware.ts'
import { ApiFailure } from '../http/errors.ts'
import type { ApiApp } from '../http/env.ts'
import type { Services } from '../services.ts'
import { parseReceivedCursor, receivedTipsPage } from '../views/creator-tips.ts'

export function creatorTipsRoutes(app: ApiApp, s: Services): void {
  app.get(routes.creatorTips, requireAccount(s), async (c) => {
    const after = parseReceivedCursor(c.req.query('cursor'))
    if (after === null) throw new ApiFailure(400, 'invalid_request', 'cursor is not one this API gave out.', 'cursor')
    return c.json(await receivedTipsPage(s.db, c.var.accountId, after))
  })
}
