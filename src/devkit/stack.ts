// The whole local stack in one process: the payments API on an embedded database and the Stripe
// stand-in that it talks to through the official SDK. Used by `npm start`, `npm run tour` and the
// e2e tests. The site stand-ins are served by the browser's request routing (see sites/); the
// sites' public lookups that claims read are a real HTTP server the API's claim checkers point at.
import { randomBytes } from 'node:crypto'
import { startApi, type RunningApi } from '../server/index.ts'
import { startStripeStandIn, type StripeStandIn } from './stripe/index.ts'
import { startSitesPublicApi, type SitesPublicApi } from './sites/public-api.ts'
import { DEFAULT_API_URL } from '../../scripts/build-config.ts'

export interface StackOptions {
  /** The extension is built against one API origin (scripts/build-config.ts); the API must listen there. */
  apiUrl?: string
  stripePort?: number
  /** PGlite data folder; undefined keeps the database in memory. */
  dataDir?: string
  /** Real Postgres instead of PGlite. */
  databaseUrl?: string
  log?: (line: Record<string, unknown>) => void
}

export interface Stack {
  api: RunningApi
  stripe: StripeStandIn
  /** Bluesky's AppView, Mastodon instances and X's oEmbed, as claims read them (startStack always starts it). */
  sitesApi?: SitesPublicApi
  close(): Promise<void>
}

export const STRIPE_STAND_IN_PORT = 12111

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const apiUrl = new URL(options.apiUrl ?? DEFAULT_API_URL)
  const webhookSecret = `whsec_${randomBytes(24).toString('hex')}`
  const connectWebhookSecret = `whsec_${randomBytes(24).toString('hex')}`
  const stripe = await startStripeStandIn({
    port: options.stripePort ?? STRIPE_STAND_IN_PORT,
    webhooks: [
      { url: `${apiUrl.origin}/v1/webhooks/stripe`, secret: webhookSecret },
      // Creators' connected accounts report on their own endpoint, as at Stripe.
      { url: `${apiUrl.origin}/v1/webhooks/stripe-connect`, secret: connectWebhookSecret, connect: true },
    ],
  })
  const stripeUrl = new URL(stripe.url)
  const sitesApi = await startSitesPublicApi()
  try {
    const api = await startApi({
      port: Number(apiUrl.port),
      host: apiUrl.hostname,
      publicUrl: apiUrl.origin,
      databaseUrl: options.databaseUrl,
      dataDir: options.dataDir,
      devClaims: true,
      claimCheckers: sitesApi.checkers,
      stripe: {
        secretKey: stripe.secretKey,
        webhookSecret,
        connectWebhookSecret,
        publishableKey: stripe.publishableKey,
        host: stripeUrl.hostname,
        port: Number(stripeUrl.port),
        protocol: 'http',
      },
      ...(options.log ? { logger: options.log } : {}),
    })
    return {
      api,
      stripe,
      sitesApi,
      async close() {
        await api.close()
        await stripe.close()
        await sitesApi.close()
      },
    }
  } catch (error) {
    await sitesApi.close()
    await stripe.close()
    throw error
  }
}
