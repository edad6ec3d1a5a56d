// The Firefox build (dist-firefox/) in Debian's Firefox ESR, on the three stand-ins served at the
// real sites' addresses: each visible post gets its one true Tip button, styled and hung in its bar,
// and Tip, reached with the keyboard alone, opens the extension's panel for that post. Firefox runs
// the background as an event page rather than a service worker, shares constructed stylesheets with
// content scripts under its own rules, and has its own anchor positioning: none of that is covered
// by the Chromium tests. Driven over WebDriver BiDi (src/devkit/firefox.ts).
import { expect, test } from '@playwright/test'
import { launchFirefoxWithExtension, FIREFOX_EXTENSION_ORIGIN, KEYS, type ExtensionFirefox, type FirefoxPage } from '../../src/devkit/firefox.ts'
import { blueskyPosts, routeBlueskyStandIn } from '../../src/devkit/sites/bluesky/index.ts'
import { mastodonStatuses, routeMastodonStandIn } from '../../src/devkit/sites/mastodon/index.ts'
import { refuseUnserved } from '../../src/devkit/sites/route.ts'
import { routeXStandIn, standInPosts } from '../../src/devkit/sites/x/index.ts'
import { DEFAULT_SETTINGS, SETTINGS_STORAGE_KEY, type Settings } from '../../src/shared/settings.ts'
import { blueskyRows, mastodonRows, xRows, type StandInRows } from './pages/standin-rows.ts'

const X_POSTS = standInPosts(60)
const BLUESKY_POSTS = blueskyPosts(60)
const MASTODON_STATUSES = mastodonStatuses(60)

let firefox: ExtensionFirefox
let page: FirefoxPage

test.describe.configure({ mode: 'serial' })

test.beforeAll(async () => {
  firefox = await launchFirefoxWithExtension()
  await refuseUnserved(firefox)
  await routeXStandIn(firefox, { posts: X_POSTS.length })
  await routeBlueskyStandIn(firefox, { posts: BLUESKY_POSTS.length })
  await routeMastodonStandIn(firefox, 'mastodon.social', { statuses: MASTODON_STATUSES.length })
  page = await firefox.page({ width: 1000, height: 900 })
})
test.afterAll(async () => firefox?.close())

async function expectTrueButtons<Row>(url: string, rows: StandInRows<Row>): Promise<void> {
  await page.goto(url)
  await expect.poll(() => page.evaluate(() => document.querySelectorAll('tipline-button').length)).toBeGreaterThan(2)
  await expect.poll(async () => rows.wrong(await page.evaluate(rows.read))).toEqual([])
  expect((await page.evaluate(rows.read)).length).toBeGreaterThan(2)
}

test('X: every visible post has one Tip button, styled, hung in the room before bookmark', async () => {
  await expectTrueButtons('https://x.com/home', xRows(X_POSTS))
  const first = await page.evaluate(() => {
    const host = document.querySelector<HTMLElement>('tipline-button')!
    const button = host.shadowRoot!.querySelector('button')!
    const bar = host.closest('[role="group"]')!
    const span = (el: Element) => {
      const box = el.getBoundingClientRect()
      return { left: box.left, right: box.right, top: box.top, bottom: box.bottom }
    }
    return {
      label: button.getAttribute('aria-label'),
      text: button.textContent,
      // Our rules reach the shadow root (a shared sheet, or the <style> Firefox may need instead).
      radius: getComputedStyle(button).borderTopLeftRadius,
      views: span(bar.querySelector('a[href$="/analytics"]')!),
      button: span(button),
      bookmark: span(bar.querySelector('[data-testid="bookmark"]')!),
      bar: span(bar),
    }
  })
  expect(first.label).toBe(`Tip ${X_POSTS[0]!.author.name}`)
  expect(first.text).toBe('Tip')
  expect(first.radius).toBe('999px')
  // Between the views count and bookmark, within the bar's height: CSS anchors work in Firefox too.
  expect(first.button.left).toBeGreaterThanOrEqual(first.views.right)
  expect(first.button.right).toBeLessThanOrEqual(first.bookmark.left)
  expect(first.button.top).toBeGreaterThanOrEqual(first.bar.top)
  expect(first.button.bottom).toBeLessThanOrEqual(first.bar.bottom)
})

test('Bluesky: every visible post has one Tip button naming its author', async () => {
  await expectTrueButtons('https://bsky.app/', blueskyRows(BLUESKY_POSTS))
})

test('Mastodon: every visible status has one Tip button naming its author as user@domain', async () => {
  await expectTrueButtons('https://mastodon.social/home', mastodonRows(MASTODON_STATUSES, 'mastodon.social'))
})

test('Tab to Tip and Enter opens the extension’s panel for that post, quoting it', async () => {
  await page.goto('https://x.com/home')
  await expect.poll(() => page.evaluate(() => document.querySelectorAll('tipline-button').length)).toBeGreaterThan(2)
  const focusedPostId = () => page.evaluate(() => (document.activeElement?.localName === 'tipline-button' ? (document.activeElement as HTMLElement).dataset.postId! : null))
  for (let i = 0; i < 40 && (await focusedPostId()) === null; i++) await page.press(KEYS.Tab)
  const postId = await focusedPostId()
  const post = X_POSTS.find((p) => p.id === postId)
  expect(post, `Tab reached a Tip button (post ${postId})`).toBeDefined()

  await page.press(KEYS.Enter)
  const panelFrame = async () => (await page.frames()).find((frame) => frame.url.startsWith(`${FIREFOX_EXTENSION_ORIGIN}/src/extension/panel/`))?.page
  await expect.poll(panelFrame).toBeDefined()
  const panel = (await panelFrame())!
  await expect.poll(() => panel.evaluate(() => document.getElementById('panel-title')?.textContent ?? '')).toContain(post!.author.name)
  await expect.poll(() => panel.evaluate(() => document.body.textContent ?? '')).toContain(post!.text.slice(0, 40))
  // The frame is as tall as the panel's content: its height message passed the origin check here too.
  const frameHeight = await page.evaluate(() => document.querySelector('tipline-panel')!.getBoundingClientRect().height)
  const contentHeight = await panel.evaluate(() => document.documentElement.scrollHeight)
  expect(Math.abs(frameHeight - contentHeight)).toBeLessThanOrEqual(2)
  expect(firefox.errors).toEqual([])
})

test('switching X off removes its buttons at once, without a reload; on brings them back', async () => {
  await page.goto('https://x.com/home')
  const count = () => page.evaluate(() => document.querySelectorAll('tipline-button').length)
  await expect.poll(count).toBeGreaterThan(2)
  const before = await count()
  await page.evaluate(() => {
    Object.assign(window, { sameDocument: true })
  })
  // Written where the options page's change lands, from an extension page (Firefox's storage.onChanged reaches the content script).
  const extensionPage = await firefox.page({ width: 400, height: 600 })
  // WebDriver may not open extension pages itself; a site's page may open the panel's, which the
  // manifest lets https pages load.
  await extensionPage.goto('https://x.com/home')
  await extensionPage.evaluate((url) => {
    location.href = url
  }, `${FIREFOX_EXTENSION_ORIGIN}/src/extension/panel/index.html`)
  await expect.poll(() => extensionPage.evaluate(() => typeof (globalThis as { browser?: unknown }).browser)).toBe('object')
  const store = (settings: Settings) =>
    extensionPage.evaluate(
      ([key, value]) => (globalThis as unknown as { browser: typeof import('webextension-polyfill') }).browser.storage.local.set({ [key]: value }),
      [SETTINGS_STORAGE_KEY, settings] as const,
    )
  const withX = (on: boolean): Settings => ({ ...DEFAULT_SETTINGS, sites: { ...DEFAULT_SETTINGS.sites, x: on } })

  await store(withX(false))
  await expect.poll(count).toBe(0)
  await store(withX(true))
  await expect.poll(count).toBe(before)
  expect(await page.evaluate(() => 'sameDocument' in window)).toBe(true)
})
