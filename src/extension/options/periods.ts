// Earnings per day, week or month, from the day totals: the chart's bars and its table's rows.
import { localDay, type TipTotal } from '../tip-totals.ts'

export type PeriodUnit = 'day' | 'week' | 'month'
/** How many periods the chart shows, ending with the current one. */
export const PERIODS_SHOWN: Record<PeriodUnit, number> = { day: 30, week: 12, month: 12 }

export interface PeriodTotal {
  /** The period's first day, YYYY-MM-DD. */
  start: string
  amount: number
  count: number
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
