import { ChallengeRequest, RegisterRequest, routes, SessionRequest } from '../../shared/api.ts'
import { issueChallenge, openSession, register } from '../auth/sessions.ts'
import type { ApiApp } from '../http/env.ts'
import { limitAuth } from '../http/rate-limit.ts'
import { body } from '../http/validate.ts'
import type { Services } from '../services.ts'

export function identityRoutes(app: ApiApp, s: Services): void {
  app.post(routes.accounts, limitAuth(s.limiters), async (c) => {
    const { publicKey } = await body(c, RegisterRequest)
    return c.json({ accountId: await register(s.db, publicKey) }, 201)
  })

  app.post(routes.challenge, limitAuth(s.limiters), async (c) => {
    const { accountId } = await body(c, ChallengeRequest)
    const { challenge, expiresAt } = await issueChallenge(s.db, accountId)
    return c.json({ challenge, expiresAt: expiresAt.toISOString() }, 201)
  })

  app.post(routes.sessions, limitAuth(s.limiters), async (c) => {
    const { token, expiresAt } = await openSession(s.db, await body(c, SessionRequest))
    return c.json({ token, expiresAt: expiresAt.toISOString() }, 201)
  })
}
