// Reading an author and a post id out of X's links, as the adapter does for every post.
import { describe, expect, test } from 'vitest'
import { handleFromHref, postIdFromHref, x } from '../../src/extension/content/sites/x.ts'

describe('handleFromHref', () => {
  test.each([
    ['/nour_writes', 'nour_writes'],
    ['https://x.com/ada_lovelace', 'ada_lovelace'],
    ['https://twitter.com/Grace_Hopper/', 'Grace_Hopper'],
  ])('%s → %s', (href, handle) => expect(handleFromHref(href)).toBe(handle))

  test.each(['/nour_writes/status/1', '/i/flow/login', '/', '/hashtag/tipping', '/na me'])('%s is not a profile', (href) =>
    expect(handleFromHref(href)).toBeNull(),
  )
})

describe('postIdFromHref', () => {
  test.each([
    ['/nour_writes/status/1890454526378815975', '1890454526378815975'],
    ['https://x.com/ada_lovelace/status/42/', '42'],
  ])('%s → %s', (href, id) => expect(postIdFromHref(href)).toBe(id))

  test.each([
    '/nour_writes/status/1890454526378815975/analytics',
    '/nour_writes/status/1890454526378815975/photo/1',
    '/nour_writes/status/abc',
    '/nour_writes',
  ])('%s is not a permalink', (href) => expect(postIdFromHref(href)).toBeNull())
})

test('the adapter runs on x.com and twitter.com only', () => {
  expect(x.matches(new URL('https://x.com/home'))).toBe(true)
  expect(x.matches(new URL('https://twitter.com/home'))).toBe(true)
  expect(x.matches(new URL('https://x.com.evil.example/home'))).toBe(false)
  expect(x.matches(new URL('https://bsky.app/'))).toBe(false)
})
