// The life of one tip in the outbox, as pure functions: held (the undo window) or awaiting_funds
// (a top-up paid for it) → queued → sending → delivered, failed, or back to queued with a longer
// wait; cancelled items leave the outbox. The item's id is the idempotency key the API sees, so a
// retry of the same item can never become a second tip; the rules here make sure one item is
// never in flight twice at once either.
import type { TipReceipt, TipRequest } from '../../shared/api.ts'
import type { OutboxItem } from '../db.ts'

/** How long a send may stay unanswered before the item counts as abandoned (the worker was stopped mid-send). */
export const SENDING_LEASE_MS = 60_000
/** Chrome will not fire an alarm sooner than 30 s, so that is the first wait. */
export const FIRST_RETRY_MS = 30_000
export const LONGEST_RETRY_MS = 60 * 60_000
/** How long a confirmed tip waits before it is sent, so the reader can still undo it. */
export const UNDO_WINDOW_MS = 5_000

export type DeliveryOutcome =
  | { kind: 'delivered'; receipt: TipReceipt }
  | { kind: 'failed'; error: { code: string; message: string }; retryable: boolean }

export class OutboxStateError extends Error {
  constructor(item: OutboxItem, step: string) {
    super(`Outbox item ${item.id} is ${item.state}; it cannot ${step}`)
    this.name = 'OutboxStateError'
  }
}

export function queuedTip(id: string, request: TipRequest, now: number): OutboxItem {
  return {
    id,
    state: 'queued',
    request,
    createdAt: new Date(now).toISOString(),
    attempts: 0,
    nextAttemptAt: now,
    lastError: null,
    receipt: null,
  }
}

/** Confirmed, and sent once the undo window is over; nextAttemptAt is when the hold ends. */
export function heldTip(id: string, request: TipRequest, now: number): OutboxItem {
  return { ...queuedTip(id, request, now), state: 'held', nextAttemptAt: now + UNDO_WINDOW_MS }
}

/** Waiting for a top-up that was started to pay for it; never due until the money lands. */
export function tipAwaitingFunds(id: string, request: TipRequest, now: number): OutboxItem {
  return { ...queuedTip(id, request, now), state: 'awaiting_funds', nextAttemptAt: Number.MAX_SAFE_INTEGER }
}

export function fundsArrived(item: OutboxItem, now: number): OutboxItem {
  if (item.state !== 'awaiting_funds') throw new OutboxStateError(item, 'take the funds it waited for')
  return { ...item, state: 'queued', nextAttemptAt: now }
}

/** A held tip whose undo window is over, a queued one whose wait is over, or a send whose lease ran out without an answer. */
export function isDue(item: OutboxItem, now: number): boolean {
  return (item.state === 'held' || item.state === 'queued' || item.state === 'sending') && item.nextAttemptAt <= now
}

/** Undo, and the popup's Cancel: anything not yet delivered and not in flight. */
export function canCancel(item: OutboxItem): boolean {
  return item.state === 'held' || item.state === 'awaiting_funds' || item.state === 'queued' || item.state === 'failed'
}

/** The popup's Retry: a waiting or refused tip goes out now, under the same idempotency key. */
export function retryNow(item: OutboxItem, now: number): OutboxItem {
  if (item.state !== 'queued' && item.state !== 'failed' && item.state !== 'awaiting_funds') throw new OutboxStateError(item, 'be retried')
  return { ...item, state: 'queued', nextAttemptAt: now }
}

export function startSending(item: OutboxItem, now: number): OutboxItem {
  if (!isDue(item, now)) throw new OutboxStateError(item, 'be sent now')
  return { ...item, state: 'sending', attempts: item.attempts + 1, nextAttemptAt: now + SENDING_LEASE_MS }
}

export function settle(item: OutboxItem, outcome: DeliveryOutcome, now: number): OutboxItem {
  if (item.state !== 'sending') throw new OutboxStateError(item, 'take a delivery outcome')
  if (outcome.kind === 'delivered') {
    return { ...item, state: 'delivered', receipt: outcome.receipt, lastError: null }
  }
  if (!outcome.retryable) return { ...item, state: 'failed', lastError: outcome.error }
  return { ...item, state: 'queued', lastError: outcome.error, nextAttemptAt: now + retryDelay(item.attempts) }
}

/** 30 s, 1 min, 2 min, … doubling after each failed attempt, never more than an hour. */
export function retryDelay(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), LONGEST_RETRY_MS)
}
