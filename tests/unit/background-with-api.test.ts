// The background's modules against the real payments API and Stripe stand-in (src/devkit/stack),
// driven through the message router as the extension's pages and content scripts drive it.
import './background-fake-browser.ts'
import 'fake-indexeddb/auto'
import { expect, test } from 'vitest'
import { routes } from '../../src/shared/api.ts'
import type { HeldTip, PanelContext, PostRef, TipStatus } from '../../src/shared/messages.ts'
import { db } from '../../src/extension/db.ts'
import { api as client } from '../../src/extension/background/api.ts'
import { openedTabs } from './background-fake-browser.ts'
import { ask, contentScriptIn, panelIn, popup, useStack } from './support/background.ts'

const post: PostRef = {
  site: 'x',
  handle: 'nour_writes',
  postId: '1790000000000000001',
  postUrl: 'https://x.com/nour_writes/status/1790000000000000001',
  displayName: 'Nour',
}
const contentScript = contentScriptIn(4)
const panel = panelIn(4)
const { payCheckout } = useStack({ api: 18797, stripe: 12197 })

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
