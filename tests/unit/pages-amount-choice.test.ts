import { describe, expect, test } from 'vitest'
import { limitsFor } from '../../src/shared/currencies.ts'
import { resolveAmount, type AmountChoice } from '../../src/extension/ui/amount-choice.ts'
import { topupFor, topupPresets } from '../../src/extension/ui/topup-amounts.ts'

const usdTips = limitsFor('USD').tip
const custom = (text: string): AmountChoice => ({ kind: 'custom', text })

describe('resolveAmount', () => {
  test('nothing is chosen until the person picks', () => {
    expect(resolveAmount({ kind: 'none' }, 'USD', 'en', usdTips)).toEqual({ state: 'empty' })
  })

  test('a preset is the amount', () => {
    expect(resolveAmount({ kind: 'preset', minor: 300 }, 'USD', 'en', usdTips)).toEqual({ state: 'chosen', minor: 300 })
  })

  test('a cleared custom field is nothing chosen, not an error', () => {
    expect(resolveAmount(custom('   '), 'USD', 'en', usdTips)).toEqual({ state: 'empty' })
  })

  test('typed amounts are read in the reader locale', () => {
    expect(resolveAmount(custom('2.50'), 'USD', 'en', usdTips)).toEqual({ state: 'chosen', minor: 250 })
    expect(resolveAmount(custom('٢٫٥٠'), 'USD', 'ar', usdTips)).toEqual({ state: 'chosen', minor: 250 })
    expect(resolveAmount(custom('2,50'), 'EUR', 'de', limitsFor('EUR').tip)).toEqual({ state: 'chosen', minor: 250 })
  })

  test('what the parser rejects comes back with its code', () => {
    expect(resolveAmount(custom('two'), 'USD', 'en', usdTips)).toEqual({ state: 'invalid', problem: { code: 'not_a_number' } })
    expect(resolveAmount(custom('2.505'), 'USD', 'en', usdTips)).toEqual({
      state: 'invalid',
      problem: { code: 'too_many_decimals' },
    })
  })

  test('amounts outside the limits name the limit', () => {
    expect(resolveAmount(custom('0.05'), 'USD', 'en', usdTips)).toEqual({
      state: 'invalid',
      problem: { code: 'below_min', limit: usdTips.min },
    })
    expect(resolveAmount(custom('0'), 'USD', 'en', usdTips)).toMatchObject({ state: 'invalid' })
    expect(resolveAmount(custom('500.01'), 'USD', 'en', usdTips)).toEqual({
      state: 'invalid',
      problem: { code: 'above_max', limit: usdTips.max },
    })
    expect(resolveAmount(custom('500'), 'USD', 'en', usdTips)).toEqual({ state: 'chosen', minor: usdTips.max })
  })
})

describe('top-up amounts', () => {
  test('presets scale from the smallest top-up: 5, 10, 20 dollars', () => {
    expect(topupPresets(limitsFor('USD').topup)).toEqual([500, 1000, 2000])
  })

  test('presets in a zero-decimal currency are whole yen', () => {
    const presets = topupPresets(limitsFor('JPY').topup)
    expect(presets).toHaveLength(3)
    for (const amount of presets) expect(Number.isInteger(amount) && amount >= limitsFor('JPY').topup.min).toBe(true)
  })

  test('presets never go above the largest top-up', () => {
    expect(topupPresets({ min: 500, max: 1500 })).toEqual([500, 1000])
  })

  test('a shortfall is covered by the smallest preset that is enough', () => {
    const limits = limitsFor('USD').topup
    expect(topupFor(0, limits)).toBe(500)
    expect(topupFor(501, limits)).toBe(1000)
    expect(topupFor(2000, limits)).toBe(2000)
  })

  test('a shortfall beyond the presets rounds up to whole minimums, capped at the largest top-up', () => {
    const limits = limitsFor('USD').topup
    expect(topupFor(2001, limits)).toBe(2500)
    expect(topupFor(10_000_000, limits)).toBe(limits.max)
  })
})
