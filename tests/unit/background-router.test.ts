import './background-fake-browser.ts'
import 'fake-indexeddb/auto'
import { describe, expect, test } from 'vitest'
import type { Runtime } from 'webextension-polyfill'
import type { PostRef } from '../../src/shared/messages.ts'
import { db } from '../../src/extension/db.ts'
import { route } from '../../src/extension/background/router.ts'
import { EXTENSION_ID, openedTabs } from './background-fake-browser.ts'
import { contentScriptIn, panelIn, popup, useApiStandIn } from './support/background.ts'

const post: PostRef = {
  site: 'x',
  handle: 'nour_writes',
  postId: '1790000000000000001',
  postUrl: 'https://x.com/nour_writes/status/1790000000000000001',
  displayName: 'Nour',
}
const TAB = 7

const contentScript = contentScriptIn(TAB)
const panel = panelIn(TAB, 3)
const otherExtension: Runtime.MessageSender = { id: 'someotherextension', url: 'chrome-extension://someotherextension/page.html' }

const tipInput = { token: 'a'.repeat(64), key: 'confirmation-1', amount: 300, currency: 'USD', note: null, overBudget: false }

const api = useApiStandIn()

describe('who may send what', () => {
  test('a content script asking for a tip is refused before anything is sent', async () => {
    const reply = await route({ tipline: 'tip.create', input: tipInput }, contentScript)
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(api.tipCalls).toHaveLength(0)
    expect(await db.outbox.count()).toBe(0)
  })

  test('a content script may not start a top-up, sync, or claim a panel token', async () => {
    for (const message of [
      { tipline: 'topup.start', input: { amount: 1000, currency: 'USD' } },
      { tipline: 'wallet.sync' },
      { tipline: 'panel.claim', input: { token: 'x'.repeat(64) } },
      { tipline: 'creator.claimDev', input: { site: 'x', handle: 'nour_writes' } },
    ]) {
      expect(await route(message, contentScript)).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    }
    expect(openedTabs).toEqual([])
  })

  test('a content script may open a panel, and may not read the wallet', async () => {
    const opened = await route({ tipline: 'panel.open', input: { post } }, contentScript)
    expect(opened).toMatchObject({ ok: true, value: { token: expect.stringMatching(/^[0-9a-f]{64}$/) } })
    expect(await route({ tipline: 'wallet.get' }, contentScript)).toMatchObject({ ok: false, error: { code: 'forbidden' } })
  })

  test('a post link that is not a web address is refused before a panel opens', async () => {
    const hostile = { ...post, postUrl: 'javascript:alert(1)' }
    expect(await route({ tipline: 'panel.open', input: { post: hostile } }, contentScript)).toMatchObject({
      ok: false,
      error: { code: 'bad_input' },
    })
  })

  test('another extension is refused even a read-only message', async () => {
    expect(await route({ tipline: 'wallet.get' }, otherExtension)).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(await route({ tipline: 'panel.open', input: { post } }, { ...contentScript, id: 'someotherextension' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    })
  })

  test('a sender with neither an extension page nor a tab on a web page is refused', async () => {
    const noTab: Runtime.MessageSender = { id: EXTENSION_ID, url: 'https://x.com/home' }
    expect(await route({ tipline: 'panel.open', input: { post } }, noTab)).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    const fileTab: Runtime.MessageSender = { ...contentScript, url: 'file:///home/me/x.html' }
    expect(await route({ tipline: 'wallet.get' }, fileTab)).toMatchObject({ ok: false, error: { code: 'forbidden' } })
  })

  test('the popup may start a top-up: the checkout opens in a tab', async () => {
    const reply = await route({ tipline: 'topup.start', input: { amount: 1000, currency: 'USD' } }, popup)
    expect(reply).toEqual({ ok: true, value: { checkoutUrl: `${api.url}/checkout/cs_test_1` } })
    expect(openedTabs).toEqual([`${api.url}/checkout/cs_test_1`])
  })
})

describe('what shapes are accepted', () => {
  test('unknown names and non-envelopes are refused', async () => {
    for (const message of [undefined, null, 'wallet.get', 42, {}, { tipline: 'wallet.delete' }, { tipline: 'constructor' }, { tipline: '__proto__' }]) {
      expect(await route(message, popup)).toMatchObject({ ok: false, error: { code: 'unknown_message' } })
    }
  })

  test('inputs that break the schema are refused, naming the field', async () => {
    const cases: Array<[unknown, string]> = [
      [{ tipline: 'panel.open', input: { post: { ...post, site: 'facebook' } } }, 'post.site'],
      [{ tipline: 'panel.open', input: { post: { ...post, handle: '<img src=x onerror=alert(1)>' } } }, 'post.handle'],
      [{ tipline: 'panel.open', input: { post: { ...post, postUrl: 'javascript:alert(1)' } } }, 'post.postUrl'],
      [{ tipline: 'panel.open' }, 'input'],
    ]
    for (const [message, field] of cases) {
      const reply = await route(message, contentScript)
      expect(reply).toMatchObject({ ok: false, error: { code: 'bad_input' } })
      if (!reply.ok) expect(reply.error.message).toContain(field)
    }
  })

  test('a tip amount must be a positive whole number of minor units', async () => {
    for (const amount of [1.5, -100, 0, '300', Number.MAX_SAFE_INTEGER + 2]) {
      const reply = await route({ tipline: 'tip.create', input: { ...tipInput, amount } }, panel)
      expect(reply).toMatchObject({ ok: false, error: { code: 'bad_input' } })
    }
    expect(await db.outbox.count()).toBe(0)
  })

  test('a well-formed tip with a token nobody issued is refused by the token check, not thrown', async () => {
    expect(await route({ tipline: 'tip.create', input: tipInput }, panel)).toEqual({
      ok: false,
      error: { code: 'bad_token', message: expect.any(String) },
    })
  })
})
