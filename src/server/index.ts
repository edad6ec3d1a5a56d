// Starting and stopping the payments API. The lead's launcher, the devkit and the tests call
// startApi; `npm run api` calls it through main.ts with configFromEnv.
import { createAdaptorServer } from '@hono/node-server'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { buildApp } from './app.ts'
import { SessionCache } from './auth/session-cache.ts'
import { claimCheckers, type ClaimCheckerBases } from './claims/checkers.ts'
import { migrate, openDb, type Db } from './db/index.ts'
import { DEFAULT_RATE_LIMITS, rateLimiters, type RateLimits } from './http/rate-limit.ts'
import { SHUTDOWN_GRACE_MS, stopServer } from './http/shutdown.ts'
import type { NodeBindings } from './http/env.ts'
import type { FaultHooks, Logger, StripeJsConfig } from './services.ts'
import { stripeClient, type StripeConfig } from './stripe/client.ts'
import { startEscrowSweeper } from './sweeper.ts'
import { startPayoutResumer } from './payouts/resume.ts'

export type { Db } from './db/index.ts'

export interface ApiConfig {
  port: number
  host?: string
  publicUrl?: string
  databaseUrl?: string
  dataDir?: string
  stripe: StripeConfig
  devClaims?: boolean
  feeBasisPoints?: number
  logger?: Logger
  /** Per instance; defaults in DEFAULT_RATE_LIMITS. */
  rateLimits?: Partial<RateLimits>
  /** Tests only: failures injected into a tip. */
  hooks?: FaultHooks
  /** Base URLs of the sites' public interfaces that verify claims (tests: the public-API stand-in). */
  claimCheckers?: ClaimCheckerBases
  /** How long close() lets requests in flight finish; SHUTDOWN_GRACE_MS unless set. */
  shutdownGraceMs?: number
}

export interface RunningApi {
  url: string
  close(): Promise<void>
  db: Db
}

const jsonLines: Logger = (line) => process.stdout.write(`${JSON.stringify({ at: new Date().toISOString(), ...line })}\n`)

export async function startApi(config: ApiConfig): Promise<RunningApi> {
  const host = config.host ?? '127.0.0.1'
  const log = config.logger ?? jsonLines
  const feeBasisPoints = config.feeBasisPoints ?? 0
  if (!Number.isInteger(feeBasisPoints) || feeBasisPoints < 0 || feeBasisPoints >= 10_000) {
    throw new RangeError(`feeBasisPoints must be a whole number from 0 to 9999; got ${feeBasisPoints}`)
  }
  const db = await openDb(config, (error) => log({ msg: 'idle database connection failed', error: String(error) }))
  try {
    const applied = await migrate(db)
    if (applied.length > 0) log({ msg: 'migrations applied', applied })
    // Listen first, so the default publicUrl can name the port actually bound (port 0 = any).
    let handle = (_request: Request, _env: NodeBindings): Response | Promise<Response> => new Response(null, { status: 503 })
    const server = createAdaptorServer({ fetch: (request: Request, env: NodeBindings) => handle(request, env) }) as Server
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(config.port, host, resolve)
    })
    const url = `http://${host.includes(':') ? `[${host}]` : host}:${(server.address() as AddressInfo).port}`
    const stripe = stripeClient(config.stripe)
    const app = buildApp({
      db,
      stripe,
      webhookSecret: config.stripe.webhookSecret,
      ...(config.stripe.connectWebhookSecret ? { connectWebhookSecret: config.stripe.connectWebhookSecret } : {}),
      ...(config.stripe.publishableKey ? { stripeJs: stripeJsConfig(config.stripe, config.stripe.publishableKey) } : {}),
      publicUrl: (config.publicUrl ?? url).replace(/\/$/, ''),
      feeBasisPoints,
      devClaims: config.devClaims ?? false,
      log,
      limiters: rateLimiters({ ...DEFAULT_RATE_LIMITS, ...config.rateLimits }),
      sessions: new SessionCache(),
      ...(config.hooks ? { hooks: config.hooks } : {}),
      claimCheckers: claimCheckers(config.claimCheckers),
    })
    handle = app.fetch
    const sweeper = startEscrowSweeper(db, log)
    const payoutResumer = startPayoutResumer({ db, stripe, log })
    log({ msg: 'api listening', url, database: config.databaseUrl ? 'postgres' : 'pglite' })
    return {
      url,
      db,
      async close() {
        await stopServer(server, config.shutdownGraceMs ?? SHUTDOWN_GRACE_MS)
        await sweeper.stop()
        await payoutResumer.stop()
        await db.close()
      },
    }
  } catch (error) {
    await db.close()
    throw error
  }
}

/**
 * Configuration from the environment: PORT (8787), DATABASE_URL, TIPLINE_DATA_DIR,
 * STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET, STRIPE_CONNECT_WEBHOOK_SECRET, STRIPE_PUBLISHABLE_KEY (pk_…, for
 * embedded Checkout on the product pages), STRIPE_API_BASE (a local stand-in, e.g.
 * http://127.0.0.1:12111), TIPLINE_PUBLIC_URL, TIPLINE_DEV_CLAIMS=1, TIPLINE_FEE_BPS,
 * TIPLINE_AUTH_RATE_PER_MIN, TIPLINE_MONEY_RATE_PER_MIN, and the claim checkers' base URLs
 * TIPLINE_CLAIM_BLUESKY_URL, TIPLINE_CLAIM_MASTODON_URL, TIPLINE_CLAIM_X_URL.
 * Throws a one-line ConfigError when something required is missing or malformed.
 */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const secretKey = env.STRIPE_SECRET_KEY
  if (!secretKey) {
    throw new ConfigError('STRIPE_SECRET_KEY is not set: the API cannot take payments without a Stripe key (sk_test_… or the stand-in\'s).')
  }
  const webhookSecret = env.STRIPE_WEBHOOK_SECRET
  if (!webhookSecret) throw new ConfigError('STRIPE_WEBHOOK_SECRET is not set: webhooks could not be verified.')
  return {
    port: wholeNumber(env, 'PORT', 8787),
    ...(env.HOST ? { host: env.HOST } : {}),
    ...(env.TIPLINE_PUBLIC_URL ? { publicUrl: env.TIPLINE_PUBLIC_URL } : {}),
    ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
    ...(env.TIPLINE_DATA_DIR ? { dataDir: env.TIPLINE_DATA_DIR } : {}),
    stripe: {
      secretKey,
      webhookSecret,
      ...(env.STRIPE_CONNECT_WEBHOOK_SECRET ? { connectWebhookSecret: env.STRIPE_CONNECT_WEBHOOK_SECRET } : {}),
      ...publishableKey(env.STRIPE_PUBLISHABLE_KEY),
      ...stripeBase(env.STRIPE_API_BASE),
    },
    devClaims: env.TIPLINE_DEV_CLAIMS === '1',
    feeBasisPoints: wholeNumber(env, 'TIPLINE_FEE_BPS', 0),
    rateLimits: {
      authPerMinute: wholeNumber(env, 'TIPLINE_AUTH_RATE_PER_MIN', DEFAULT_RATE_LIMITS.authPerMinute),
      moneyPerMinute: wholeNumber(env, 'TIPLINE_MONEY_RATE_PER_MIN', DEFAULT_RATE_LIMITS.moneyPerMinute),
    },
    ...claimCheckersFromEnv(env),
  }
}

export class ConfigError extends Error {
  override name = 'ConfigError'
}

function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isSafeInteger(value) || value < 0) throw new ConfigError(`${name} must be a whole number; got "${raw}".`)
  return value
}

/** Only the checkers whose variable is set; the rest keep the sites' own public interfaces. */
function claimCheckersFromEnv(env: NodeJS.ProcessEnv): Pick<ApiConfig, 'claimCheckers'> {
  const bases = {
    ...baseUrl(env, 'TIPLINE_CLAIM_BLUESKY_URL', 'bluesky'),
    ...baseUrl(env, 'TIPLINE_CLAIM_MASTODON_URL', 'mastodon'),
    ...baseUrl(env, 'TIPLINE_CLAIM_X_URL', 'x'),
  }
  return Object.keys(bases).length > 0 ? { claimCheckers: bases } : {}
}

function baseUrl(env: NodeJS.ProcessEnv, name: string, site: keyof ClaimCheckerBases): ClaimCheckerBases {
  const raw = env[name]
  if (!raw) return {}
  if (!URL.canParse(raw) || !/^https?:$/.test(new URL(raw).protocol)) throw new ConfigError(`${name} must be an http(s) URL; got "${raw}".`)
  return { [site]: raw }
}

function publishableKey(key: string | undefined): Pick<StripeConfig, 'publishableKey'> {
  if (!key) return {}
  // The one Stripe key that may reach a browser; a secret key here would be published on every product page.
  if (!/^pk_(test|live)_[A-Za-z0-9_]+$/.test(key)) throw new ConfigError('STRIPE_PUBLISHABLE_KEY must be a publishable key (pk_test_… or pk_live_…).')
  return { publishableKey: key }
}

/** A stand-in (the SDK pointed at another host) serves embedded Checkout's frame from its own origin. */
function stripeJsConfig(stripe: StripeConfig, key: string): StripeJsConfig {
  if (!stripe.host) return { publishableKey: key }
  const protocol = stripe.protocol ?? 'https'
  const host = stripe.host.includes(':') ? `[${stripe.host}]` : stripe.host
  return { publishableKey: key, standInOrigin: new URL(`${protocol}://${host}:${stripe.port ?? (protocol === 'http' ? 80 : 443)}`).origin }
}

function stripeBase(base: string | undefined): Pick<StripeConfig, 'host' | 'port' | 'protocol'> {
  if (!base) return {}
  let url: URL
  try {
    url = new URL(base)
  } catch {
    throw new ConfigError(`STRIPE_API_BASE must be a URL such as http://127.0.0.1:12111; got "${base}".`)
  }
  const protocol = url.protocol === 'http:' ? 'http' : url.protocol === 'https:' ? 'https' : null
  if (!protocol) throw new ConfigError(`STRIPE_API_BASE must be http or https; got "${base}".`)
  return { host: url.hostname, port: Number(url.port || (protocol === 'http' ? 80 : 443)), protocol }
}
