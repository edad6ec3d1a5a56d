// What the dashboard's insight paints, read from the running totals in the cache: a few hundred
// day rows and the top rows of two indexes, however many tips are cached.
import Dexie from 'dexie'
import { db, type CachedReceivedTip } from '../db.ts'
import type { TipTotal, TotalDimension } from '../tip-totals.ts'

export const TOP_COUNT = 10
export const NOTES_COUNT = 20

export interface CurrencyInsight {
  currency: string
  days: TipTotal[]
  posts: TipTotal[]
  supporters: TipTotal[]
}
export interface Insight {
  currencies: CurrencyInsight[]
  notes: CachedReceivedTip[]
}

export async function readInsight(): Promise<Insight> {
  const days = await db.receivedTotals
    .where('[dimension+currency+bucket]')
    .between(['day', Dexie.minKey, Dexie.minKey], ['day', Dexie.maxKey, Dexie.maxKey])
    .toArray()
  const currencies = [...new Set(days.map((day) => day.currency))].sort()
  return {
    currencies: await Promise.all(
      currencies.map(async (currency) => ({
        currency,
        days: days.filter((day) => day.currency === currency),
        posts: await topOf('post', currency),
        supporters: await topOf('supporter', currency),
      })),
    ),
    notes: await db.received.orderBy('notedAt').reverse().limit(NOTES_COUNT).toArray(),
  }
}

function topOf(dimension: TotalDimension, currency: string): Promise<TipTotal[]> {
  return db.receivedTotals
    .where('[dimension+currency+amount]')
    .between([dimension, currency, Dexie.minKey], [dimension, currency, Dexie.maxKey])
    .reverse()
    .limit(TOP_COUNT)
    .toArray()
}
