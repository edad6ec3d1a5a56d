// The background's modules against the real payments API and Stripe stand-in (src/devkit/stack),
// driven through the message router as the extension's pages and content scripts drive it.
import './background-fake-browser.ts'
import 'fake-indexeddb/auto'
import { afterAll, beforeAll, expect, test } from 'vitest'
import type { Runtime } from 'webextension-polyfill'
import { routes } from '../../src/shared/api.ts'
import type { HeldTip, PanelContext, PostRef, Reply, TipStatus } from '../../src/shared/messages.ts'
import { startStack, type Stack } from '../../src/devkit/stack.ts'
import { TEST_CARDS } from '../../src/devkit/stripe/cards.ts'
import { db } from '../../src/extension/db.ts'
import { route } from '../../src/extension/background/router.ts'
import { api as client } from '../../src/extension/background/api.ts'
import { EXTENSION_ID, EXTENSION_ORIGIN, openedTabs } from './background-fake-browser.ts'

const API_URL = 'http://127.0.0.1:18797'
const post: PostRef = {
  site: 'x',
  handle: 'nour_writes',
  postId: '1790000000000000001',
  postUrl: 'https://x.com/nour_writes/status/1790000000000000001',
  displayName: 'Nour',
}
const tab = { id: 4 } as Runtime.MessageSender['tab']
const popup: Runtime.MessageSender = { id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}/src/extension/popup/index.html` }
const contentScript: Runtime.MessageSender = { id: EXTENSION_ID, url: 'https://x.com/home', tab, frameId: 0 }
const panel: Runtime.MessageSender = { id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}/src/extension/panel/index.html`, tab, frameId: 1 }

let stack: Stack
beforeAll(async () => {
  stack = await startStack({ apiUrl: API_URL, stripePort: 12197, log: () => undefined })
  Object.assign(globalThis, { __TIPLINE_API__: API_URL })
})
afterAll(() => stack?.close())

async function ask<T>(message: unknown, sender: Runtime.MessageSender): Promise<T> {
  const reply = (await route(message, sender)) as Reply<T>
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`)
  return reply.value
}

async function payCheckout(checkoutUrl: string): Promise<void> {
  const sessionId = new URL(checkoutUrl).pathname.split('/').pop()
  const response = await fetch(`${stack.stripe.url}/_control/checkout/sessions/${sessionId}/pay`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ card: TEST_CARDS.succeeds }),
  })
  expect(response.status).toBe(200)
}

const cachedBalance = async () => (await db.wallet.get('me'))?.balance

test('a reader tops up, tips a post, is refused a tip beyond the balance, and the creator claims the tip', async () => {
  // First contact registers the device and signs in; the API verifies the signature.
  expect(await ask({ tipline: 'wallet.sync' }, popup)).toMatchObject({ currency: null, balance: 0 })

  const { checkoutUrl } = await ask<{ checkoutUrl: string }>({ tipline: 'topup.start', input: { amount: 1000, currency: 'USD' } }, popup)
  expect(openedTabs).toEqual([checkoutUrl])
  await payCheckout(checkoutUrl)
  // Nobody asks for a refresh: the worker's polling notices the webhook's credit.
  await expect.poll(cachedBalance, { timeout: 10_000, interval: 250 }).toBe(1000)

  const { token } = await ask<{ token: string }>({ tipline: 'panel.open', input: { post } }, contentScript)
  const context = await ask<PanelContext>({ tipline: 'panel.claim', input: { token } }, panel)
  expect(context).toMatchObject({ post, wallet: { currency: 'USD', balance: 1000 }, presets: [100, 300, 500] })

  // Held for the undo window, then sent by the worker's timer without anyone asking.
  const held = await ask<HeldTip>({ tipline: 'tip.create', input: { token, key: 'confirm-0001', amount: 200, currency: 'USD', note: 'Thanks', overBudget: false } }, panel)
  await expect.poll(async () => (await db.outbox.get(held.id))?.state, { timeout: 10_000, interval: 250 }).toBe('delivered')
  const receipt = (await db.outbox.get(held.id))!.receipt!
  expect(receipt).toMatchObject({ handle: 'nour_writes', amount: 200, credited: 'escrow', balanceAfter: 800 })
  expect(await db.tipped.get(`x:${post.postId}`)).toBeDefined()
  await expect.poll(cachedBalance).toBe(800)

  // The same idempotency key again is the same tip, not a second one.
  const delivered = await db.outbox.where('state').equals('delivered').first()
  const again = await client.post(routes.tips, delivered!.request, { idempotencyKey: delivered!.id })
  expect(again.id).toBe(receipt.id)
  expect((await client.get(routes.wallet)).balance).toBe(800)

  const tooMuch = await ask<HeldTip>({ tipline: 'tip.create', input: { token, key: 'confirm-0002', amount: 5000, currency: 'USD', note: null, overBudget: false } }, panel)
  await expect
    .poll(() => ask<TipStatus>({ tipline: 'tip.status', input: { id: tooMuch.id } }, panel), { timeout: 10_000, interval: 500 })
    .toMatchObject({ state: 'failed', error: { code: 'insufficient_funds' } })
  expect(await db.outbox.where('state').equals('failed').count()).toBe(1)

  const creator = await ask<{ handles: unknown[]; tips: unknown[] }>({ tipline: 'creator.claimDev', input: { site: 'x', handle: 'nour_writes' } }, popup)
  expect(creator.handles).toEqual([expect.objectContaining({ site: 'x', handle: 'nour_writes' })])
  expect(creator.tips).toEqual([expect.objectContaining({ amount: 200, note: 'Thanks', postId: post.postId })])
  expect((await db.creator.get('me'))?.handles).toHaveLength(1)
})
