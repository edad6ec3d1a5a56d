// Runs the Stripe stand-in on its own: `npx tsx src/devkit/stripe/main.ts`.
// PORT (default 12111); STRIPE_WEBHOOK_URL and STRIPE_WEBHOOK_SECRET to receive the platform's
// signed events; STRIPE_CONNECT_WEBHOOK_URL and STRIPE_CONNECT_WEBHOOK_SECRET to receive connected
// accounts' events (a Connect endpoint); STRIPE_SECRET_KEY for the key clients must send
// (default sk_test_standin).
import { startStripeStandIn, type WebhookEndpoint } from './index.ts'

const port = Number(process.env.PORT ?? 12111)
const endpoints = [endpoint('STRIPE_WEBHOOK', false), endpoint('STRIPE_CONNECT_WEBHOOK', true)].filter(
  (given): given is WebhookEndpoint => given !== undefined,
)

const standIn = await startStripeStandIn({
  port,
  ...(process.env.STRIPE_SECRET_KEY && { secretKey: process.env.STRIPE_SECRET_KEY }),
  webhooks: endpoints,
})
console.log(`Stripe stand-in at ${standIn.url} (secret key ${standIn.secretKey}, publishable key ${standIn.publishableKey})`)
for (const { url, connect } of endpoints) console.log(`Delivering ${connect ? "connected accounts'" : "the platform's"} events to ${url}`)
if (endpoints.length === 0) console.log('No webhook endpoint (set STRIPE_WEBHOOK_URL and STRIPE_WEBHOOK_SECRET)')

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void standIn.close().then(() => process.exit(0))
  })
}

/** The endpoint named by `<prefix>_URL` and `<prefix>_SECRET`; a URL without a secret is refused. */
function endpoint(prefix: string, connect: boolean): WebhookEndpoint | undefined {
  const url = process.env[`${prefix}_URL`]
  const secret = process.env[`${prefix}_SECRET`]
  if (!url) return undefined
  if (!secret) {
    console.error(`${prefix}_URL is set but ${prefix}_SECRET is not: webhooks must be signed.`)
    process.exit(1)
  }
  return { url, secret, connect }
}
