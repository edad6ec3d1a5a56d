// The browser side of the local stack: Chromium with the built extension, every site stand-in served
// at its real address, and nothing else let out of the machine.
import type { BrowserContext } from '@playwright/test'
import { launchWithExtension, type ExtensionBrowser } from '../../tests/support/chromium.ts'
import { routeXStandIn } from './sites/x/index.ts'

export async function launchDemoBrowser(options: { headless: boolean }): Promise<ExtensionBrowser> {
  const browser = await launchWithExtension({ headless: options.headless })
  await routeStandIns(browser.context)
  return browser
}

/** Loopback passes (the API, the Stripe stand-in); the site stand-ins answer for the real sites; the rest is refused. */
export async function routeStandIns(context: BrowserContext): Promise<void> {
  await context.route('**/*', (route) => {
    const { hostname } = new URL(route.request().url())
    return hostname === '127.0.0.1' || hostname === 'localhost' ? route.fallback() : route.abort()
  })
  await routeXStandIn(context)
}
