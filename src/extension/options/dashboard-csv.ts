// The dashboard as one CSV file: every tip received and every payout, then the earnings per
// period, top posts and top supporters as shown. Amounts are decimal strings in major units
// ("5.50"), beside their currency, so a spreadsheet never sees a float or a locale's digits.
import type { Payout } from '../../shared/api.ts'
import { isSupportedCurrency } from '../../shared/currencies.ts'
import { toMajorString } from '../../shared/money.ts'
import type { CachedReceivedTip } from '../db.ts'
import { toCsv } from './csv.ts'
import type { Insight } from './insight-data.ts'
import { periodTotals, type PeriodUnit } from './periods.ts'

export const CSV_HEADER = ['record', 'date', 'currency', 'amount', 'count', 'from', 'site', 'handle', 'post', 'note', 'status'] as const

function major(minor: number, currency: string): string {
  return isSupportedCurrency(currency) ? toMajorString(minor, currency) : String(minor)
}

export function dashboardCsv(
  tips: readonly CachedReceivedTip[],
  payouts: readonly Payout[],
  insight: Insight,
  unit: PeriodUnit,
  today: string,
): string {
  const rows: string[][] = [[...CSV_HEADER]]
  for (const tip of tips) {
    rows.push(['tip', tip.at, tip.currency, major(tip.amount, tip.currency), '1', tip.from, tip.site, tip.handle, tip.postUrl ?? '', tip.note ?? '', ''])
  }
  for (const payout of payouts) {
    rows.push(['payout', payout.createdAt, payout.currency, major(payout.amount, payout.currency), '', '', '', '', '', '', payout.status])
  }
  for (const { currency, days, posts, supporters } of insight.currencies) {
    for (const period of periodTotals(days, unit, today)) {
      if (period.count === 0) continue
      rows.push([`earnings_${unit}`, period.start, currency, major(period.amount, currency), String(period.count), '', '', '', '', '', ''])
    }
    for (const post of posts) {
      rows.push(['top_post', '', currency, major(post.amount, currency), String(post.count), '', '', post.handle ?? '', post.bucket, '', ''])
    }
    for (const supporter of supporters) {
      rows.push(['top_supporter', '', currency, major(supporter.amount, currency), String(supporter.count), supporter.bucket, '', '', '', '', ''])
    }
  }
  return toCsv(rows)
}
