// The en and ar catalogs must offer the same messages with the same placeholders, or a page in
// Arabic shows a key name or drops an amount.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, test } from 'vitest'
import { SiteId } from '../../src/shared/api.ts'

type Catalog = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>

const load = (lang: string): Catalog =>
  JSON.parse(readFileSync(resolve(import.meta.dirname, `../../public/_locales/${lang}/messages.json`), 'utf8')) as Catalog
const en = load('en')
const ar = load('ar')

const usedNames = (message: string) => [...message.matchAll(/\$([A-Za-z0-9_]+)\$/g)].map((match) => match[1]!.toLowerCase()).sort()

describe('locale catalogs', () => {
  test('Arabic has exactly the English keys', () => {
    expect(Object.keys(ar).sort()).toEqual(Object.keys(en).sort())
  })

  test('every key is a valid Chrome message name', () => {
    for (const key of Object.keys(en)) expect(key).toMatch(/^[A-Za-z0-9_]+$/)
  })

  test.each(Object.keys(en))('%s: same placeholders in both languages, each one used and defined', (key) => {
    const english = en[key]!
    const arabic = ar[key]!
    expect(arabic.placeholders ?? {}).toEqual(english.placeholders ?? {})
    const defined = Object.keys(english.placeholders ?? {}).sort()
    expect([...new Set(usedNames(english.message))].sort()).toEqual(defined)
    expect([...new Set(usedNames(arabic.message))].sort()).toEqual(defined)
  })

  test('Arabic messages are written in Arabic script', () => {
    for (const [key, { message }] of Object.entries(ar)) {
      if (key === 'extName' || key.startsWith('site_')) continue
      expect(message, key).toMatch(/[\u0600-\u06FF]/)
    }
  })

  test('every site the API knows has a name', () => {
    for (const site of SiteId.options) expect(en[`site_${site}`], site).toBeDefined()
  })

  test('the content script button messages exist', () => {
    expect(en.tipButton?.message).toBe('Tip')
    expect(en.tipButtonLabel?.placeholders?.who?.content).toBe('$1')
  })
})
