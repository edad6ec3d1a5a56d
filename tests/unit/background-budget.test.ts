// The monthly budget: its arithmetic in local time (month ends, leap years, daylight saving),
// what the panel is told, the settings it lives in, and the API enforcing it on the real stack.
process.env.TZ = 'America/New_York'
import './background-fake-browser.ts'
import 'fake-indexeddb/auto'
import { beforeAll, beforeEach, describe, expect, test } from 'vitest'
import type { Runtime } from 'webextension-polyfill'
import { routes, type ActivityItem, type TipRequest } from '../../src/shared/api.ts'
import type { Reply } from '../../src/shared/messages.ts'
import { db } from '../../src/extension/db.ts'
import { api } from '../../src/extension/background/api.ts'
import { budgetView } from '../../src/extension/background/budget.ts'
import { heldTip } from '../../src/extension/background/outbox-state.ts'
import { route } from '../../src/extension/background/router.ts'
import { loadSettings, updateSettings } from '../../src/extension/background/settings.ts'
import { askBeforeTip, monthStart, spentSince } from '../../src/extension/ui/budget.ts'
import { EXTENSION_ID, EXTENSION_ORIGIN, resetFakeBrowser } from './background-fake-browser.ts'
import { popup, useStack } from './support/background.ts'

const local = (text: string) => new Date(text) // no zone in the text: read in TZ, New York

describe('the month in local time', () => {
  test('starts on the 1st at local midnight, also across daylight saving changes', () => {
    expect(monthStart(local('2026-03-31T23:59:59'))).toEqual(local('2026-03-01T00:00:00'))
    // Clocks went forward on 8 March and back on 1 November: the 1st's midnight is still the start.
    expect(monthStart(local('2026-11-24T12:00:00')).toISOString()).toBe('2026-11-01T04:00:00.000Z')
    expect(monthStart(local('2026-10-31T23:30:00')).toISOString()).toBe('2026-10-01T04:00:00.000Z')
    expect(monthStart(local('2026-12-01T00:00:00'))).toEqual(local('2026-12-01T00:00:00'))
  })

  test('month ends: January 31st, February in a leap year, December into January', () => {
    expect(monthStart(local('2026-01-31T23:59:59.999'))).toEqual(local('2026-01-01T00:00:00'))
    expect(monthStart(local('2028-02-29T10:00:00'))).toEqual(local('2028-02-01T00:00:00'))
    expect(monthStart(local('2027-01-01T00:00:00'))).toEqual(local('2027-01-01T00:00:00'))
  })

  test('a tip at 11 pm on the last day in New York is last month, though it is already the 1st in UTC', () => {
    const start = monthStart(local('2026-12-01T09:00:00'))
    const tips = [
      { amount: -500, at: '2026-12-01T03:59:00Z' }, // 30 Nov, 22:59 in New York
      { amount: -200, at: '2026-12-01T05:00:00Z' }, // 1 Dec, midnight past
    ]
    expect(spentSince(start, tips)).toBe(200)
  })
})

describe('asking before a tip', () => {
  const budget = { monthly: 2_000, confirmAbove: 1_000, spentThisMonth: 1_500 }
  test('a tip within what is left goes without a question', () => {
    expect(askBeforeTip(500, budget)).toBeNull()
  })
  test('a tip past what is left asks, saying what is left', () => {
    expect(askBeforeTip(501, budget)).toEqual({ kind: 'passes_budget', left: 500 })
    expect(askBeforeTip(100, { ...budget, spentThisMonth: 2_500 })).toEqual({ kind: 'passes_budget', left: 0 })
  })
  test('a tip above the confirm-first amount asks even within the budget', () => {
    expect(askBeforeTip(1_200, { ...budget, spentThisMonth: 0 })).toEqual({ kind: 'above_threshold' })
    expect(askBeforeTip(1_000, { ...budget, spentThisMonth: 0 })).toBeNull()
  })
  test('no budget and no threshold: nothing asks', () => {
    expect(askBeforeTip(1_000_000, { monthly: null, confirmAbove: null, spentThisMonth: 0 })).toBeNull()
  })
})

const request: TipRequest = { site: 'x', handle: 'nour_writes', postId: null, postUrl: null, amount: 300, currency: 'USD', note: null }
const activity = (id: string, amount: number, at: string, kind: ActivityItem['kind'] = 'tip_sent'): ActivityItem => ({
  id, kind, amount, currency: 'USD', at, site: 'x', handle: 'nour_writes', postId: null, postUrl: null, note: null,
})

describe('the budget the panel is told, and the settings it is kept in', () => {
  beforeEach(async () => {
    resetFakeBrowser()
    await Promise.all(db.tables.map((table) => table.clear()))
  })

  test('spent this month: sent tips in the wallet currency since the 1st, plus every tip still in the outbox', async () => {
    await updateSettings({ budget: { monthly: 5_000, confirmAbove: null } })
    await db.activity.bulkPut([
      activity('a', -400, '2026-11-02T12:00:00.000Z'),
      activity('b', -100, '2026-10-31T12:00:00.000Z'), // last month
      activity('c', 1_000, '2026-11-03T12:00:00.000Z', 'topup'),
      { ...activity('d', -700, '2026-11-04T12:00:00.000Z'), currency: 'EUR' },
    ])
    await db.outbox.add(heldTip('held-1', request, Date.now()))
    expect(await budgetView('USD', local('2026-11-24T12:00:00'))).toEqual({ monthly: 5_000, confirmAbove: null, spentThisMonth: 700 })
  })

  test('presets are checked against the currency’s tip limits before they are saved', async () => {
    await expect(updateSettings({ tipPresets: { USD: [100, 250] } })).resolves.toMatchObject({ tipPresets: { USD: [100, 250] } })
    await expect(updateSettings({ tipPresets: { JPY: [100, 100.5] } })).rejects.toThrow()
    await expect(updateSettings({ tipPresets: { KWD: [1_005] } })).rejects.toMatchObject({ code: 'bad_input' })
    expect((await loadSettings()).tipPresets).toEqual({ USD: [100, 250] })
  })

  test('settings.update from a content script is refused; from the options page it merges', async () => {
    const options: Runtime.MessageSender = { id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}/src/extension/options/index.html` }
    const page: Runtime.MessageSender = { id: EXTENSION_ID, url: 'https://x.com/home', tab: { id: 3 } as Runtime.MessageSender['tab'] }
    expect(await route({ tipline: 'settings.update', input: { hideAll: true } }, page)).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(await route({ tipline: 'settings.update', input: { hideAll: true } }, options)).toMatchObject({ ok: true, value: { hideAll: true, sites: { x: true } } })
    expect(await route({ tipline: 'settings.get' }, options)).toMatchObject({ ok: true, value: { hideAll: true } })
  })
})

describe('the API enforces the budget', () => {
  beforeAll(async () => {
    resetFakeBrowser()
    await Promise.all(db.tables.map((table) => table.clear()))
  })
  const { payCheckout } = useStack({ api: 18813, stripe: 12813 })

  test('a tip past the monthly budget is refused with budget_exceeded unless the tipper confirmed it', async () => {
    const { checkoutUrl } = await api.post(routes.topups, { amount: 2_000, currency: 'USD' }, { idempotencyKey: 'topup-budget-1' })
    await payCheckout(checkoutUrl)
    await expect.poll(async () => (await api.get(routes.wallet)).balance, { timeout: 10_000 }).toBe(2_000)
    await db.wallet.put({ ...(await api.get(routes.wallet)), key: 'me', syncedAt: '' })

    const saved = (await route({ tipline: 'settings.update', input: { budget: { monthly: 500, confirmAbove: null } } }, popup)) as Reply<unknown>
    expect(saved.ok).toBe(true)

    await api.post(routes.tips, { ...request, amount: 300 }, { idempotencyKey: 'budget-tip-1' })
    await expect(api.post(routes.tips, { ...request, amount: 300 }, { idempotencyKey: 'budget-tip-2' })).rejects.toMatchObject({
      code: 'budget_exceeded',
      status: 402,
    })
    const confirmed = await api.post(routes.tips, { ...request, amount: 300, overBudget: true }, { idempotencyKey: 'budget-tip-3' })
    expect(confirmed.balanceAfter).toBe(1_400)

    await route({ tipline: 'settings.update', input: { budget: { monthly: null, confirmAbove: null } } }, popup)
    await expect(api.post(routes.tips, { ...request, amount: 300 }, { idempotencyKey: 'budget-tip-4' })).resolves.toMatchObject({ balanceAfter: 1_100 })
  })
})
