// Copies every tip the creator received into the cache, with the running totals the dashboard
// reads. Walks all pages each time: a tip claimed out of escrow arrives with the time it was sent,
// so it can land behind tips already cached, and only a full walk finds it.
import { routes, type ReceivedTip } from '../../shared/api.ts'
import { db, type CachedReceivedTip } from '../db.ts'
import { addTips, totalKeysOf, type TipTotal } from '../tip-totals.ts'
import { api } from './api.ts'

export async function syncReceivedTips(): Promise<void> {
  let cursor: string | null = null
  do {
    const page = await api.page(routes.creatorTips, cursor)
    await cacheReceivedTips(page.items)
    cursor = page.nextCursor
  } while (cursor !== null)
}

/** Adds the tips not cached yet and counts each into the totals once, in one transaction. */
export async function cacheReceivedTips(tips: readonly ReceivedTip[]): Promise<void> {
  await db.transaction('rw', db.received, db.receivedTotals, async () => {
    const cached = await db.received.bulkGet(tips.map((tip) => tip.id))
    const fresh = tips.filter((_, i) => cached[i] === undefined)
    if (fresh.length === 0) return
    const current = await db.receivedTotals.bulkGet(totalKeysOf(fresh))
    await db.received.bulkAdd(fresh.map(withNoteIndex))
    await db.receivedTotals.bulkPut(addTips(current.filter((total): total is TipTotal => total !== undefined), fresh))
  })
}

const withNoteIndex = (tip: ReceivedTip): CachedReceivedTip => (tip.note ? { ...tip, notedAt: tip.at } : tip)
