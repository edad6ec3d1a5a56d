// "Enable on this site" for a Mastodon instance the manifest does not list: which origins qualify,
// and that a granted origin gets exactly one persistent registration of the content script.
// The browser's permissions and scripting APIs are played by a small in-memory double here;
// tests/e2e/content-mastodon-enable.spec.ts runs the same code against Chromium's.
import { describe, expect, test } from 'vitest'
import type { Scripting } from 'webextension-polyfill'
import { enableSite, originPattern, registrationFor, type SiteAccessApi } from '../../src/extension/background/site-access.ts'

describe('originPattern', () => {
  test.each([
    ['https://mastodon.example', 'https://mastodon.example/*'],
    ['https://social.tchncs.de', 'https://social.tchncs.de/*'],
  ])('%s → %s', (origin, pattern) => expect(originPattern(origin)).toBe(pattern))

  test.each(['http://mastodon.example', 'https://mastodon.example/', 'https://mastodon.example/home', 'https://mastodon.example:8443', 'mastodon.example', '*://*/*', 'chrome://extensions'])(
    '%s does not qualify',
    (origin) => expect(() => originPattern(origin)).toThrow(expect.objectContaining({ code: 'bad_origin' })),
  )
})

test('a registration runs the content script on that origin only, at idle, across restarts', () => {
  expect(registrationFor('https://mastodon.example', 'assets/index.ts-loader-abc.js')).toEqual({
    id: 'tipline-site:mastodon.example',
    matches: ['https://mastodon.example/*'],
    js: ['assets/index.ts-loader-abc.js'],
    runAt: 'document_idle',
    persistAcrossSessions: true,
  })
})

function browserDouble(granted: string[]) {
  const registered: Scripting.RegisteredContentScript[] = []
  const api: SiteAccessApi = {
    permissions: { contains: async ({ origins = [] }) => origins.every((o) => granted.includes(o)) },
    scripting: {
      getRegisteredContentScripts: async (filter) => registered.filter((s) => !filter?.ids || filter.ids.includes(s.id)),
      registerContentScripts: async (scripts) => {
        for (const script of scripts) {
          if (registered.some((s) => s.id === script.id)) throw new Error(`Duplicate script ID '${script.id}'`)
          registered.push(script)
        }
      },
    },
  }
  return { api, registered }
}

/** The manifest's own content_scripts matches. */
const LISTED = ['https://x.com/*', 'https://mastodon.social/*']

describe('enableSite', () => {
  test('a granted origin is registered once, however often it is enabled', async () => {
    const { api, registered } = browserDouble(['https://mastodon.example/*'])
    await expect(enableSite(api, 'https://mastodon.example', 'loader.js', LISTED)).resolves.toEqual({ origin: 'https://mastodon.example', registered: true })
    await expect(enableSite(api, 'https://mastodon.example', 'loader.js', LISTED)).resolves.toEqual({ origin: 'https://mastodon.example', registered: false })
    expect(registered.map((s) => s.matches)).toEqual([['https://mastodon.example/*']])
  })

  test('an origin the reader has not granted is refused and nothing is registered', async () => {
    const { api, registered } = browserDouble(['https://mastodon.example/*'])
    await expect(enableSite(api, 'https://other.example', 'loader.js', LISTED)).rejects.toMatchObject({ code: 'permission_missing' })
    expect(registered).toEqual([])
  })

  test('a site the manifest already runs on is left to the manifest', async () => {
    const { api, registered } = browserDouble(['https://mastodon.social/*'])
    await expect(enableSite(api, 'https://mastodon.social', 'loader.js', LISTED)).resolves.toEqual({ origin: 'https://mastodon.social', registered: false })
    expect(registered).toEqual([])
  })
})
