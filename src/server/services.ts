// What route handlers need, built once at start and passed down (no module-level state).
import type Stripe from 'stripe'
import type { SessionCache } from './auth/session-cache.ts'
import type { ClaimCheckers } from './claims/checkers.ts'
import type { Db } from './db/index.ts'
import type { RateLimiters } from './http/rate-limit.ts'

export type Logger = (line: Record<string, unknown>) => void

/**
 * Points where tests inject a failure into a tip, to prove what a crash there leaves behind.
 * Production passes none.
 */
export interface FaultHooks {
  /** After COMMIT, before the answer is sent: the client never learns the tip went through. */
  afterCommit?: () => void
}

export interface StripeJsConfig {
  publishableKey: string
  /** Where a local Stripe stand-in serves embedded Checkout's frame; the product page's CSP lets it in. */
  standInOrigin?: string
}

export interface Services {
  db: Db
  stripe: Stripe
  webhookSecret: string
  /** The Connect endpoint's own signing secret; without one it refuses every delivery. */
  connectWebhookSecret?: string
  /** Stripe.js on the public product pages: embedded Checkout there; absent, those pages offer hosted Checkout only. */
  stripeJs?: StripeJsConfig
  /** The API's own external URL, for Checkout's success and cancel pages. */
  publicUrl: string
  feeBasisPoints: number
  devClaims: boolean
  log: Logger
  /** Per-instance request budgets for the auth and money routes. */
  limiters: RateLimiters
  /** This instance's memory of which account each session token belongs to. */
  sessions: SessionCache
  hooks?: FaultHooks
  /** Where handle claims are checked; the sites' public interfaces when absent. */
  claimCheckers?: ClaimCheckers
}
