// What the background's unit tests share: the worker pointed at an API (the small stand-in, or the
// real payments API and Stripe stand-in), a clean slate between tests, the pages and scripts the
// router tells apart, and asking the router as they do. Import '../background-fake-browser.ts' and
// 'fake-indexeddb/auto' first, as every background test does.
import { afterAll, afterEach, beforeAll, beforeEach, expect, vi } from 'vitest'
import type { Runtime } from 'webextension-polyfill'
import type { Reply } from '../../../src/shared/messages.ts'
import { startStack, type Stack } from '../../../src/devkit/stack.ts'
import { TEST_CARDS } from '../../../src/devkit/stripe/cards.ts'
import { db } from '../../../src/extension/db.ts'
import { route } from '../../../src/extension/background/router.ts'
import { apiStandIn, type ApiStandIn } from '../background-api-stand-in.ts'
import { EXTENSION_ID, EXTENSION_ORIGIN, resetFakeBrowser } from '../background-fake-browser.ts'

const pointWorkerAt = (url: string) => Object.assign(globalThis, { __TIPLINE_API__: url })

/**
 * The API stand-in for the enclosing describe (or file), with the worker pointed at it. Before each
 * test the fake browser, the extension's database and the stand-in's records start over; after
 * each, the clock is real again.
 */
export function useApiStandIn(): ApiStandIn {
  const api = apiStandIn()
  beforeAll(async () => {
    await api.listen()
    pointWorkerAt(api.url)
  })
  afterAll(() => api.close())
  beforeEach(async () => {
    resetFakeBrowser()
    await Promise.all(db.tables.map((table) => table.clear()))
    api.reset()
  })
  afterEach(() => vi.useRealTimers())
  return api
}

export interface StackForTests {
  apiUrl: string
  /** Pays a top-up's hosted checkout with a card that succeeds, as the reader does in the checkout tab. */
  payCheckout(checkoutUrl: string): Promise<void>
}

/** The real payments API and Stripe stand-in (src/devkit/stack) for this file, with the worker pointed at it. */
export function useStack(ports: { api: number; stripe: number }): StackForTests {
  const apiUrl = `http://127.0.0.1:${ports.api}`
  let stack: Stack | undefined
  beforeAll(async () => {
    stack = await startStack({ apiUrl, stripePort: ports.stripe, log: () => undefined })
    pointWorkerAt(apiUrl)
  })
  afterAll(() => stack?.close())
  return {
    apiUrl,
    async payCheckout(checkoutUrl) {
      const sessionId = new URL(checkoutUrl).pathname.split('/').pop()
      const paid = await fetch(`${stack!.stripe.url}/_control/checkout/sessions/${sessionId}/pay`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ card: TEST_CARDS.succeeds }),
      })
      expect(paid.status).toBe(200)
    },
  }
}

type Tab = Runtime.MessageSender['tab']
const tab = (id: number) => ({ id }) as Tab

export const popup: Runtime.MessageSender = { id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}/src/extension/popup/index.html` }

/** The content script on a site's page in this tab. */
export const contentScriptIn = (tabId: number, url = 'https://x.com/home'): Runtime.MessageSender => ({ id: EXTENSION_ID, url, tab: tab(tabId), frameId: 0 })

/** The tip panel's frame in this tab. */
export const panelIn = (tabId: number, frameId = 1): Runtime.MessageSender => ({
  id: EXTENSION_ID,
  url: `${EXTENSION_ORIGIN}/src/extension/panel/index.html`,
  tab: tab(tabId),
  frameId,
})

/** A message through the router, as a page or script sends it; a refusal fails the test with its code. */
export async function ask<T>(message: unknown, sender: Runtime.MessageSender): Promise<T> {
  const reply = (await route(message, sender)) as Reply<T>
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`)
  return reply.value
}
