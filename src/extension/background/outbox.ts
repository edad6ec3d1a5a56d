// Delivers tips exactly once. A tip is written to the outbox in IndexedDB before its first
// attempt, so a stopped worker, a closed browser or a dead network never loses it; every attempt
// sends the item's id as the Idempotency-Key, so the API books it once however often it arrives.
import browser from 'webextension-polyfill'
import { routes, type TipRequest } from '../../shared/api.ts'
import { db, type OutboxItem } from '../db.ts'
import { api } from './api.ts'
import { noteReceipt } from './creators.ts'
import { BackgroundError, isRetryable } from './errors.ts'
import {
  canCancel,
  fundsArrived,
  heldTip,
  isDue,
  retryNow,
  settle,
  startSending,
  tipAwaitingFunds,
  type DeliveryOutcome,
} from './outbox-state.ts'
import { refreshSoon } from './sync.ts'
import { announceTipped } from './tipped-posts.ts'

export const OUTBOX_ALARM = 'outbox.retry'

/**
 * Saves a confirmed tip held for its undo window, then sends it. The key is the panel's, made once
 * per confirmation: the same key again (a double click) finds the tip already saved and adds nothing.
 */
export async function holdTip(key: string, request: TipRequest): Promise<OutboxItem> {
  const item = await addOnce(heldTip(key, request, Date.now()))
  if (item.state === 'held') {
    // The alarm sends it should the worker be stopped before this timer fires.
    await scheduleRetry()
    setTimeout(() => void deliver(item.id).catch(logDeliveryFailure), Math.max(0, item.nextAttemptAt - Date.now()))
  }
  return item
}

/** Saves a tip that waits for the top-up started to pay for it (see releaseFundedTips). */
export function holdForFunds(key: string, request: TipRequest): Promise<OutboxItem> {
  return addOnce(tipAwaitingFunds(key, request, Date.now()))
}

/** Whether tips wait for funds and this balance pays for all of them already. */
export async function waitingTipsCovered(balance: number): Promise<boolean> {
  const waiting = await db.outbox.where('state').equals('awaiting_funds').toArray()
  return waiting.length > 0 && waiting.reduce((sum, item) => sum + item.request.amount, 0) <= balance
}

/** The money arrived: every tip waiting for funds is sent now. */
export async function releaseFundedTips(): Promise<void> {
  const released = await db.transaction('rw', db.outbox, async () => {
    const waiting = await db.outbox.where('state').equals('awaiting_funds').toArray()
    const now = Date.now()
    await db.outbox.bulkPut(waiting.map((item) => fundsArrived(item, now)))
    return waiting.length
  })
  if (released > 0) await deliverDue()
}

/** The server answered again: tips waiting out a back-off after it was unreachable go now, not at their next alarm. */
export async function sendWaitingNow(): Promise<void> {
  await db.transaction('rw', db.outbox, async () => {
    const waiting = await db.outbox.where('state').equals('queued').toArray()
    const now = Date.now()
    await db.outbox.bulkPut(waiting.map((item) => retryNow(item, now)))
  })
  await deliverDue()
}

/** Undo in the panel and Cancel in the popup: refused once the tip is in flight or delivered. */
export async function cancelTip(id: string): Promise<void> {
  await db.transaction('rw', db.outbox, async () => {
    const item = await current(id)
    if (!canCancel(item)) throw new BackgroundError('too_late', 'This tip is already on its way and can no longer be cancelled.')
    await db.outbox.delete(id)
  })
  await scheduleRetry()
}

/** Retry in the popup: a waiting or refused tip is sent now, under its own idempotency key. */
export async function retryTip(id: string): Promise<OutboxItem> {
  await db.transaction('rw', db.outbox, async () => {
    const item = await current(id)
    if (item.state === 'sending' || item.state === 'delivered' || item.state === 'held') {
      throw new BackgroundError('too_late', 'This tip is already on its way.')
    }
    await db.outbox.put(retryNow(item, Date.now()))
  })
  return deliver(id)
}

/** One attempt, unless the item is not due or another attempt already holds it. */
export async function deliver(id: string): Promise<OutboxItem> {
  const sending = await takeIfDue(id)
  if (!sending) return current(id)
  // Should the worker be stopped mid-send, this alarm picks the item up when its lease runs out.
  await scheduleRetry()
  const outcome = await attempt(sending)
  const settled = settle(sending, outcome, Date.now())
  await db.transaction('rw', db.outbox, db.tipped, db.creators, async () => {
    await db.outbox.put(settled)
    const { site, postId } = settled.request
    if (settled.state === 'delivered' && postId !== null) {
      await db.tipped.put({ key: `${site}:${postId}`, at: new Date().toISOString() })
    }
    if (settled.receipt) await noteReceipt(settled.receipt)
  })
  if (settled.state === 'delivered') refreshSoon()
  if (settled.state === 'delivered' && settled.request.postId !== null) void announceTipped(settled.request.site, settled.request.postId)
  await scheduleRetry()
  return settled
}

/** Every item that is due, one after another: the alarm's job, and the startup's. */
export async function deliverDue(): Promise<void> {
  const now = Date.now()
  const due = await db.outbox.where('nextAttemptAt').belowOrEqual(now).filter((item) => isDue(item, now)).toArray()
  for (const item of due) await deliver(item.id)
  await scheduleRetry()
}

export async function scheduleRetry(): Promise<void> {
  const waiting = await db.outbox.where('state').anyOf('held', 'queued', 'sending').sortBy('nextAttemptAt')
  const next = waiting[0]
  if (!next) {
    await browser.alarms.clear(OUTBOX_ALARM)
    return
  }
  await browser.alarms.create(OUTBOX_ALARM, { when: Math.max(next.nextAttemptAt, Date.now() + 1_000) })
}

/** The queued → sending step happens inside one IndexedDB transaction, so only one caller wins it. */
function takeIfDue(id: string): Promise<OutboxItem | null> {
  return db.transaction('rw', db.outbox, async () => {
    const item = await db.outbox.get(id)
    if (!item || !isDue(item, Date.now())) return null
    const sending = startSending(item, Date.now())
    await db.outbox.put(sending)
    return sending
  })
}

async function attempt(item: OutboxItem): Promise<DeliveryOutcome> {
  try {
    const receipt = await api.post(routes.tips, item.request, { idempotencyKey: item.id })
    return { kind: 'delivered', receipt }
  } catch (error) {
    if (error instanceof BackgroundError) {
      return { kind: 'failed', error: { code: error.code, message: error.message }, retryable: isRetryable(error) }
    }
    console.error('Tipline: a tip attempt failed unexpectedly', error)
    return { kind: 'failed', error: { code: 'internal', message: 'Tipline failed while sending this tip.' }, retryable: true }
  }
}

function addOnce(item: OutboxItem): Promise<OutboxItem> {
  return db.transaction('rw', db.outbox, async () => {
    const saved = await db.outbox.get(item.id)
    if (saved) return saved
    await db.outbox.add(item)
    return item
  })
}

function logDeliveryFailure(error: unknown): void {
  console.error('Tipline: sending a held tip failed', error)
}

async function current(id: string): Promise<OutboxItem> {
  const item = await db.outbox.get(id)
  if (!item) throw new BackgroundError('not_found', `No tip ${id} in the outbox.`)
  return item
}
