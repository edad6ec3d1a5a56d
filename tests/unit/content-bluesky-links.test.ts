// Reading an author and a post's record key out of Bluesky's links and test ids, as the adapter
// does for every row.
import { describe, expect, test } from 'vitest'
import { bluesky, handleFromHref, handleFromTestId, postFromHref } from '../../src/extension/content/sites/bluesky.ts'

describe('handleFromHref', () => {
  test.each([
    ['/profile/nour.bsky.social', 'nour.bsky.social'],
    ['/profile/nour.example.com', 'nour.example.com'],
    ['https://bsky.app/profile/Ada.Example.org/', 'ada.example.org'],
  ])('%s → %s', (href, handle) => expect(handleFromHref(href)).toBe(handle))

  test.each([
    '/profile/nour.bsky.social/post/3lbq7mxsiek2v',
    '/profile/did:plc:vjug55kidv6sye7ykr5faxxn',
    '/profile/nour',
    '/profile/nour.bsky.social/follows',
    '/search?q=nour',
    '/profile/-bad-.example.com',
  ])('%s is not a handle', (href) => expect(handleFromHref(href)).toBeNull())
})

describe('postFromHref', () => {
  test.each([
    ['/profile/nour.example.com/post/3lbq7mxsiek2v', { handle: 'nour.example.com', rkey: '3lbq7mxsiek2v' }],
    ['https://bsky.app/profile/Sam.bsky.social/post/3kabc/', { handle: 'sam.bsky.social', rkey: '3kabc' }],
  ])('%s → %o', (href, post) => expect(postFromHref(href)).toEqual(post))

  test.each([
    '/profile/nour.example.com',
    '/profile/nour.example.com/post/3lbq7mxsiek2v/liked-by',
    '/profile/nour.example.com/post/',
    '/profile/nour.example.com/feed/whats-hot',
  ])('%s is not a permalink', (href) => expect(postFromHref(href)).toBeNull())
})

describe('handleFromTestId', () => {
  test.each([
    ['feedItem-by-nour.example.com', 'nour.example.com'],
    ['postThreadItem-by-ada.bsky.social', 'ada.bsky.social'],
  ])('%s → %s', (testId, handle) => expect(handleFromTestId(testId)).toBe(handle))

  test.each(['feedItem-by-', 'feedItem-by-handle.invalid ', 'postText', 'feedItem-by-did:plc:abc'])('%s names no author', (testId) =>
    expect(handleFromTestId(testId)).toBeNull(),
  )
})

test('the adapter runs on bsky.app only', () => {
  expect(bluesky.matches(new URL('https://bsky.app/'))).toBe(true)
  expect(bluesky.matches(new URL('https://bsky.app/profile/nour.example.com'))).toBe(true)
  expect(bluesky.matches(new URL('https://bsky.app.evil.example/'))).toBe(false)
  expect(bluesky.matches(new URL('https://x.com/home'))).toBe(false)
})

test('the home feed and a thread must show posts; a profile or notifications may not', () => {
  expect(bluesky.expectsPosts?.(new URL('https://bsky.app/'))).toBe(true)
  expect(bluesky.expectsPosts?.(new URL('https://bsky.app/profile/nour.example.com/post/3lbq7mxsiek2v'))).toBe(true)
  expect(bluesky.expectsPosts?.(new URL('https://bsky.app/profile/nour.example.com'))).toBe(false)
  expect(bluesky.expectsPosts?.(new URL('https://bsky.app/notifications'))).toBe(false)
})
