// One API over real HTTP with the project's Stripe stand-in behind it (the real stripe SDK on
// both sides), on PGlite or on real Postgres. The stand-in records the events it would send but
// delivers none itself: each test delivers them, signed as Stripe signs them, when and as often
// as its story needs.
import { randomBytes } from 'node:crypto'
import Stripe from 'stripe'
import { startStripeStandIn, TEST_CARDS, type StripeEvent, type StripeStandIn } from '../../../src/devkit/stripe/index.ts'
import { startApi, type RunningApi } from '../../../src/server/index.ts'
import type { RateLimits } from '../../../src/server/http/rate-limit.ts'
import type { FaultHooks } from '../../../src/server/services.ts'

export interface Harness {
  api: RunningApi
  standIn: StripeStandIn
  /** The SDK pointed at the stand-in, for reading what the API asked Stripe for. */
  stripe: Stripe
  webhookSecret: string
  logs: Array<Record<string, unknown>>
  /** The customer pays the session with a card that succeeds; resolves to the paid session. */
  pay(sessionId: string): Promise<Stripe.Checkout.Session>
  /** A test control of the stand-in (refund, dispute, expire…), e.g. `/charges/ch_…/refund`. */
  control<T = Record<string, unknown>>(path: string, body?: unknown): Promise<T>
  /** Events the stand-in emitted about one object, oldest first. */
  eventsAbout(objectId: string): StripeEvent[]
  close(): Promise<void>
}

export interface HarnessOptions {
  databaseUrl?: string
  feeBasisPoints?: number
  hooks?: FaultHooks
  rateLimits?: Partial<RateLimits>
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const standIn = await startStripeStandIn({ port: 0, secretKey: `sk_test_${randomBytes(12).toString('hex')}` })
  const { hostname, port } = new URL(standIn.url)
  const where = { host: hostname, port: Number(port), protocol: 'http' as const }
  const webhookSecret = `whsec_${randomBytes(16).toString('hex')}`
  const logs: Array<Record<string, unknown>> = []
  const api = await startApi({
    port: 0,
    ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}),
    stripe: { secretKey: standIn.secretKey, webhookSecret, ...where },
    devClaims: true,
    feeBasisPoints: options.feeBasisPoints ?? 0,
    ...(options.hooks ? { hooks: options.hooks } : {}),
    ...(options.rateLimits ? { rateLimits: options.rateLimits } : {}),
    logger: (line) => logs.push(line),
  })
  async function control<T>(path: string, body: unknown = {}): Promise<T> {
    const res = await fetch(`${standIn.url}/_control${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    if (!res.ok) throw new Error(`stand-in control ${path} answered ${res.status}: ${await res.text()}`)
    return (await res.json()) as T
  }
  return {
    api,
    standIn,
    stripe: new Stripe(standIn.secretKey, where),
    webhookSecret,
    logs,
    pay: (sessionId) => control<Stripe.Checkout.Session>(`/checkout/sessions/${sessionId}/pay`, { card: TEST_CARDS.succeeds }),
    control,
    eventsAbout: (objectId) =>
      standIn.events().filter((e) => (e.data.object as { id?: string }).id === objectId).sort((a, b) => a.created - b.created),
    async close() {
      await api.close()
      await standIn.close()
    },
  }
}
