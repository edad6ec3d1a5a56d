// Cheap syncs through the real API and Stripe stand-in: a sync with nothing new gets 304s and
// leaves the cache (and every live query on it) alone; activity sync fetches only new items; the
// creators table learns names from posts and claim state from receipts and the creator's view.
import { fakeBrowser } from './background-fake-browser.ts'
import 'fake-indexeddb/auto'
import { liveQuery } from 'dexie'
import { afterAll, beforeAll, expect, test } from 'vitest'
import type { HeldTip, PanelContext, PostRef } from '../../src/shared/messages.ts'
import { db } from '../../src/extension/db.ts'
import { syncAll } from '../../src/extension/background/sync.ts'
import { WALLET_CHANGED_KEY } from '../../src/shared/wallet-news.ts'
import { ask, contentScriptIn, panelIn, popup, useStack } from './support/background.ts'

const post: PostRef = {
  site: 'x',
  handle: 'sync_writer',
  postId: '1790000000000000042',
  postUrl: 'https://x.com/sync_writer/status/1790000000000000042',
  displayName: 'Sync Writer',
}
const contentScript = contentScriptIn(7)
const panel = panelIn(7)

/** Every API answer the worker gets, by path and query: watched, not changed. */
const answers: Array<{ path: string; status: number; items?: number }> = []
const realFetch = globalThis.fetch

const { apiUrl, payCheckout } = useStack({ api: 18811, stripe: 12811 })
beforeAll(() => {
  globalThis.fetch = async (input, init) => {
    const response = await realFetch(input, init)
    const url = new URL(input instanceof Request ? input.url : String(input))
    if (url.origin === apiUrl) {
      const items = url.pathname.endsWith('/activity') && response.ok ? ((await response.clone().json()) as { items: unknown[] }).items.length : undefined
      answers.push({ path: url.pathname + url.search, status: response.status, ...(items === undefined ? {} : { items }) })
    }
    return response
  }
})
afterAll(() => {
  globalThis.fetch = realFetch
})

async function topUp(amount: number): Promise<void> {
  const { checkoutUrl } = await ask<{ checkoutUrl: string }>({ tipline: 'topup.start', input: { amount, currency: 'USD' } }, popup)
  await payCheckout(checkoutUrl)
  await expect.poll(async () => (await db.wallet.get('me'))?.balance, { timeout: 10_000, interval: 250 }).toBe(amount)
}

async function tipThroughPanel(amount: number, key: string): Promise<void> {
  const { token } = await ask<{ token: string }>({ tipline: 'panel.open', input: { post } }, contentScript)
  await ask<PanelContext>({ tipline: 'panel.claim', input: { token } }, panel)
  const held = await ask<HeldTip>({ tipline: 'tip.create', input: { token, key, amount, currency: 'USD', note: null, overBudget: false } }, panel)
  await expect.poll(async () => (await db.outbox.get(held.id))?.state, { timeout: 10_000, interval: 250 }).toBe('delivered')
}

/** Counts the answers of a live query over everything a sync writes, after its first one. */
function watchCache(): { repaints: () => number; stop: () => void } {
  let answersSeen = 0
  const subscription = liveQuery(() =>
    Promise.all([db.wallet.toArray(), db.creator.toArray(), db.activity.toArray(), db.creators.toArray()]),
  ).subscribe({ next: () => answersSeen++ })
  return { repaints: () => Math.max(0, answersSeen - 1), stop: () => subscription.unsubscribe() }
}

/** When the background last told open panels the wallet changed. */
const walletNews = async () => (await fakeBrowser.storage.local.get(WALLET_CHANGED_KEY))[WALLET_CHANGED_KEY]

const settle = () => new Promise((resolve) => setTimeout(resolve, 300))

test('a sync with nothing new gets 304s, fetches no activity, and writes nothing to the cache', async () => {
  await ask({ tipline: 'wallet.sync' }, popup)
  await topUp(1_000)
  await tipThroughPanel(150, 'sync-0001')
  await syncAll()
  await settle()

  const before = { wallet: await db.wallet.get('me'), creator: await db.creator.get('me'), activity: await db.activity.toArray() }
  expect(before.wallet?.etag).toMatch(/^"/)
  const watch = watchCache()
  await settle()
  answers.length = 0

  const newsBefore = await walletNews()
  expect(newsBefore).toBe(before.wallet?.syncedAt)
  await ask({ tipline: 'wallet.sync' }, popup)
  await settle()
  watch.stop()

  expect(answers.find((a) => a.path === '/v1/wallet')?.status).toBe(304)
  expect(answers.find((a) => a.path === '/v1/creator')?.status).toBe(304)
  expect(answers.filter((a) => a.path.startsWith('/v1/activity'))).toEqual([
    { path: `/v1/activity?since=${before.activity.find((i) => i.amount === -150)!.id}`, status: 200, items: 0 },
  ])
  expect(watch.repaints()).toBe(0)
  // Nothing changed, so no open panel is told to ask again.
  expect(await walletNews()).toBe(newsBefore)
  expect(await db.wallet.get('me')).toEqual(before.wallet)
  expect(await db.creator.get('me')).toEqual(before.creator)
  expect(await db.activity.toArray()).toEqual(before.activity)
})

test('after a tip, the sync fetches the new wallet and only the new activity item', async () => {
  const cachedIds = (await db.activity.toArray()).map((i) => i.id)
  answers.length = 0
  // Delivery itself starts a refresh; wait for it rather than race it.
  await tipThroughPanel(250, 'sync-0002')
  await settle()
  await syncAll()

  expect(answers.filter((a) => a.path === '/v1/wallet').map((a) => a.status)).toContain(200)
  const activityReads = answers.filter((a) => a.path.startsWith('/v1/activity'))
  expect(activityReads.every((a) => a.path.includes('?since=act_'))).toBe(true)
  expect(Math.max(...activityReads.map((a) => a.items!))).toBe(1)
  expect(activityReads.at(-1)?.items).toBe(0)
  expect((await db.wallet.get('me'))?.balance).toBe(600)
  // The new wallet is news for open tip panels, which then show the new balance.
  expect(await walletNews()).toBe((await db.wallet.get('me'))?.syncedAt)
  const added = (await db.activity.toArray()).filter((i) => !cachedIds.includes(i.id))
  expect(added).toMatchObject([{ kind: 'tip_sent', amount: -250, handle: 'sync_writer' }])
})

test('the creators table has the name the post showed and the claim state receipts and the creator view give', async () => {
  expect(await db.creators.get(['x', 'sync_writer'])).toEqual({ site: 'x', handle: 'sync_writer', claimed: false, displayName: 'Sync Writer' })

  await ask({ tipline: 'creator.claimDev', input: { site: 'x', handle: 'sync_writer' } }, popup)
  expect(await db.creators.get(['x', 'sync_writer'])).toEqual({ site: 'x', handle: 'sync_writer', claimed: true, displayName: 'Sync Writer' })
})
