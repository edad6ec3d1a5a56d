import type { Http2Bindings, HttpBindings } from '@hono/node-server'
import type { Hono } from 'hono'

/** Node's own request and response, as @hono/node-server hands them to the app. */
export type NodeBindings = HttpBindings | Http2Bindings

/** What middleware leaves on the context for route handlers, and Node's own request and response. */
export interface ApiEnv {
  Bindings: NodeBindings
  Variables: { requestId: string; accountId: string }
}
export type ApiApp = Hono<ApiEnv>
