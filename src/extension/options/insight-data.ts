// What the dashboard's insight paints, read from the running totals in the cache: a few hundred
// day rows and the top rows of two indexes, however many tips are cached.
import Dexie from 'dexie'
import { db, type CachedReceivedTip } from '../db.ts'
import { localDay, type TipTotal, type TotalDimension } from '../tip-totals.ts'

export const TOP_COUNT = 10
export const NOTES_COUNT = 20

export type PeriodUnit = 'day' | 'week' | 'month'
/** How many periods the chart shows, ending with the current one. */
export const PERIODS_SHOWN: Record<PeriodUnit, number> = { day: 30, week: 12, month: 12 }

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
export interface PeriodTotal {
  /** The period's first day, YYYY-MM-DD. */
  start: string
  amount: number
  count: number
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

/** The first day of the period holding `day` (weeks start on Monday), as YYYY-MM-DD. */
export function periodStart(day: string, unit: PeriodUnit): string {
  if (unit === 'day') return day
  if (unit === 'month') return `${day.slice(0, 7)}-01`
  const date = dayDate(day)
  date.setDate(date.getDate() - ((date.getDay() + 6) % 7))
  return localDay(date.toISOString())
}

/** The last `PERIODS_SHOWN[unit]` periods up to `today`, oldest first, empty ones included. */
export function periodTotals(days: readonly TipTotal[], unit: PeriodUnit, today: string): PeriodTotal[] {
  const periods: PeriodTotal[] = []
  const cursor = dayDate(periodStart(today, unit))
  for (let i = 0; i < PERIODS_SHOWN[unit]; i++) {
    periods.unshift({ start: localDay(cursor.toISOString()), amount: 0, count: 0 })
    if (unit === 'day') cursor.setDate(cursor.getDate() - 1)
    else if (unit === 'week') cursor.setDate(cursor.getDate() - 7)
    else cursor.setMonth(cursor.getMonth() - 1)
  }
  const byStart = new Map(periods.map((period) => [period.start, period]))
  for (const day of days) {
    const period = byStart.get(periodStart(day.bucket, unit))
    if (!period) continue
    period.amount += day.amount
    period.count += day.count
  }
  return periods
}

/** Local noon of a YYYY-MM-DD day: far from midnight, so a daylight-saving shift never changes the day. */
function dayDate(day: string): Date {
  const [year, month, date] = day.split('-').map(Number)
  return new Date(year ?? 1970, (month ?? 1) - 1, date ?? 1, 12)
}
