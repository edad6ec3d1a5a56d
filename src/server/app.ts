// The HTTP surface: request ids and logs, CORS for the extension, the routes, and one error shape.
import { Hono } from 'hono'
import { cors } from 'hono/cors'
import { randomUUID } from 'node:crypto'
import { API_PREFIX, IDEMPOTENCY_HEADER } from '../shared/api.ts'
import { ApiFailure, LEDGER_STATUS } from './http/errors.ts'
import type { ApiEnv } from './http/env.ts'
import { limitBody } from './http/body-limit.ts'
import { LedgerError } from './ledger/index.ts'
import { budgetRoutes } from './routes/budget.ts'
import { claimRoutes } from './routes/claims.ts'
import { creatorRoutes } from './routes/creator.ts'
import { creatorTipsRoutes } from './routes/creator-tips.ts'
import { healthRoutes } from './routes/health.ts'
import { identityRoutes } from './routes/identity.ts'
import { payoutRoutes } from './routes/payouts.ts'
import { productRoutes } from './routes/products.ts'
import { siteConfigRoutes } from './routes/site-config.ts'
import { tipRoutes } from './routes/tips.ts'
import { topupRoutes } from './routes/topups.ts'
import { walletRoutes } from './routes/wallet.ts'
import { webhookRoutes } from './routes/webhooks.ts'
import type { Services } from './services.ts'

const EXTENSION_ORIGIN = /^(chrome|moz)-extension:\/\/[A-Za-z0-9-]+$/

export function buildApp(s: Services): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>()

  app.use(async (c, next) => {
    const requestId = randomUUID()
    const started = performance.now()
    c.set('requestId', requestId)
    await next()
    c.header('X-Request-Id', requestId)
    s.log({
      msg: 'request',
      requestId,
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round(performance.now() - started),
    })
  })

  app.use(
    `${API_PREFIX}/*`,
    cors({
      origin: (origin) => (EXTENSION_ORIGIN.test(origin) ? origin : null),
      allowMethods: ['GET', 'POST', 'PUT', 'OPTIONS'],
      allowHeaders: ['Authorization', 'Content-Type', IDEMPOTENCY_HEADER, 'If-None-Match'],
      exposeHeaders: ['X-Request-Id', 'ETag'],
      maxAge: 600,
    }),
  )

  app.use(`${API_PREFIX}/*`, limitBody)

  healthRoutes(app, s)
  identityRoutes(app, s)
  walletRoutes(app, s)
  tipRoutes(app, s)
  topupRoutes(app, s)
  webhookRoutes(app, s)
  creatorRoutes(app, s)
  creatorTipsRoutes(app, s)
  siteConfigRoutes(app, s)
  budgetRoutes(app, s)
  payoutRoutes(app, s)
  claimRoutes(app, s)
  productRoutes(app, s)

  app.notFound((c) => c.json(new ApiFailure(404, 'not_found', `No route for ${c.req.method} ${c.req.path}.`).body(), 404))

  app.onError((error, c) => {
    if (error instanceof ApiFailure) return c.json(error.body(), error.status)
    if (error instanceof LedgerError) {
      const failure = new ApiFailure(LEDGER_STATUS[error.code], error.code, error.message, error.field)
      return c.json(failure.body(), failure.status)
    }
    // Unexpected: the details go to the log under the request id, never to the client.
    const requestId = c.get('requestId')
    s.log({ msg: 'unhandled error', requestId, error: String(error), stack: (error as Error).stack })
    return c.json(
      new ApiFailure(500, 'internal_error', `Something went wrong on our side (request ${requestId}).`).body(),
      500,
    )
  })

  return app
}
