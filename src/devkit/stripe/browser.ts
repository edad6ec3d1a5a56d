// Stripe.js in a test or demo browser: requests for https://js.stripe.com/<train>/stripe.js get
// the stand-in's substitute, so @stripe/stripe-js's loadStripe mounts the stand-in's embedded
// Checkout. Register it after any catch-all that refuses outside requests: Playwright tries the
// most recently added route first.
import type { BrowserContext } from '@playwright/test'

const STRIPE_JS = /^\/(v3|[a-z]+)\/stripe\.js$/

export async function routeStripeJs(context: BrowserContext, standInUrl: string): Promise<void> {
  await context.route('https://js.stripe.com/**', async (route) => {
    const train = STRIPE_JS.exec(new URL(route.request().url()).pathname)?.[1]
    if (!train) return route.fulfill({ status: 404, body: 'Not a Stripe.js address.' })
    const substitute = await fetch(`${standInUrl}/js/${train}/stripe.js`)
    return route.fulfill({
      status: substitute.status,
      contentType: substitute.headers.get('content-type') ?? 'text/javascript',
      body: await substitute.text(),
    })
  })
}
