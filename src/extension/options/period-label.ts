// A period's name as the creator reads it, in their locale.
import { t, uiLocale } from '../i18n.ts'
import type { PeriodUnit } from './periods.ts'

const DAY = { month: 'short', day: 'numeric' } as const
const MONTH = { year: 'numeric', month: 'long' } as const

export function periodLabel(start: string, unit: PeriodUnit): string {
  const [year, month, day] = start.split('-').map(Number)
  const date = new Date(year ?? 1970, (month ?? 1) - 1, day ?? 1, 12)
  if (unit === 'month') return new Intl.DateTimeFormat(uiLocale(), MONTH).format(date)
  const dayText = new Intl.DateTimeFormat(uiLocale(), DAY).format(date)
  return unit === 'week' ? t('insightWeekOf', dayText) : dayText
}
