// Copies the API's view of this account into the Dexie cache, which the popup, options page and
// panel read with live queries. Runs on wallet.sync, after every action, and every few minutes.
import { routes, type CreatorView, type WalletView } from '../../shared/api.ts'
import { db } from '../db.ts'
import { api } from './api.ts'
import { syncReceivedTips } from './received-sync.ts'

export const SYNC_ALARM = 'wallet.sync'
export const SYNC_PERIOD_MINUTES = 5

export async function syncWallet(): Promise<WalletView> {
  const wallet = await api.get(routes.wallet)
  await db.wallet.put({ ...wallet, key: 'me', syncedAt: new Date().toISOString() })
  return wallet
}

/** The first page only: the popup shows recent activity, and older items stay cached as they were. */
export async function syncActivity(): Promise<void> {
  const page = await api.get(routes.activity)
  await db.activity.bulkPut(page.items)
}

/** The creator view, and every tip received for the dashboard, which a claim or a new tip can change together. */
export async function syncCreator(): Promise<CreatorView> {
  const [creator] = await Promise.all([api.get(routes.creator), syncReceivedTips()])
  await db.creator.put({ ...creator, key: 'me', syncedAt: new Date().toISOString() })
  return creator
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
