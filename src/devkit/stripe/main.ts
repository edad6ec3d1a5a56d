// Runs the Stripe stand-in on its own: `npx tsx src/devkit/stripe/main.ts`.
// PORT (default 12111); STRIPE_WEBHOOK_URL and STRIPE_WEBHOOK_SECRET to receive signed events;
// STRIPE_SECRET_KEY for the key clients must send (default sk_test_standin).
import { startStripeStandIn } from './index.ts'

const port = Number(process.env.PORT ?? 12111)
const webhookUrl = process.env.STRIPE_WEBHOOK_URL
const webhookSecret = process.env.STRIPE_WEBHOOK_SECRET
if (webhookUrl && !webhookSecret) {
  console.error('STRIPE_WEBHOOK_URL is set but STRIPE_WEBHOOK_SECRET is not: webhooks must be signed.')
  process.exit(1)
}

const standIn = await startStripeStandIn({
  port,
  ...(process.env.STRIPE_SECRET_KEY && { secretKey: process.env.STRIPE_SECRET_KEY }),
  webhooks: webhookUrl && webhookSecret ? [{ url: webhookUrl, secret: webhookSecret }] : [],
})
console.log(`Stripe stand-in at ${standIn.url} (secret key ${standIn.secretKey})`)
console.log(webhookUrl ? `Delivering webhooks to ${webhookUrl}` : 'No webhook endpoint (set STRIPE_WEBHOOK_URL and STRIPE_WEBHOOK_SECRET)')

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void standIn.close().then(() => process.exit(0))
  })
}
