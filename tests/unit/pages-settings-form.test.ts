// The Settings form's amounts: typed as people type them in their locale, refused with a reason
// rather than guessed.
import { describe, expect, test } from 'vitest'
import { amountText, parseOptionalAmount, parsePresets, presetsText } from '../../src/extension/options/settings-form.ts'

describe('tip presets', () => {
  test('several amounts separated by spaces, in order, without repeats', () => {
    expect(parsePresets('5 1  2.50 1.00', 'USD', 'en')).toEqual({ ok: true, value: [100, 250, 500] })
    expect(parsePresets('١ ٢٫٥٠', 'USD', 'ar-u-nu-arab')).toEqual({ ok: true, value: [100, 250] })
    expect(parsePresets('100 500', 'JPY', 'ja')).toEqual({ ok: true, value: [100, 500] })
  })

  test('none or more than six is refused as a whole', () => {
    expect(parsePresets('  ', 'USD', 'en')).toEqual({ ok: false, problem: { code: 'too_many' } })
    expect(parsePresets('1 2 3 4 5 6 7', 'USD', 'en')).toEqual({ ok: false, problem: { code: 'too_many' } })
  })

  test('the first wrong amount is named with its reason', () => {
    expect(parsePresets('1 2.555', 'USD', 'en')).toMatchObject({ ok: false, problem: { code: 'amount', text: '2.555', problem: { code: 'too_many_decimals' } } })
    expect(parsePresets('0.01', 'USD', 'en')).toMatchObject({ ok: false, problem: { problem: { code: 'below_min' } } })
    expect(parsePresets('1,5', 'USD', 'en')).toMatchObject({ ok: false, problem: { text: '1,5' } })
  })

  test('what is shown parses back to the same amounts', () => {
    for (const locale of ['en', 'de', 'ar-u-nu-arab']) {
      expect(parsePresets(presetsText([100, 250, 1_000], 'USD', locale), 'USD', locale)).toEqual({ ok: true, value: [100, 250, 1_000] })
    }
  })
})

describe('budget and confirm-first amounts', () => {
  test('empty means none', () => {
    expect(parseOptionalAmount('', 'USD', 'en')).toEqual({ ok: true, value: null })
    expect(amountText(null, 'USD', 'en')).toBe('')
  })
  test('an amount in the wallet currency, at least the smallest tip', () => {
    expect(parseOptionalAmount('50', 'EUR', 'de')).toEqual({ ok: true, value: 5_000 })
    expect(parseOptionalAmount('0', 'USD', 'en')).toMatchObject({ ok: false, problem: { problem: { code: 'below_min' } } })
    expect(parseOptionalAmount('fifty', 'USD', 'en')).toMatchObject({ ok: false, problem: { problem: { code: 'not_a_number' } } })
  })
})
