import type { Hono } from 'hono'

/** What middleware leaves on the context for route handlers. */
export interface ApiEnv {
  Variables: { requestId: string; accountId: string }
}
export type ApiApp = Hono<ApiEnv>
