// Times in the reader's language: "3 minutes ago" for recent things; older than a month, the
// calendar date says more.
const STEPS: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number]> = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 30],
]

export function relativeTime(at: string, now: number, locale: string): string {
  const then = Date.parse(at)
  if (Number.isNaN(then)) return ''
  let value = Math.round((then - now) / 1000)
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })
  for (const [unit, size] of STEPS) {
    if (Math.abs(value) < size) return format.format(value, unit)
    value = Math.round(value / size)
  }
  return calendarDate(at, locale)
}

/** A calendar date in the reader's language, e.g. "24 Feb 2027". */
export function calendarDate(at: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(Date.parse(at))
}

/** Whole days until a future moment, in words: "in 90 days", "tomorrow". */
export function daysUntil(at: string, now: number, locale: string): string {
  const days = Math.max(0, Math.ceil((Date.parse(at) - now) / 86_400_000))
  return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(days, 'day')
}
