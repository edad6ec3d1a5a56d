// The payments API as the benchmark runs it, in a process of its own: the real app (buildApp) with
// one extra route for the baseline — a plain single-row insert through the same HTTP stack
// (request ids, logs, CORS, body limit, JSON parsing, the same database driver).
import { createAdaptorServer } from '@hono/node-server'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { buildApp } from '../../src/server/app.ts'
import { SessionCache } from '../../src/server/auth/session-cache.ts'
import { migrate, openDb } from '../../src/server/db/index.ts'
import { configFromEnv } from '../../src/server/index.ts'
import { DEFAULT_RATE_LIMITS, rateLimiters } from '../../src/server/http/rate-limit.ts'
import { stripeClient } from '../../src/server/stripe/client.ts'
import { bodyText } from '../../src/server/http/validate.ts'
import { BASELINE_PATH } from './api-paths.ts'

const config = configFromEnv()
const db = await openDb(config, (error) => console.error(`bench api: idle connection failed: ${error}`))
await migrate(db)
await db.query('CREATE TABLE IF NOT EXISTS bench_baseline (id BIGSERIAL PRIMARY KEY, body JSONB NOT NULL)')

const app = buildApp({
  db,
  stripe: stripeClient(config.stripe),
  webhookSecret: config.stripe.webhookSecret,
  publicUrl: `http://127.0.0.1:${config.port}`,
  feeBasisPoints: 0,
  devClaims: false,
  log: () => {},
  limiters: rateLimiters({ ...DEFAULT_RATE_LIMITS, ...config.rateLimits }),
  sessions: new SessionCache(),
})
app.post(BASELINE_PATH, async (c) => {
  // Read as every API route reads its body (http/validate.ts), so the baseline pays the same.
  const body: unknown = JSON.parse(await bodyText(c))
  const { rows } = await db.query<{ id: string }>('INSERT INTO bench_baseline (body) VALUES ($1) RETURNING id', [body])
  return c.json({ id: rows[0]?.id }, 201)
})

const server = createAdaptorServer({ fetch: app.fetch }) as Server
server.listen(config.port, '127.0.0.1', () => {
  console.log(`ready http://127.0.0.1:${(server.address() as AddressInfo).port}`)
})
process.on('SIGTERM', () => {
  server.close()
  server.closeAllConnections()
  void db.close().then(() => process.exit(0))
})
