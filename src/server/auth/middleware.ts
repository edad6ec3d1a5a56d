import { createMiddleware } from 'hono/factory'
import type { ApiEnv } from '../http/env.ts'
import type { Services } from '../services.ts'
import { accountForToken } from './sessions.ts'

/** Every money and wallet route sits behind this: no token, no account, 401. */
export const requireAccount = (s: Services) =>
  createMiddleware<ApiEnv>(async (c, next) => {
    c.set('accountId', await accountForToken(s.db, s.sessions, c.req.header('Authorization')))
    await next()
  })
