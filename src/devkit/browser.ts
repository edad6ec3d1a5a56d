// The browser side of the local stack: Chromium with the built extension, every site stand-in served
// at its real address, and nothing else let out of the machine.
import type { BrowserContext } from '@playwright/test'
import { launchWithExtension, type ExtensionBrowser } from './chromium.ts'
import { routeXStandIn } from './sites/x/index.ts'
import { routeBlueskyStandIn } from './sites/bluesky/index.ts'
import { routeMastodonStandIn } from './sites/mastodon/index.ts'
import type { Routable } from './sites/route.ts'
import { routeStripeJs } from './stripe/browser.ts'

/** `stripeUrl`: the Stripe stand-in, whose Stripe.js the product pages then load. */
export async function launchDemoBrowser(options: { headless: boolean; stripeUrl?: string }): Promise<ExtensionBrowser> {
  const browser = await launchWithExtension({ headless: options.headless })
  await routeStandIns(browser.context, options.stripeUrl)
  return browser
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]'])

/**
 * The site stand-ins answer for the real sites; loopback passes (the API, the Stripe stand-in);
 * with `stripeUrl`, js.stripe.com serves that stand-in's Stripe.js; every other web request is
 * refused. Extension URLs are never touched: pages load their chunks.
 */
export async function routeStandIns(context: BrowserContext, stripeUrl?: string): Promise<void> {
  await routeSites(context)
  if (stripeUrl) await routeStripeJs(context, stripeUrl)
}

/** The site stand-ins at the real sites' addresses, loopback let through, every other web request refused. */
export async function routeSites(context: Routable): Promise<void> {
  await context.route(
    (url) => (url.protocol === 'http:' || url.protocol === 'https:') && !LOOPBACK.has(url.hostname),
    (route) => route.abort(),
  )
  await routeXStandIn(context)
  await routeBlueskyStandIn(context)
  await routeMastodonStandIn(context, 'mastodon.social')
}
