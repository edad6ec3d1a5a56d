// Rate limits on the auth and money routes: a token bucket per client, refilled continuously, so
// a burst up to the limit passes and a steady flood gets 429 with Retry-After.
//
// The buckets live in this process's memory: each API instance counts on its own, so behind a
// load balancer with N instances a client can reach up to N times the limit. That trade keeps a
// counter write off every money request; the limits are there to stop floods, not to meter.
import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context, MiddlewareHandler } from 'hono'
import type { ApiEnv } from './env.ts'
import { ApiFailure } from './errors.ts'

export interface RateLimits {
  /** Registrations, challenges and sessions per client address per minute; 0 = unlimited. */
  authPerMinute: number
  /** Money-moving requests (tips, top-ups, claims) per account per minute; 0 = unlimited. */
  moneyPerMinute: number
}

export const DEFAULT_RATE_LIMITS: RateLimits = { authPerMinute: 300, moneyPerMinute: 120 }

// Full buckets carry no information; they are dropped once this many clients are tracked.
const PRUNE_AT = 10_000

export class TokenBuckets {
  readonly #perMs: number
  readonly #buckets = new Map<string, { tokens: number; at: number }>()

  constructor(readonly perMinute: number) {
    this.#perMs = perMinute / 60_000
  }

  /** Takes one token for this key; returns 0 when allowed, else the milliseconds until one is free. */
  take(key: string, now = performance.now()): number {
    if (this.perMinute === 0) return 0
    if (this.#buckets.size >= PRUNE_AT) this.#prune(now)
    const bucket = this.#buckets.get(key) ?? { tokens: this.perMinute, at: now }
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.at) * this.#perMs)
    bucket.at = now
    this.#buckets.set(key, bucket)
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1
      return 0
    }
    return (1 - bucket.tokens) / this.#perMs
  }

  #prune(now: number): void {
    for (const [key, { tokens, at }] of this.#buckets) {
      if (tokens + (now - at) * this.#perMs >= this.perMinute) this.#buckets.delete(key)
    }
  }
}

export interface RateLimiters {
  auth: TokenBuckets
  money: TokenBuckets
}

export const rateLimiters = (limits: RateLimits): RateLimiters => ({
  auth: new TokenBuckets(limits.authPerMinute),
  money: new TokenBuckets(limits.moneyPerMinute),
})

/** Auth routes, counted per client address (the socket's peer: behind a proxy, the proxy's). */
export const limitAuth = (limiters: RateLimiters): MiddlewareHandler<ApiEnv> => limit(limiters.auth, clientAddress)

/** Money routes, counted per account: place after requireAccount. */
export const limitMoney = (limiters: RateLimiters): MiddlewareHandler<ApiEnv> => limit(limiters.money, (c) => c.var.accountId)

function limit(buckets: TokenBuckets, keyOf: (c: Context<ApiEnv>) => string): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const waitMs = buckets.take(keyOf(c))
    if (waitMs > 0) {
      const seconds = Math.ceil(waitMs / 1000)
      const failure = new ApiFailure(429, 'rate_limited', `Too many requests; try again in ${seconds} s.`)
      return c.json(failure.body(), 429, { 'Retry-After': String(seconds) })
    }
    return next()
  }
}

function clientAddress(c: Context<ApiEnv>): string {
  // Without a Node socket (app.request in code), every caller is one client.
  if (!(c.env as { incoming?: unknown } | undefined)?.incoming) return 'local'
  return getConnInfo(c).remote.address ?? 'unknown'
}
