import { describe, expect, test } from 'vitest'
import { formattingLocale, textDirection } from '../../src/extension/ui/locale.ts'
import { postHref } from '../../src/extension/ui/post-link.ts'
import { daysUntil, relativeTime } from '../../src/extension/ui/when.ts'

describe('textDirection', () => {
  test.each(['ar', 'ar-EG', 'fa', 'he-IL', 'ur_PK'])('%s is right to left', (locale) => {
    expect(textDirection(locale)).toBe('rtl')
  })
  test.each(['en', 'en-US', 'de', 'fr-CA', 'arn'])('%s is left to right', (locale) => {
    expect(textDirection(locale)).toBe('ltr')
  })
})

describe('formattingLocale', () => {
  test('Arabic asks for Arabic-Indic digits', () => {
    expect(formattingLocale('ar')).toBe('ar-u-nu-arab')
    expect(formattingLocale('ar-EG')).toBe('ar-EG-u-nu-arab')
    expect(new Intl.NumberFormat(formattingLocale('ar')).format(5.5)).toBe('٥٫٥')
  })
  test('Maghreb Arabic and explicit numbering systems are left alone', () => {
    expect(formattingLocale('ar-MA')).toBe('ar-MA')
    expect(formattingLocale('ar-u-nu-latn')).toBe('ar-u-nu-latn')
  })
  test('other languages pass through, with Chrome underscores made into hyphens', () => {
    expect(formattingLocale('en-US')).toBe('en-US')
    expect(formattingLocale('pt_BR')).toBe('pt-BR')
  })
})

describe('postHref', () => {
  test('an https post link is kept', () => {
    expect(postHref('https://x.com/nour_writes/status/1')).toBe('https://x.com/nour_writes/status/1')
  })
  test.each(['javascript:alert(1)', 'data:text/html,hi', 'http://x.com/a', 'not a url', ''])('%s is not linked', (url) => {
    expect(postHref(url)).toBeNull()
  })
  test('no link, no href', () => {
    expect(postHref(null)).toBeNull()
  })
})

describe('relativeTime', () => {
  const now = Date.parse('2026-11-24T12:00:00Z')
  test('recent times read relative to now', () => {
    expect(relativeTime('2026-11-24T11:57:00Z', now, 'en')).toBe('3 minutes ago')
    expect(relativeTime('2026-11-24T09:00:00Z', now, 'en')).toBe('3 hours ago')
    expect(relativeTime('2026-11-23T12:00:00Z', now, 'en')).toBe('yesterday')
  })
  test('Arabic gets Arabic words', () => {
    expect(relativeTime('2026-11-24T11:57:00Z', now, 'ar')).toMatch(/دقائق/)
  })
  test('older than a month shows the date', () => {
    expect(relativeTime('2026-01-05T12:00:00Z', now, 'en')).toBe('Jan 5, 2026')
  })
  test('an unreadable time shows nothing rather than "NaN"', () => {
    expect(relativeTime('soon', now, 'en')).toBe('')
  })
})

describe('daysUntil', () => {
  const now = Date.parse('2026-11-24T12:00:00Z')
  test('counts whole days ahead, rounding a part day up, in the reader’s language', () => {
    expect(daysUntil('2027-02-22T12:00:00Z', now, 'en')).toBe('in 90 days')
    expect(daysUntil('2026-11-25T09:00:00Z', now, 'en')).toBe('tomorrow')
    expect(daysUntil('2027-02-22T12:00:00Z', now, 'ar')).toMatch(/٩٠|90/)
  })
  test('a moment already past reads as today, never as a negative count', () => {
    expect(daysUntil('2026-11-20T12:00:00Z', now, 'en')).toBe('today')
  })
})
