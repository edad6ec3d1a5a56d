// Copies the API's view of this account into the Dexie cache, which the popup and options page read
// with live queries; an open tip panel hears of a new wallet instead (wallet-news.ts). Runs on
// wallet.sync, after every action, and every few minutes.
import browser from 'webextension-polyfill'
import { CreatorView, routes, WalletView } from '../../shared/api.ts'
import { WALLET_CHANGED_KEY } from '../../shared/wallet-news.ts'
import { db } from '../db.ts'
import { api } from './api.ts'
import { noteOwnHandles } from './creators.ts'
import { syncReceivedTips } from './received-sync.ts'

export const SYNC_ALARM = 'wallet.sync'
export const SYNC_PERIOD_MINUTES = 5

/** A 304 writes nothing: the cache and the live queries reading it stay as they are. */
export async function syncWallet(): Promise<WalletView> {
  const cached = await db.wallet.get('me')
  const fresh = await api.getIfChanged(routes.wallet, cached?.etag ?? null)
  if (!fresh) return WalletView.parse(cached)
  const syncedAt = new Date().toISOString()
  await db.wallet.put({ ...fresh.value, key: 'me', syncedAt, etag: fresh.etag })
  // An open tip panel then asks for what to show again (wallet-news.ts).
  await browser.storage.local.set({ [WALLET_CHANGED_KEY]: syncedAt })
  return fresh.value
}

/**
 * Only what is newer than the newest cached item (the first page when nothing is cached): the
 * popup shows recent activity, and older items stay cached as they were.
 */
export async function syncActivity(): Promise<void> {
  let newest = await newestActivityId()
  if (newest === null) {
    await db.activity.bulkPut((await api.get(routes.activity)).items)
    return
  }
  for (;;) {
    const { items } = await api.activitySince(newest)
    const [first] = items
    if (!first) return
    await db.activity.bulkPut(items)
    newest = first.id
  }
}

/** Ids are act_<row>, ascending with time; several items can share a timestamp, so compare rows. */
async function newestActivityId(): Promise<string | null> {
  const last = await db.activity.orderBy('at').last()
  if (!last) return null
  const sameTime = await db.activity.where('at').equals(last.at).toArray()
  return sameTime.map((item) => item.id).reduce((a, b) => (rowOf(b) > rowOf(a) ? b : a))
}

const rowOf = (id: string) => Number(id.slice(id.indexOf('_') + 1))

/** The creator view, and every tip received for the dashboard, which a claim or a new tip can change together. */
export async function syncCreator(): Promise<CreatorView> {
  const cached = await db.creator.get('me')
  const [fresh] = await Promise.all([api.getIfChanged(routes.creator, cached?.etag ?? null), syncReceivedTips()])
  if (!fresh) return CreatorView.parse(cached)
  await db.creator.put({ ...fresh.value, key: 'me', syncedAt: new Date().toISOString(), etag: fresh.etag })
  await noteOwnHandles(fresh.value)
  return fresh.value
}

/** Everything; the wallet's failure is the caller's, the others only leave their cache as it was. */
export async function syncAll(): Promise<WalletView> {
  const [wallet, ...rest] = await Promise.allSettled([syncWallet(), syncActivity(), syncCreator()])
  for (const result of rest) if (result.status === 'rejected') console.warn('Tipline: sync incomplete', result.reason)
  if (wallet.status === 'rejected') throw wallet.reason
  return wallet.value
}

/** After an action: refresh without making the action wait; the next sync catches up on failure. */
export function refreshSoon(): void {
  syncAll().catch((error: unknown) => console.warn('Tipline: refresh after an action failed', error))
}
