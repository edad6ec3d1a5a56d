// The official SDK, pointed at Stripe itself or, for development and tests, at a local stand-in.
import Stripe from 'stripe'

export interface StripeConfig {
  secretKey: string
  webhookSecret: string
  /** Verifies the Connect endpoint (connected accounts' events); unset = that endpoint refuses everything. */
  connectWebhookSecret?: string
  /** For Stripe.js on the public product pages (embedded Checkout); without one they offer hosted Checkout only. */
  publishableKey?: string
  host?: string
  port?: number
  protocol?: 'http' | 'https'
}

export function stripeClient(config: StripeConfig): Stripe {
  return new Stripe(config.secretKey, {
    maxNetworkRetries: 2,
    timeout: 20_000,
    appInfo: { name: 'Tipline' },
    ...(config.host ? { host: config.host } : {}),
    ...(config.port ? { port: config.port } : {}),
    ...(config.protocol ? { protocol: config.protocol } : {}),
  })
}
