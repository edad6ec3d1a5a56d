import './background-fake-browser.ts'
import 'fake-indexeddb/auto'
import { describe, expect, test, vi } from 'vitest'
import type { Runtime } from 'webextension-polyfill'
import type { PostRef, Reply } from '../../src/shared/messages.ts'
import { db } from '../../src/extension/db.ts'
import { route } from '../../src/extension/background/router.ts'
import { PANEL_TOKEN_TTL_MS, claimPanelToken, issuePanelToken } from '../../src/extension/background/panel-tokens.ts'
import { BackgroundError } from '../../src/extension/background/errors.ts'
import { UNDO_WINDOW_MS } from '../../src/extension/background/outbox-state.ts'
import { updateSettings } from '../../src/extension/background/settings.ts'
import { EXTENSION_ID, EXTENSION_ORIGIN, sentToTabs } from './background-fake-browser.ts'
import { contentScriptIn, useApiStandIn } from './support/background.ts'

const post: PostRef = {
  site: 'bluesky',
  handle: 'nour.bsky.social',
  postId: '3kq2abc',
  postUrl: 'https://bsky.app/profile/nour.bsky.social/post/3kq2abc',
  displayName: 'Nour',
}
const PANEL_URL = `${EXTENSION_ORIGIN}/src/extension/panel/index.html`

const inTab = (tabId: number) => ({ id: tabId }) as Runtime.MessageSender['tab']
const panelIn = (tabId: number): Runtime.MessageSender => ({ id: EXTENSION_ID, url: `${PANEL_URL}#panel`, tab: inTab(tabId), frameId: 2 })

async function openPanel(tabId: number): Promise<string> {
  const reply = (await route({ tipline: 'panel.open', input: { post } }, contentScriptIn(tabId, 'https://bsky.app/'))) as Reply<{ token: string }>
  if (!reply.ok) throw new Error(reply.error.message)
  return reply.value.token
}
const claim = (token: string, sender: Runtime.MessageSender) => route({ tipline: 'panel.claim', input: { token } }, sender)
const tip = (token: string, sender: Runtime.MessageSender, key = 'confirmation-1') =>
  route({ tipline: 'tip.create', input: { token, key, amount: 300, currency: 'USD', note: null, overBudget: false } }, sender)
const status = (id: string, sender: Runtime.MessageSender) => route({ tipline: 'tip.status', input: { id } }, sender)
/** The undo window is over: the clock moves on, and the panel asks after its tip. */
function afterTheHold(): void {
  vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + UNDO_WINDOW_MS })
}
const badToken = { ok: false, error: { code: 'bad_token' } }

const api = useApiStandIn()

describe('panel tokens', () => {
  test('the panel in the same tab claims its token once and learns the post, the wallet and the presets', async () => {
    const token = await openPanel(7)
    expect(await claim(token, panelIn(7))).toEqual({
      ok: true,
      value: { post, wallet: null, presets: [100, 300, 500], budget: { monthly: null, confirmAbove: null, spentThisMonth: 0 } },
    })
    expect(await claim(token, panelIn(7))).toMatchObject(badToken)
  })

  test('presets follow the cached wallet currency and the person’s own choice', async () => {
    await db.wallet.put({ key: 'me', syncedAt: '', accountId: 'a', currency: 'JPY', balance: 5000, debt: 0, escrowed: [] })
    const firstToken = await openPanel(7)
    const first = await claim(firstToken, panelIn(7))
    expect(first).toMatchObject({ ok: true, value: { wallet: { currency: 'JPY', balance: 5000 } } })
    if (first.ok) expect((first.value as { presets: number[] }).presets.every((amount) => Number.isInteger(amount) && amount > 0)).toBe(true)

    await updateSettings({ tipPresets: { JPY: [100, 500, 1000] } })
    const second = await claim(await openPanel(7), panelIn(7))
    expect(second).toMatchObject({ ok: true, value: { presets: [100, 500, 1000] } })
  })

  test('a token is refused from another tab, and that does not spend it', async () => {
    const token = await openPanel(7)
    expect(await claim(token, panelIn(8))).toMatchObject(badToken)
    expect(await claim(token, panelIn(7))).toMatchObject({ ok: true })
  })

  test('an unknown token is refused', async () => {
    expect(await claim('f'.repeat(64), panelIn(7))).toMatchObject(badToken)
  })

  test('only the panel page can claim: not the popup, not the options page in the same tab', async () => {
    const token = await openPanel(7)
    expect(await claim(token, { id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}/src/extension/popup/index.html` })).toMatchObject({
      ok: false,
      error: { code: 'bad_sender' },
    })
    expect(
      await claim(token, { id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}/src/extension/options/index.html`, tab: inTab(7) }),
    ).toMatchObject({ ok: false, error: { code: 'bad_sender' } })
    expect(await claim(token, panelIn(7))).toMatchObject({ ok: true })
  })

  test('an unclaimed token expires after ten minutes', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.parse('2026-11-24T00:00:00Z') })
    const token = await issuePanelToken(7, post)
    vi.setSystemTime(Date.now() + PANEL_TOKEN_TTL_MS)
    await expect(claimPanelToken(token, 7)).rejects.toMatchObject({ code: 'bad_token' })
  })

  test('two claims racing each other: exactly one wins', async () => {
    const token = await issuePanelToken(7, post)
    const results = await Promise.allSettled([claimPanelToken(token, 7), claimPanelToken(token, 7), claimPanelToken(token, 7)])
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1)
    for (const result of results) if (result.status === 'rejected') expect(result.reason).toBeInstanceOf(BackgroundError)
  })
})

describe('an open panel asking again what to show', () => {
  const context = (token: string, sender: Runtime.MessageSender) => route({ tipline: 'panel.context', input: { token } }, sender)

  test('with its claimed token, from its own tab, it learns the wallet as the cache holds it now', async () => {
    await db.wallet.clear()
    const token = await openPanel(7)
    expect(await claim(token, panelIn(7))).toMatchObject({ ok: true, value: { wallet: null } })
    // A top-up lands: the sync writes the new wallet to the cache.
    await db.wallet.put({ key: 'me', syncedAt: '', accountId: 'a', currency: 'USD', balance: 500, debt: 0, escrowed: [] })
    expect(await context(token, panelIn(7))).toMatchObject({ ok: true, value: { post, wallet: { currency: 'USD', balance: 500 }, presets: [100, 300, 500] } })
    expect(await context(token, panelIn(7))).toMatchObject({ ok: true })
  })

  test('an unclaimed token, another tab or another page learns nothing', async () => {
    const token = await openPanel(7)
    expect(await context(token, panelIn(7))).toMatchObject(badToken)
    expect(await claim(token, panelIn(7))).toMatchObject({ ok: true })
    expect(await context(token, panelIn(8))).toMatchObject(badToken)
    expect(await context(token, { id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}/src/extension/popup/index.html`, tab: inTab(7) })).toMatchObject({
      ok: false,
      error: { code: 'bad_sender' },
    })
  })
})

describe('tipping with a panel token', () => {
  test('a claimed token tips the post it was issued for, from its own tab only, once the undo window is over', async () => {
    const token = await openPanel(7)
    expect(await tip(token, panelIn(7))).toMatchObject(badToken) // not claimed yet
    await claim(token, panelIn(7))
    expect(await tip(token, panelIn(8))).toMatchObject(badToken)

    const held = await tip(token, panelIn(7))
    expect(held).toMatchObject({ ok: true, value: { id: 'confirmation-1' } })
    expect(await status('confirmation-1', panelIn(7))).toEqual({ ok: true, value: { state: 'held', error: null } })
    expect(api.tipCalls).toHaveLength(0)

    afterTheHold()
    expect(await status('confirmation-1', panelIn(7))).toEqual({ ok: true, value: { state: 'delivered', error: null } })
    expect(api.tipCalls).toHaveLength(1)
    expect(api.tipCalls[0]).toMatchObject({
      idempotencyKey: 'confirmation-1',
      body: { site: 'bluesky', handle: 'nour.bsky.social', postId: '3kq2abc', postUrl: post.postUrl, amount: 300 },
    })
  })

  test('a double click confirms one tip: the same key finds the tip already saved', async () => {
    const token = await openPanel(7)
    await claim(token, panelIn(7))
    const [first, second] = await Promise.all([tip(token, panelIn(7)), tip(token, panelIn(7))])
    expect(first).toEqual(second)
    expect(await db.outbox.count()).toBe(1)
  })

  test('undo while held drops the tip; after it is sent, undo is refused', async () => {
    const token = await openPanel(7)
    await claim(token, panelIn(7))
    await tip(token, panelIn(7), 'confirmation-1')
    expect(await route({ tipline: 'tip.undo', input: { id: 'confirmation-1' } }, panelIn(7))).toEqual({ ok: true, value: null })
    expect(await status('confirmation-1', panelIn(7))).toEqual({ ok: true, value: { state: 'cancelled', error: null } })

    await tip(token, panelIn(7), 'confirmation-2')
    afterTheHold()
    await status('confirmation-2', panelIn(7))
    expect(await route({ tipline: 'tip.undo', input: { id: 'confirmation-2' } }, panelIn(7))).toMatchObject({ ok: false, error: { code: 'too_late' } })
    expect(api.tipCalls.map((call) => call.idempotencyKey)).toEqual(['confirmation-2'])
  })

  test('when the API is unreachable the tip waits in the outbox, and the panel hears it is queued', async () => {
    const token = await openPanel(7)
    await claim(token, panelIn(7))
    api.tipFailure = { status: 503, code: 'unavailable' }
    try {
      await tip(token, panelIn(7))
      afterTheHold()
      expect(await status('confirmation-1', panelIn(7))).toMatchObject({ ok: true, value: { state: 'queued', error: { code: 'unavailable' } } })
    } finally {
      api.tipFailure = null
    }
    expect(await db.outbox.where('state').equals('queued').count()).toBe(1)
  })

  test('closing the panel tells its tab to remove it and ends the token', async () => {
    const token = await openPanel(7)
    await claim(token, panelIn(7))
    expect(await route({ tipline: 'panel.close', input: { token } }, panelIn(8))).toMatchObject(badToken)
    expect(await route({ tipline: 'panel.close', input: { token } }, panelIn(7))).toEqual({ ok: true, value: null })
    expect(sentToTabs).toEqual([{ tabId: 7, message: { type: 'panel.remove', token } }])
    expect(await tip(token, panelIn(7))).toMatchObject(badToken)
  })
})
