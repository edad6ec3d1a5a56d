// Fixtures for end-to-end tests: real parts only. Each test gets a fresh local stack (API on an
// in-memory database + the Stripe stand-in) and a fresh Chromium profile with the built extension,
// so accounts, claims and balances never leak between tests.
import { test as base, type BrowserContext, type Worker } from '@playwright/test'
import { startStack, STRIPE_STAND_IN_PORT, type Stack } from '../../src/devkit/stack.ts'
import { apiBaseUrl } from '../../scripts/build-config.ts'
import { routeStandIns } from '../../src/devkit/browser.ts'
import { launchWithExtension } from '../../src/devkit/chromium.ts'
import { Popup } from './pages/popup.ts'
import { Options } from './pages/options.ts'
import { XTimeline } from './pages/x-timeline.ts'

interface Fixtures {
  stack: Stack
  context: BrowserContext
  extensionId: string
  worker: Worker
  popup: Popup
  options: Options
  x: XTimeline
}

/** The local stack where the extension under test was built to find the API (scripts/build-config.ts). */
export const startTestStack = (): Promise<Stack> =>
  startStack({ apiUrl: apiBaseUrl(), stripePort: Number(process.env.TIPLINE_STRIPE_PORT ?? STRIPE_STAND_IN_PORT), log: () => {} })

export const test = base.extend<Fixtures>({
  stack: async ({}, use) => {
    const stack = await startTestStack()
    await use(stack)
    await stack.close()
  },
  // The extension's worker registers with the API on first run, so the stack must be up first.
  context: async ({ stack: _stack }, use) => {
    const browser = await launchWithExtension()
    await routeStandIns(browser.context)
    await use(browser.context)
    await browser.context.close()
  },
  worker: async ({ context }, use) => {
    await use(context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker')))
  },
  extensionId: async ({ worker }, use) => {
    await use(new URL(worker.url()).host)
  },
  popup: async ({ context, extensionId }, use) => {
    await use(new Popup(context, extensionId))
  },
  options: async ({ context, extensionId }, use) => {
    await use(new Options(context, extensionId))
  },
  x: async ({ context }, use) => {
    await use(new XTimeline(context))
  },
})

export { expect } from '@playwright/test'
