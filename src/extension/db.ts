// The extension's local cache in IndexedDB (Dexie). The background is the only writer; the
// popup, options page and panel read it with live queries so they paint at once from cache.
import Dexie, { type EntityTable, type Table } from 'dexie'
import type { ActivityItem, CreatorView, ReceivedTip, SiteId, TipReceipt, TipRequest, WalletView } from '../shared/api.ts'
import { adoptLegacyPresets, type LegacySetting } from './background/settings.ts'
import type { TipTotal } from './tip-totals.ts'

export interface CachedWallet extends WalletView {
  key: 'me'
  syncedAt: string
  /** The API's ETag for this view: the next sync sends it and writes nothing on a 304. */
  etag?: string | null
}
export interface CachedCreator extends CreatorView {
  key: 'me'
  syncedAt: string
  etag?: string | null
}
/** Someone this reader tipped or who this creator is: claimed decides earnings or escrow. */
export interface KnownCreator {
  site: SiteId
  handle: string
  /** null until a tip receipt or the creator's own view says. */
  claimed: boolean | null
  /** As the site showed it under a post; null when no post named them. */
  displayName: string | null
}
/**
 * held: confirmed, waiting out its undo window (nextAttemptAt is when the hold ends);
 * awaiting_funds: waiting for the top-up paid for it to land.
 */
export type OutboxState = 'held' | 'awaiting_funds' | 'queued' | 'sending' | 'failed' | 'delivered'
export interface OutboxItem {
  /** The idempotency key the API sees: written before the first attempt, reused on every retry. */
  id: string
  state: OutboxState
  request: TipRequest
  createdAt: string
  attempts: number
  nextAttemptAt: number
  lastError: { code: string; message: string } | null
  receipt: TipReceipt | null
}
/** A tip this creator received; notedAt is set only when it carries a note, so its index lists the notes alone. */
export interface CachedReceivedTip extends ReceivedTip {
  notedAt?: string
}
export interface TippedPost {
  /** `${site}:${postId}` */
  key: string
  at: string
}
export interface DeviceIdentity {
  key: 'device'
  accountId: string
  /** Non-extractable: the private key never leaves WebCrypto. */
  privateKey: CryptoKey
  publicKey: JsonWebKey
}

export class TiplineDb extends Dexie {
  wallet!: EntityTable<CachedWallet, 'key'>
  activity!: EntityTable<ActivityItem, 'id'>
  outbox!: EntityTable<OutboxItem, 'id'>
  tipped!: EntityTable<TippedPost, 'key'>
  creator!: EntityTable<CachedCreator, 'key'>
  identity!: EntityTable<DeviceIdentity, 'key'>
  received!: EntityTable<CachedReceivedTip, 'id'>
  receivedTotals!: EntityTable<TipTotal, 'key'>
  creators!: Table<KnownCreator, [SiteId, string]>

  constructor(name = 'tipline') {
    super(name)
    this.version(1).stores({
      wallet: 'key',
      activity: 'id, at, kind, [site+handle]',
      outbox: 'id, state, nextAttemptAt, createdAt',
      tipped: 'key',
      creator: 'key',
      settings: 'key',
      identity: 'key',
    })
    // Settings moved to storage.local, where content scripts can read them too.
    this.version(2)
      .stores({ settings: null })
      .upgrade(async (tx) => adoptLegacyPresets(await tx.table<LegacySetting>('settings').toArray()))
    // Every tip received, and running totals the dashboard paints from without reading every tip.
    this.version(3).stores({
      received: 'id, at, notedAt',
      receivedTotals: 'key, [dimension+currency+amount], [dimension+currency+bucket]',
    })
    // Display names and claim state per handle, for the popup's activity and escrow rows.
    this.version(4).stores({ creators: '[site+handle]' })
  }
}

export const db = new TiplineDb()
