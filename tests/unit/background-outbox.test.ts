import './background-fake-browser.ts'
import 'fake-indexeddb/auto'
import { describe, expect, test, vi } from 'vitest'
import type { TipReceipt, TipRequest } from '../../src/shared/api.ts'
import { db, type OutboxItem } from '../../src/extension/db.ts'
import {
  FIRST_RETRY_MS,
  LONGEST_RETRY_MS,
  SENDING_LEASE_MS,
  OutboxStateError,
  isDue,
  queuedTip,
  retryDelay,
  settle,
  startSending,
} from '../../src/extension/background/outbox-state.ts'
import { OUTBOX_ALARM, deliver, deliverDue, scheduleRetry } from '../../src/extension/background/outbox.ts'
import { alarms } from './background-fake-browser.ts'
import { useApiStandIn } from './support/background.ts'

const request: TipRequest = {
  site: 'x',
  handle: 'nour_writes',
  postId: '1790000000000000001',
  postUrl: 'https://x.com/nour_writes/status/1790000000000000001',
  amount: 300,
  currency: 'USD',
  note: 'thank you',
}
const receipt: TipReceipt = {
  id: 'tip_1',
  site: 'x',
  handle: 'nour_writes',
  postId: request.postId,
  amount: 300,
  currency: 'USD',
  credited: 'escrow',
  balanceAfter: 700,
  createdAt: '2026-11-24T00:00:00.000Z',
}
const T0 = Date.parse('2026-11-24T00:00:00Z')
const down = { kind: 'failed', error: { code: 'api_unreachable', message: 'down' }, retryable: true } as const

describe('the outbox state machine', () => {
  test('a new tip is queued and due at once, under its idempotency key', () => {
    const item = queuedTip('key-0001', request, T0)
    expect(item).toMatchObject({ id: 'key-0001', state: 'queued', attempts: 0, lastError: null, receipt: null })
    expect(isDue(item, T0)).toBe(true)
  })

  test('queued → sending → delivered keeps the receipt', () => {
    const sending = startSending(queuedTip('key-0001', request, T0), T0)
    expect(sending).toMatchObject({ state: 'sending', attempts: 1, nextAttemptAt: T0 + SENDING_LEASE_MS })
    const delivered = settle(sending, { kind: 'delivered', receipt }, T0 + 100)
    expect(delivered).toMatchObject({ state: 'delivered', receipt, lastError: null })
  })

  test('a retryable failure queues it again, waiting longer after each attempt', () => {
    let item = queuedTip('key-0001', request, T0)
    const waits: number[] = []
    let now = T0
    for (let attempt = 0; attempt < 4; attempt += 1) {
      item = settle(startSending(item, now), down, now)
      expect(item.state).toBe('queued')
      expect(isDue(item, now)).toBe(false)
      waits.push(item.nextAttemptAt - now)
      now = item.nextAttemptAt
    }
    expect(waits).toEqual([FIRST_RETRY_MS, 2 * FIRST_RETRY_MS, 4 * FIRST_RETRY_MS, 8 * FIRST_RETRY_MS])
    expect(item).toMatchObject({ attempts: 4, lastError: down.error })
  })

  test('the wait stops growing at an hour', () => {
    expect(retryDelay(1)).toBe(FIRST_RETRY_MS)
    expect(retryDelay(30)).toBe(LONGEST_RETRY_MS)
  })

  test('a final failure is failed for good', () => {
    const failed = settle(
      startSending(queuedTip('key-0001', request, T0), T0),
      { kind: 'failed', error: { code: 'insufficient_funds', message: 'Not enough money' }, retryable: false },
      T0,
    )
    expect(failed).toMatchObject({ state: 'failed', lastError: { code: 'insufficient_funds' } })
    expect(isDue(failed, T0 + LONGEST_RETRY_MS * 10)).toBe(false)
    expect(() => startSending(failed, T0 + LONGEST_RETRY_MS)).toThrow(OutboxStateError)
  })

  test('an item in flight cannot be sent a second time until its lease runs out', () => {
    const sending = startSending(queuedTip('key-0001', request, T0), T0)
    expect(() => startSending(sending, T0 + SENDING_LEASE_MS - 1)).toThrow(OutboxStateError)
    // The worker that was sending was stopped: the same key goes out again, which the API books once.
    expect(startSending(sending, T0 + SENDING_LEASE_MS)).toMatchObject({ state: 'sending', attempts: 2 })
  })

  test('delivered is final, and only a send in flight takes an outcome', () => {
    const delivered = settle(startSending(queuedTip('key-0001', request, T0), T0), { kind: 'delivered', receipt }, T0)
    expect(() => startSending(delivered, T0 + LONGEST_RETRY_MS)).toThrow(OutboxStateError)
    expect(() => settle(delivered, down, T0)).toThrow(OutboxStateError)
    expect(() => settle(queuedTip('key-0002', request, T0), { kind: 'delivered', receipt }, T0)).toThrow(OutboxStateError)
  })
})

describe('delivering tips to the API', () => {
  const api = useApiStandIn()

  const outboxItem = async (id: string): Promise<OutboxItem | undefined> => db.outbox.get(id)
  /** A tip written to the outbox, then its first attempt, as the outbox does once a hold ends. */
  const sendTip = async (tip: TipRequest): Promise<OutboxItem> => {
    const item = queuedTip(crypto.randomUUID(), tip, Date.now())
    await db.outbox.add(item)
    return deliver(item.id)
  }

  test('a tip is written to the outbox, sent once with its id as the Idempotency-Key, and marks the post tipped', async () => {
    const item = await sendTip(request)
    expect(item.state).toBe('delivered')
    expect(item.receipt).toMatchObject({ handle: 'nour_writes', amount: 300 })
    expect(api.tipCalls).toEqual([{ idempotencyKey: item.id, body: request }])
    expect(await outboxItem(item.id)).toMatchObject({ state: 'delivered', attempts: 1 })
    expect(await db.tipped.get(`x:${request.postId}`)).toBeDefined()
  })

  test('while the API is down the tip stays queued with an alarm, and goes out later under the same key', async () => {
    api.tipFailure = { status: 503, code: 'unavailable' }
    const queued = await sendTip(request)
    expect(queued).toMatchObject({ state: 'queued', attempts: 1, lastError: { code: 'unavailable' } })
    expect(alarms.get(OUTBOX_ALARM)?.when).toBe(queued.nextAttemptAt)

    await deliverDue()
    expect(api.tipCalls).toHaveLength(1) // not due yet: nothing sent

    api.tipFailure = null
    vi.useFakeTimers({ toFake: ['Date'], now: queued.nextAttemptAt })
    await deliverDue()
    expect(await outboxItem(queued.id)).toMatchObject({ state: 'delivered', attempts: 2 })
    expect(api.tipCalls.map((call) => call.idempotencyKey)).toEqual([queued.id, queued.id])
    expect(alarms.has(OUTBOX_ALARM)).toBe(false)
  })

  test('an unreachable API counts as retryable', async () => {
    const reachable = api.url
    Object.assign(globalThis, { __TIPLINE_API__: 'http://127.0.0.1:9' })
    try {
      // The session cannot even start; the tip waits for the network like any other.
      const item = await sendTip(request)
      expect(item).toMatchObject({ state: 'queued', lastError: { code: 'api_unreachable' } })
    } finally {
      Object.assign(globalThis, { __TIPLINE_API__: reachable })
    }
  })

  test('a refusal such as insufficient funds fails the tip without a retry', async () => {
    api.tipFailure = { status: 402, code: 'insufficient_funds' }
    const item = await sendTip(request)
    expect(item).toMatchObject({ state: 'failed', lastError: { code: 'insufficient_funds' } })
    expect(alarms.has(OUTBOX_ALARM)).toBe(false)
    expect(await db.tipped.count()).toBe(0)
  })

  test('two deliveries of one item racing each other send it once', async () => {
    const item = queuedTip(crypto.randomUUID(), request, Date.now())
    await db.outbox.add(item)
    const [first, second] = await Promise.all([deliver(item.id), deliver(item.id), deliverDue()])
    expect(api.tipCalls).toHaveLength(1)
    expect([first.state, second.state]).toContain('delivered')
    expect(await outboxItem(item.id)).toMatchObject({ state: 'delivered', attempts: 1 })
  })

  test('a send cut short by the worker stopping is picked up by the alarm once its lease runs out', async () => {
    const abandoned = startSending(queuedTip(crypto.randomUUID(), request, Date.now()), Date.now())
    await db.outbox.add(abandoned)
    await scheduleRetry()
    expect(alarms.get(OUTBOX_ALARM)?.when).toBe(abandoned.nextAttemptAt)

    await deliverDue()
    expect(api.tipCalls).toHaveLength(0) // the lease still holds: it may yet be answered

    vi.useFakeTimers({ toFake: ['Date'], now: abandoned.nextAttemptAt })
    await deliverDue()
    expect(api.tipCalls).toEqual([{ idempotencyKey: abandoned.id, body: request }])
    expect(await outboxItem(abandoned.id)).toMatchObject({ state: 'delivered', attempts: 2 })
  })
})
