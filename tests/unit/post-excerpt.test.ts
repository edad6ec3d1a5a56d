// What the tip panel may show of a post: the page's words cut to one short line, and a language tag
// the browser can use. Both come from an attacker-written page.
import { describe, expect, test } from 'vitest'
import { PostRef } from '../../src/shared/messages.ts'
import { EXCERPT_MAX_CODE_POINTS, EXCERPT_MAX_LENGTH, excerptText, languageTag } from '../../src/shared/post-excerpt.ts'

describe('languageTag', () => {
  test.each(['en', 'ar', 'pt-BR', 'zh-Hant-TW', 'fil', 'es-419'])('%s is a language', (tag) => expect(languageTag(tag)).toBe(tag))

  test.each([
    ['qme', 'X: media only'],
    ['qht', 'X: hashtags only'],
    ['qam-x', 'a private-use language with a subtag'],
    ['und', 'undetermined'],
    ['zxx', 'no linguistic content'],
    ['', 'empty'],
    ['e', 'too short'],
    ['en_US', 'not BCP 47'],
    ['en"><b', 'markup'],
    ['x-klingon', 'private use only'],
    [`en-${'a'.repeat(40)}`, 'too long'],
  ])('%s is none (%s)', (tag) => expect(languageTag(tag)).toBeNull())

  test('absent is none', () => {
    expect(languageTag(null)).toBeNull()
    expect(languageTag(undefined)).toBeNull()
  })
})

describe('excerptText', () => {
  test('whitespace runs become one space, ends trimmed', () => {
    expect(excerptText('\n  Finished the draft.\n\n  Feedback\twelcome. ')).toBe('Finished the draft. Feedback welcome.')
  })

  test('nothing but whitespace is no excerpt', () => {
    expect(excerptText(' \n\t ')).toBeNull()
    expect(excerptText(null)).toBeNull()
  })

  test('a text at the limit stays whole', () => {
    const text = 'a'.repeat(EXCERPT_MAX_CODE_POINTS)
    expect(excerptText(text)).toBe(text)
  })

  test('a longer text is cut at the limit and says so', () => {
    expect(excerptText(`${'word '.repeat(100)}`)).toBe(`${'word '.repeat(40).trimEnd()}…`)
  })

  test('cut by code points: an emoji is never split into half a surrogate pair', () => {
    const cut = excerptText('🌊'.repeat(EXCERPT_MAX_CODE_POINTS + 5))!
    expect(cut).toBe(`${'🌊'.repeat(EXCERPT_MAX_CODE_POINTS)}…`)
    expect(cut.length).toBe(EXCERPT_MAX_LENGTH)
    expect(new Set(cut)).toEqual(new Set(['🌊', '…']))
  })
})

describe('PostRef excerpt', () => {
  const post = { site: 'x', handle: 'nour_writes', postId: '1', postUrl: 'https://x.com/nour_writes/status/1', displayName: 'Nour' }

  test('a post may come with its first words and their language, or without', () => {
    expect(PostRef.safeParse({ ...post, excerpt: { text: 'مرحبا', lang: 'ar' } }).success).toBe(true)
    expect(PostRef.safeParse({ ...post, excerpt: { text: 'Hi', lang: null } }).success).toBe(true)
    expect(PostRef.safeParse(post).success).toBe(true)
  })

  test('a content script cannot pass off a longer text or a tag the rule refuses', () => {
    expect(PostRef.safeParse({ ...post, excerpt: { text: 'a'.repeat(EXCERPT_MAX_LENGTH + 1), lang: null } }).success).toBe(false)
    expect(PostRef.safeParse({ ...post, excerpt: { text: '', lang: null } }).success).toBe(false)
    expect(PostRef.safeParse({ ...post, excerpt: { text: 'Hi', lang: 'qme' } }).success).toBe(false)
    expect(PostRef.safeParse({ ...post, excerpt: { text: 'Hi', lang: 'en"><script>' } }).success).toBe(false)
  })
})
