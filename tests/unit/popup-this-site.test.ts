// Which pages the popup offers "Enable on this site" for: https origins Tipline does not run on
// already. The e2e story (tests/e2e/popup-site-access.spec.ts) runs the offer in Chromium.
import './background-fake-browser.ts'
import { describe, expect, test } from 'vitest'
import { siteAt } from '../../src/extension/popup/this-site.ts'

/** The manifest's own content_scripts matches. */
const LISTED = ['https://x.com/*', 'https://mastodon.social/*']

describe('siteAt', () => {
  test('an https page on a site the manifest does not list is offered, by its origin', () => {
    expect(siteAt(7, 'https://social.tchncs.de/@nour/112233?x=1#top', LISTED)).toEqual({
      tabId: 7,
      origin: 'https://social.tchncs.de',
      host: 'social.tchncs.de',
      pattern: 'https://social.tchncs.de/*',
    })
  })

  test.each([
    ['a listed site', 'https://mastodon.social/home'],
    ['plain http', 'http://mastodon.example/home'],
    ['a port', 'https://mastodon.example:8443/home'],
    ['a browser page', 'chrome://extensions/'],
    ['an extension page', 'chrome-extension://abc/src/extension/popup/index.html'],
    ['a local file', 'file:///home/nour/notes.html'],
    ['an address the browser did not reveal', undefined],
    ['no address at all', 'not a url'],
  ])('%s is not offered', (_what, url) => expect(siteAt(7, url, LISTED)).toBeNull())
})
