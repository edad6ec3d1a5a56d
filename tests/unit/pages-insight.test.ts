// The dashboard's running totals and periods: each tip counted once into its day, post and
// supporter, and the day totals summed into days, weeks (from Monday) and months.
import { describe, expect, test } from 'vitest'
import type { ReceivedTip } from '../../src/shared/api.ts'
import { periodStart, periodTotals } from '../../src/extension/options/periods.ts'
import { addTips, localDay, totalKeysOf } from '../../src/extension/tip-totals.ts'

/** Local noon on a day, as the API would send it (UTC ISO). */
const at = (day: string) => {
  const [y, m, d] = day.split('-').map(Number)
  return new Date(y!, m! - 1, d!, 12).toISOString()
}
const tip = (id: string, day: string, amount: number, extra: Partial<ReceivedTip> = {}): ReceivedTip => ({
  id, site: 'x', handle: 'nour_writes', postId: '1', postUrl: 'https://x.com/nour_writes/status/1',
  amount, currency: 'USD', note: null, from: 'acct_a', at: at(day), ...extra,
})

describe('running totals', () => {
  test('a tip adds to its day, its post and its supporter, per currency', () => {
    const totals = addTips([], [
      tip('1', '2026-11-02', 200),
      tip('2', '2026-11-02', 150, { from: 'acct_b' }),
      tip('3', '2026-11-03', 500, { currency: 'EUR', postUrl: null }),
    ])
    const byKey = Object.fromEntries(totals.map((t) => [t.key, [t.amount, t.count]]))
    expect(byKey).toEqual({
      'day|USD|2026-11-02': [350, 2],
      'post|USD|https://x.com/nour_writes/status/1': [350, 2],
      'supporter|USD|acct_a': [200, 1],
      'supporter|USD|acct_b': [150, 1],
      'day|EUR|2026-11-03': [500, 1],
      'supporter|EUR|acct_a': [500, 1],
    })
  })

  test('new tips add to the totals already kept, and the keys to read first are theirs', () => {
    const first = addTips([], [tip('1', '2026-11-02', 200)])
    const next = [tip('2', '2026-11-02', 100, { from: 'acct_c' })]
    expect(totalKeysOf(next).sort()).toEqual(['day|USD|2026-11-02', 'post|USD|https://x.com/nour_writes/status/1', 'supporter|USD|acct_c'])
    const kept = first.filter((t) => totalKeysOf(next).includes(t.key))
    const after = Object.fromEntries(addTips(kept, next).map((t) => [t.key, t.amount]))
    expect(after['day|USD|2026-11-02']).toBe(300)
    expect(after['supporter|USD|acct_c']).toBe(100)
    expect(first.find((t) => t.key === 'day|USD|2026-11-02')?.amount).toBe(200)
  })

  test('the day is the local calendar day', () => {
    expect(localDay(at('2026-03-29'))).toBe('2026-03-29')
  })
})

describe('periods', () => {
  test('weeks start on Monday, months on the 1st', () => {
    expect(periodStart('2026-11-26', 'week')).toBe('2026-11-23')
    expect(periodStart('2026-11-23', 'week')).toBe('2026-11-23')
    expect(periodStart('2026-11-22', 'week')).toBe('2026-11-16')
    expect(periodStart('2026-11-26', 'month')).toBe('2026-11-01')
    expect(periodStart('2026-11-26', 'day')).toBe('2026-11-26')
  })

  test('day totals sum into the periods shown, oldest first, empty periods kept and older days left out', () => {
    const days = addTips([], [
      tip('1', '2026-11-24', 100),
      tip('2', '2026-11-23', 200),
      tip('3', '2026-11-20', 400),
      tip('4', '2026-10-31', 800),
      tip('5', '2025-01-01', 1600),
    ]).filter((t) => t.dimension === 'day')
    const weeks = periodTotals(days, 'week', '2026-11-24')
    expect(weeks).toHaveLength(12)
    expect(weeks.slice(-3)).toEqual([
      { start: '2026-11-09', amount: 0, count: 0 },
      { start: '2026-11-16', amount: 400, count: 1 },
      { start: '2026-11-23', amount: 300, count: 2 },
    ])
    const months = periodTotals(days, 'month', '2026-11-24')
    expect(months.slice(-2)).toEqual([
      { start: '2026-10-01', amount: 800, count: 1 },
      { start: '2026-11-01', amount: 700, count: 3 },
    ])
    expect(months.reduce((sum, m) => sum + m.amount, 0)).toBe(1500)
    const dayBars = periodTotals(days, 'day', '2026-11-24')
    expect(dayBars).toHaveLength(30)
    expect(dayBars.at(-1)).toEqual({ start: '2026-11-24', amount: 100, count: 1 })
    expect(dayBars.at(-2)).toEqual({ start: '2026-11-23', amount: 200, count: 1 })
  })
})
