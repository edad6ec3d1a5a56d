// A local stand-in for the parts of Stripe Tipline uses. The official SDK talks to it unchanged:
//   new Stripe(standIn.secretKey, { host: '127.0.0.1', port, protocol: 'http' })
// Dev and test tooling only; it never ships in the extension.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { getRequestListener } from '@hono/node-server'
import { Hono } from 'hono'
import { recordEvent, type Account } from './account.ts'
import { StripeApiError } from './errors.ts'
import type { StripeEvent } from './objects.ts'
import { stripeApi } from './routes/api.ts'
import { controlApi } from './routes/control.ts'
import { embeddedPages } from './routes/embedded.ts'
import { hostedPages } from './routes/hosted.ts'
import { onboardingPages } from './routes/onboarding.ts'
import { stripeJs } from './routes/stripe-js.ts'
import { Store } from './store.ts'
import { receives, WebhookDispatcher, type Delivery, type RetryPolicy, type WebhookEndpoint } from './webhooks.ts'

export type { StripeEvent } from './objects.ts'
export type { Delivery, RetryPolicy, WebhookEndpoint } from './webhooks.ts'
export { TEST_CARDS } from './cards.ts'
export { signatureHeader } from './webhooks.ts'
export { routeStripeJs } from './browser.ts'

export interface StripeStandInOptions {
  port: number // 0 = any free port
  host?: string // default 127.0.0.1
  secretKey?: string // the key clients must send (Bearer / basic); default 'sk_test_standin'
  publishableKey?: string // the key its Stripe.js takes; default 'pk_test_standin'
  webhooks?: WebhookEndpoint[] // endpoints to deliver signed events to; `connect: true` for connected accounts' events
  retry?: RetryPolicy // webhook redelivery back-off on non-2xx; default {baseMs: 500, maxAttempts: 5}
}

export interface StripeStandIn {
  url: string // e.g. http://127.0.0.1:12111
  secretKey: string
  publishableKey: string
  /**
   * Registers an endpoint once the receiver's URL is known, as one adds an endpoint in Stripe's
   * dashboard after deploying: it gets the events emitted from then on. A test can so start its API
   * on any free port rather than reserve one ahead, which another process may take in between.
   */
  addWebhook(endpoint: WebhookEndpoint): void
  close(): Promise<void>
  events: () => StripeEvent[] // what was emitted, for tests
  deliveries: () => Delivery[]
}

export const DEFAULT_SECRET_KEY = 'sk_test_standin'
export const DEFAULT_PUBLISHABLE_KEY = 'pk_test_standin'
const DEFAULT_RETRY: RetryPolicy = { baseMs: 500, maxAttempts: 5 }

export async function startStripeStandIn(options: StripeStandInOptions): Promise<StripeStandIn> {
  const host = options.host ?? '127.0.0.1'
  const secretKey = options.secretKey ?? DEFAULT_SECRET_KEY
  const publishableKey = options.publishableKey ?? DEFAULT_PUBLISHABLE_KEY
  const endpoints = [...(options.webhooks ?? [])]
  const store = new Store()
  const webhooks = new WebhookDispatcher(endpoints, options.retry ?? DEFAULT_RETRY, (eventId) => {
    store.event(eventId).pending_webhooks -= 1
  })

  const server = createServer()
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, host, resolve)
  })
  const { port } = server.address() as AddressInfo
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`

  const account: Account = {
    store,
    url,
    emit(type, object, context = {}) {
      const listening = endpoints.filter((endpoint) => receives(endpoint, context)).length
      const event = recordEvent(store, type, object, listening, context)
      webhooks.send(event)
      return event
    },
  }
  const app = new Hono()
  app.route('/v1', stripeApi(account, secretKey))
  app.route('/c/pay', hostedPages(account))
  app.route('/c/embedded', embeddedPages(account))
  app.route('/js', stripeJs(account, publishableKey))
  app.route('/connect', onboardingPages(account))
  app.route('/_control', controlApi(account, webhooks))
  app.onError((error, c) => {
    if (error instanceof StripeApiError) return c.json({ error: error.body }, error.status)
    console.error('Stripe stand-in failed on', c.req.method, c.req.path, error)
    return c.json({ error: { type: 'api_error', message: 'The Stripe stand-in failed; see its log.' } }, 500)
  })
  server.on('request', getRequestListener(app.fetch))

  return {
    url,
    secretKey,
    publishableKey,
    addWebhook(endpoint) {
      endpoints.push(endpoint)
    },
    events: () => [...store.events.values()],
    deliveries: () => webhooks.deliveries(),
    async close() {
      await webhooks.close()
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
    },
  }
}
