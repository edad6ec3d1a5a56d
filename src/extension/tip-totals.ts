// Running totals of the tips a creator received, kept beside the tips in the cache so the
// dashboard paints from a few hundred summary rows instead of reading every tip. The background
// adds each tip once, when it first caches it; the dashboard only reads.
import type { ReceivedTip } from '../shared/api.ts'

/** day: local calendar day (YYYY-MM-DD); post: the post's link; supporter: the tipper's account. */
export type TotalDimension = 'day' | 'post' | 'supporter'

export interface TipTotal {
  /** `${dimension}|${currency}|${bucket}` */
  key: string
  dimension: TotalDimension
  currency: string
  bucket: string
  amount: number
  count: number
  /** For posts: the handle the post was tipped under, to name it. */
  handle: string | null
}

export const totalKey = (dimension: TotalDimension, currency: string, bucket: string) => `${dimension}|${currency}|${bucket}`

/** The calendar day in the time zone this code runs in: the worker and the page share the browser's. */
export function localDay(at: string): string {
  const date = new Date(at)
  const month = String(date.getMonth() + 1).padStart(2, '0')
  const day = String(date.getDate()).padStart(2, '0')
  return `${date.getFullYear()}-${month}-${day}`
}

function bucketsOf(tip: ReceivedTip): { dimension: TotalDimension; bucket: string }[] {
  const buckets: { dimension: TotalDimension; bucket: string }[] = [
    { dimension: 'day', bucket: localDay(tip.at) },
    { dimension: 'supporter', bucket: tip.from },
  ]
  if (tip.postUrl) buckets.push({ dimension: 'post', bucket: tip.postUrl })
  return buckets
}

/** The keys a batch of tips adds to, to read their current totals first. */
export function totalKeysOf(tips: readonly ReceivedTip[]): string[] {
  return [...new Set(tips.flatMap((tip) => bucketsOf(tip).map((b) => totalKey(b.dimension, tip.currency, b.bucket))))]
}

/** The totals after adding tips not counted before; `current` holds the totals they add to. */
export function addTips(current: readonly TipTotal[], tips: readonly ReceivedTip[]): TipTotal[] {
  const totals = new Map(current.map((total) => [total.key, { ...total }]))
  for (const tip of tips) {
    for (const { dimension, bucket } of bucketsOf(tip)) {
      const key = totalKey(dimension, tip.currency, bucket)
      const total = totals.get(key) ?? { key, dimension, currency: tip.currency, bucket, amount: 0, count: 0, handle: null }
      total.amount += tip.amount
      total.count += 1
      if (dimension === 'post') total.handle = tip.handle
      totals.set(key, total)
    }
  }
  return [...totals.values()]
}
