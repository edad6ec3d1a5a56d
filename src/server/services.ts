// What route handlers need, built once at start and passed down (no module-level state).
import type Stripe from 'stripe'
import type { Db } from './db/index.ts'

export type Logger = (line: Record<string, unknown>) => void

export interface Services {
  db: Db
  stripe: Stripe
  webhookSecret: string
  /** The API's own external URL, for Checkout's success and cancel pages. */
  publicUrl: string
  feeBasisPoints: number
  devClaims: boolean
  log: Logger
}
