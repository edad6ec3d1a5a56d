// Reading a globally unique handle and a status id out of Mastodon's markup, and telling a
// Mastodon page from any other page on an unknown host.
import { describe, expect, test } from 'vitest'
import { handleFromAccount, handleFromProfilePath, isMastodonPage, mastodon, statusIdFromHref } from '../../src/extension/content/sites/mastodon.ts'

describe('handleFromAccount', () => {
  test.each([
    ['@nour@fosstodon.org', 'mastodon.social', 'nour@fosstodon.org'],
    ['@Nour_W@Fosstodon.ORG', 'mastodon.social', 'Nour_W@fosstodon.org'],
    ['@nour', 'mastodon.social', 'nour@mastodon.social'],
    ['  @sam.k  ', 'hachyderm.io', 'sam.k@hachyderm.io'],
    ['ada@mastodon.example', 'mastodon.social', 'ada@mastodon.example'],
  ])('%s on %s → %s', (text, host, handle) => expect(handleFromAccount(text, host)).toBe(handle))

  test.each(['', '@', 'Nour Writes', '@nour@', '@nour@localhost', '@a@b@c.example', '@<img>@evil.example'])('%s is no handle', (text) =>
    expect(handleFromAccount(text, 'mastodon.social')).toBeNull(),
  )
})

describe('statusIdFromHref', () => {
  const base = 'https://mastodon.social'
  test.each([
    ['/@nour/113524367112233445', '113524367112233445'],
    ['/@bob@other.social/12345680', '12345680'],
    ['https://mastodon.social/@ada/42/', '42'],
  ])('%s → %s', (href, id) => expect(statusIdFromHref(href, base)).toBe(id))

  test.each(['/@nour', '/@nour/113524367112233445/reblogs', '/@nour/abc', '/tags/tipping', '/@a@b@c/1'])('%s is not a permalink', (href) =>
    expect(statusIdFromHref(href, base)).toBeNull(),
  )
})

describe('handleFromProfilePath', () => {
  test.each([
    ['/@nour', 'nour@mastodon.social'],
    ['/@nour/', 'nour@mastodon.social'],
    ['/@bob@other.social', 'bob@other.social'],
    ['/@bob%40other.social', 'bob@other.social'],
  ])('%s → %s', (path, handle) => expect(handleFromProfilePath(path, 'mastodon.social')).toBe(handle))

  test.each(['/@nour/113524367112233445', '/home', '/@', '/@nour@other.social@third.example', '/users/nour'])('%s is not a profile', (path) =>
    expect(handleFromProfilePath(path, 'mastodon.social')).toBeNull(),
  )
})

describe('isMastodonPage', () => {
  /** Just enough of a document to answer the selectors the check asks about. */
  const page = (present: Record<string, string | null>) => ({
    querySelector: (selector: string) =>
      selector in present ? ({ getAttribute: () => present[selector] ?? null } as unknown as Element) : null,
  })

  test('the web app root on an app-body page is Mastodon', () => {
    expect(isMastodonPage(page({ '#mastodon': null, 'body.app-body': null }))).toBe(true)
  })
  test('the web app root with application-name Mastodon is Mastodon', () => {
    expect(isMastodonPage(page({ '#mastodon': null, 'meta[name="application-name"]': 'Mastodon' }))).toBe(true)
  })
  test('status-like markup without the app root is not', () => {
    expect(isMastodonPage(page({ 'body.app-body': null, 'meta[name="application-name"]': 'Mastodon' }))).toBe(false)
  })
  test('an element id alone is not enough', () => {
    expect(isMastodonPage(page({ '#mastodon': null, 'meta[name="application-name"]': 'Pleroma' }))).toBe(false)
  })
})

test('the home timeline and a status page must show posts; a profile may not', () => {
  expect(mastodon.expectsPosts?.(new URL('https://mastodon.social/home'))).toBe(true)
  expect(mastodon.expectsPosts?.(new URL('https://fosstodon.org/@grace@hachyderm.io/113524367112233445'))).toBe(true)
  expect(mastodon.expectsPosts?.(new URL('https://mastodon.social/@nour'))).toBe(false)
  expect(mastodon.expectsPosts?.(new URL('https://mastodon.social/tags/tipping'))).toBe(false)
})
