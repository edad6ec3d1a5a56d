// The outbox's additions for the wallet: the undo window, tips waiting for a top-up, and the
// popup's retry and cancel. Pure transitions first, then the real outbox on fake-indexeddb
// against the API stand-in over HTTP.
import './background-fake-browser.ts'
import 'fake-indexeddb/auto'
import { describe, expect, test } from 'vitest'
import type { TipRequest } from '../../src/shared/api.ts'
import { db } from '../../src/extension/db.ts'
import {
  OutboxStateError,
  UNDO_WINDOW_MS,
  canCancel,
  fundsArrived,
  heldTip,
  isDue,
  queuedTip,
  retryNow,
  startSending,
  tipAwaitingFunds,
} from '../../src/extension/background/outbox-state.ts'
import { OUTBOX_ALARM, cancelTip, deliver, holdForFunds, holdTip, releaseFundedTips, retryTip } from '../../src/extension/background/outbox.ts'
import { alarms } from './background-fake-browser.ts'
import { useApiStandIn } from './support/background.ts'

const request: TipRequest = {
  site: 'x',
  handle: 'nour_writes',
  postId: '1790000000000000001',
  postUrl: 'https://x.com/nour_writes/status/1790000000000000001',
  amount: 300,
  currency: 'USD',
  note: null,
}
const T0 = Date.parse('2026-11-24T00:00:00Z')

describe('held, awaiting funds, retry and cancel as transitions', () => {
  test('a held tip is due only once the undo window is over', () => {
    const held = heldTip('key-0001', request, T0)
    expect(held).toMatchObject({ state: 'held', nextAttemptAt: T0 + UNDO_WINDOW_MS, attempts: 0 })
    expect(isDue(held, T0 + UNDO_WINDOW_MS - 1)).toBe(false)
    expect(isDue(held, T0 + UNDO_WINDOW_MS)).toBe(true)
    expect(startSending(held, T0 + UNDO_WINDOW_MS)).toMatchObject({ state: 'sending', attempts: 1 })
  })

  test('a tip awaiting funds is never due until the money arrives, then at once', () => {
    const waiting = tipAwaitingFunds('key-0001', request, T0)
    expect(isDue(waiting, Number.MAX_SAFE_INTEGER - 1)).toBe(false)
    const released = fundsArrived(waiting, T0 + 60_000)
    expect(released).toMatchObject({ state: 'queued', nextAttemptAt: T0 + 60_000 })
    expect(isDue(released, T0 + 60_000)).toBe(true)
    expect(() => fundsArrived(released, T0)).toThrow(OutboxStateError)
  })

  test('only what is neither in flight nor delivered can be cancelled', () => {
    const queued = queuedTip('key-0001', request, T0)
    const sending = startSending(queued, T0)
    expect(canCancel(heldTip('key-0001', request, T0))).toBe(true)
    expect(canCancel(tipAwaitingFunds('key-0001', request, T0))).toBe(true)
    expect(canCancel(queued)).toBe(true)
    expect(canCancel({ ...queued, state: 'failed' })).toBe(true)
    expect(canCancel(sending)).toBe(false)
    expect(canCancel({ ...sending, state: 'delivered' })).toBe(false)
  })

  test('retry makes a waiting or refused tip due now; anything else is refused', () => {
    const failed = { ...queuedTip('key-0001', request, T0), state: 'failed' as const, nextAttemptAt: T0 + 3_600_000 }
    expect(retryNow(failed, T0 + 5)).toMatchObject({ state: 'queued', nextAttemptAt: T0 + 5 })
    expect(() => retryNow(startSending(queuedTip('key-0001', request, T0), T0), T0)).toThrow(OutboxStateError)
    expect(() => retryNow(heldTip('key-0001', request, T0), T0)).toThrow(OutboxStateError)
  })
})

describe('the outbox with the API', () => {
  const api = useApiStandIn()

  test('a held tip is sent by its timer when the window ends, and an alarm stands by in case the worker stops', async () => {
    const held = await holdTip('hold-0001', request)
    expect(held.state).toBe('held')
    expect(alarms.get(OUTBOX_ALARM)?.when).toBe(held.nextAttemptAt)
    expect(api.tipCalls).toHaveLength(0)
    await expect.poll(async () => (await db.outbox.get('hold-0001'))?.state, { timeout: UNDO_WINDOW_MS + 3_000 }).toBe('delivered')
    expect(api.tipCalls).toEqual([{ idempotencyKey: 'hold-0001', body: request }])
  })

  test('holding the same key twice keeps one tip', async () => {
    await Promise.all([holdTip('hold-0002', request), holdTip('hold-0002', { ...request, amount: 900 })])
    expect(await db.outbox.count()).toBe(1)
    expect((await db.outbox.get('hold-0002'))?.request.amount).toBe(300)
    await cancelTip('hold-0002')
  })

  test('cancel takes a held tip out before it is sent; a delivered one stays', async () => {
    await holdTip('hold-0003', request)
    await cancelTip('hold-0003')
    expect(await db.outbox.get('hold-0003')).toBeUndefined()
    expect(alarms.has(OUTBOX_ALARM)).toBe(false)

    await db.outbox.add(queuedTip('sent-0001', request, Date.now()))
    await deliver('sent-0001')
    await expect(cancelTip('sent-0001')).rejects.toMatchObject({ code: 'too_late' })
    expect(api.tipCalls.map((call) => call.idempotencyKey)).toEqual(['sent-0001'])
  })

  test('retry sends a refused tip again under the same key', async () => {
    api.tipFailure = { status: 402, code: 'insufficient_funds' }
    await db.outbox.add(queuedTip('refused-0001', request, Date.now()))
    expect(await deliver('refused-0001')).toMatchObject({ state: 'failed' })
    api.tipFailure = null
    expect(await retryTip('refused-0001')).toMatchObject({ state: 'delivered', attempts: 2 })
    expect(api.tipCalls.map((call) => call.idempotencyKey)).toEqual(['refused-0001', 'refused-0001'])
  })

  test('a tip awaiting funds waits, and goes out once when the funds arrive', async () => {
    await holdForFunds('funded-0001', request)
    await holdForFunds('funded-0001', request)
    expect(await db.outbox.get('funded-0001')).toMatchObject({ state: 'awaiting_funds' })
    expect(await deliver('funded-0001')).toMatchObject({ state: 'awaiting_funds' })
    expect(api.tipCalls).toHaveLength(0)

    await Promise.all([releaseFundedTips(), releaseFundedTips()])
    expect(await db.outbox.get('funded-0001')).toMatchObject({ state: 'delivered' })
    expect(api.tipCalls).toEqual([{ idempotencyKey: 'funded-0001', body: request }])
  })
})
