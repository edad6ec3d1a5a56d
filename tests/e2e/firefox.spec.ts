// The Firefox build (dist-firefox/) in Debian's Firefox ESR, with the local stack, driven over
// WebDriver BiDi (src/devkit/firefox.ts). On the three stand-ins, served at the real sites'
// addresses, each visible post gets its one true Tip button, styled and hung in its bar. Tip,
// reached with the keyboard alone, opens the panel for that post. A first tip adds funds through
// checkout from the panel and reaches the ledger; the popup shows what it left; the creator claims
// the handle in the options page and sees the tip. The site switch works live. Send on each
// site's profile opens the panel for the person. On the saved real X pages, with X's own CSS, Tip
// lies over no control from wide windows down to narrow ones.
// None of this is covered by the Chromium tests: Firefox runs the background as an event page
// rather than a service worker, shares constructed stylesheets with content scripts under its own
// rules, delivers no runtime messages to the panel's frame, and has its own anchor positioning.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { expect, test } from '@playwright/test'
import { routeSites } from '../../src/devkit/browser.ts'
import { launchFirefoxWithExtension, FIREFOX_EXTENSION_ORIGIN, KEYS, type ExtensionFirefox, type FirefoxPage } from '../../src/devkit/firefox.ts'
import { blueskyPosts } from '../../src/devkit/sites/bluesky/index.ts'
import { mastodonStatuses } from '../../src/devkit/sites/mastodon/index.ts'
import { routeSavedPage } from '../../src/devkit/sites/route.ts'
import { standInPosts, type StandInPost } from '../../src/devkit/sites/x/index.ts'
import type { Stack } from '../../src/devkit/stack.ts'
import { DEFAULT_SETTINGS, SETTINGS_STORAGE_KEY, type Settings } from '../../src/shared/settings.ts'
import { startTestStack } from './fixtures.ts'
import { TEST_PAYER } from './pages/checkout.ts'
import { PROFILES } from './pages/profiles.ts'
import { coveredControls, PAGES, SAVED, savedFiles, unshownButtons, widthsFor } from './pages/saved-x-pages.ts'
import { blueskyRows, mastodonRows, xRows, type StandInRows } from './pages/standin-rows.ts'

// What routeSites serves: each stand-in's default timeline.
const X_POSTS = standInPosts(300)
const BLUESKY_POSTS = blueskyPosts(300)
const MASTODON_STATUSES = mastodonStatuses(300)

let stack: Stack
let firefox: ExtensionFirefox
let page: FirefoxPage

test.describe.configure({ mode: 'serial' })

test.beforeAll(async () => {
  // The extension registers with the API when it is installed: the stack comes first.
  stack = await startTestStack()
  firefox = await launchFirefoxWithExtension()
  await routeSites(firefox)
  page = await firefox.page({ width: 1000, height: 900 })
})
test.afterAll(async () => {
  await firefox?.close()
  await stack?.close()
})

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

/** From the top of the X timeline, Tab to the first Tip button and press Enter: its post, and the panel it opened. */
async function openPanelByKeyboard(): Promise<{ post: StandInPost; panel: FirefoxPage }> {
  // In front, where the keyboard goes: a test may have opened a tab of its own.
  await page.bringToFront()
  await page.goto('https://x.com/home')
  await expect.poll(() => page.evaluate(() => document.querySelectorAll('tipline-button').length)).toBeGreaterThan(2)
  const focusedPostId = () => page.evaluate(() => (document.activeElement?.localName === 'tipline-button' ? (document.activeElement as HTMLElement).dataset.postId! : null))
  for (let i = 0; i < 40 && (await focusedPostId()) === null; i++) await page.press(KEYS.Tab)
  const postId = await focusedPostId()
  const post = X_POSTS.find((p) => p.id === postId)
  if (!post) throw new Error(`Tab reached no Tip button (post ${postId})`)

  await page.press(KEYS.Enter)
  return { post, panel: await panelTitled(post.author.name) }
}

/** The tip panel open in the page, once its title names this person. */
async function panelTitled(person: string): Promise<FirefoxPage> {
  const panelFrame = async () => (await page.frames()).find((frame) => frame.url.startsWith(`${FIREFOX_EXTENSION_ORIGIN}/src/extension/panel/`))?.page
  await expect.poll(panelFrame).toBeDefined()
  const panel = (await panelFrame())!
  await expect.poll(() => panel.evaluate(() => document.getElementById('panel-title')?.textContent ?? '')).toContain(person)
  return panel
}

/**
 * One of the extension's pages in a new tab. WebDriver may not open extension pages itself; a site's
 * page may open the panel's, which the manifest lets https pages load, and from there the
 * extension's own pages are one navigation away.
 */
async function openExtensionPage(path: string): Promise<FirefoxPage> {
  const tab = await firefox.page({ width: 400, height: 600 })
  await tab.goto('https://x.com/home')
  for (const step of ['src/extension/panel/index.html', path]) {
    const url = `${FIREFOX_EXTENSION_ORIGIN}/${step}`
    await tab.evaluate((address) => {
      location.href = address
    }, url)
    await expect.poll(() => tab.evaluate(() => location.href)).toBe(url)
  }
  await expect.poll(() => tab.evaluate(() => document.readyState)).toBe('complete')
  return tab
}

/** The one tip the ledger holds, once the first-tip test has sent it. */
async function theTip(): Promise<{ handle: string; amount: number }> {
  const [tip] = (await stack.api.db.query<{ handle: string; amount: unknown }>('SELECT handle, amount FROM tips')).rows
  if (!tip) throw new Error('the ledger holds no tip: the first-tip test did not send one')
  return { handle: tip.handle, amount: Number(tip.amount) }
}

const dollars = (minor: number) => `$${(minor / 100).toFixed(2)}`

/** Clicks the element with this data-testid in an extension page: only the test can reach into the panel's frame. */
const clickTestId = (extensionPage: FirefoxPage, testId: string) =>
  extensionPage.evaluate((id) => {
    const target = document.querySelector<HTMLElement>(`[data-testid="${id}"]`)
    target?.click()
    return target !== null
  }, testId)

test('Tab to Tip and Enter opens the extension’s panel for that post, quoting it', async () => {
  const { post, panel } = await openPanelByKeyboard()
  await expect.poll(() => panel.evaluate(() => document.body.textContent ?? '')).toContain(post.text.slice(0, 40))
  // The frame is as tall as the panel's content: its height message passed the origin check here too.
  const frameHeight = await page.evaluate(() => document.querySelector('tipline-panel')!.getBoundingClientRect().height)
  const contentHeight = await panel.evaluate(() => document.documentElement.scrollHeight)
  expect(Math.abs(frameHeight - contentHeight)).toBeLessThanOrEqual(2)
  expect(firefox.errors).toEqual([])
})

test('a first tip: funds added from the panel land in it, and the tip it then sends reaches the ledger', async () => {
  const { post, panel } = await openPanelByKeyboard()
  // No funds yet: the panel offers a top-up, which the background opens in a new tab at the Stripe stand-in's checkout.
  expect(await clickTestId(panel, 'panel-topup')).toBe(true)
  const checkoutTab = async () => (await firefox.tabs()).find((tab) => tab.url.startsWith(stack.stripe.url))?.page
  await expect.poll(checkoutTab).toBeDefined()
  const checkout = (await checkoutTab())!
  await expect.poll(() => checkout.evaluate(() => document.querySelector('form') !== null)).toBe(true)
  // The form's fields by their ids, as the stand-in names them.
  await checkout.evaluate((fields) => {
    for (const [id, value] of Object.entries(fields)) {
      const input = document.getElementById(id) as HTMLInputElement
      if (!input.readOnly) input.value = value
    }
    document.querySelector('form')!.requestSubmit()
  }, { ...TEST_PAYER, card: '4242 4242 4242 4242' })

  // Back on X, the panel left open now offers the tip: the background's news of the new wallet reached its frame.
  await page.bringToFront()
  const firstPreset = () => panel.evaluate(() => document.querySelector<HTMLElement>('[data-testid^="preset-"]')?.dataset.testid ?? null)
  await expect.poll(firstPreset).toMatch(/^preset-\d+$/)
  const amount = Number((await firstPreset())!.slice('preset-'.length))
  expect(await clickTestId(panel, `preset-${amount}`)).toBe(true)
  expect(await clickTestId(panel, 'confirm')).toBe(true)
  // Held 5 s for Undo, then sent by the background.
  const tips = async () => (await stack.api.db.query<{ amount: unknown }>('SELECT site, handle, post_id, amount FROM tips')).rows.map((tip) => ({ ...tip, amount: Number(tip.amount) }))
  await expect.poll(tips, { timeout: 15_000 }).toEqual([{ site: 'x', handle: post.author.handle, post_id: post.id, amount }])
  // The checkout stand-in's strict CSP refuses Firefox's own favicon request: not Tipline's to answer.
  expect(firefox.errors.filter((error) => !error.includes(`${stack.stripe.url}/favicon.ico`))).toEqual([])
})

test('the popup shows what the first tip left: the balance, the top-up and the tip in recent activity', async () => {
  const tip = await theTip()
  const [topUp] = (await stack.api.db.query<{ amount: unknown }>(`SELECT amount FROM topups WHERE status = 'paid'`)).rows
  const popup = await openExtensionPage('src/extension/popup/index.html')
  const text = (testId: string) => popup.evaluate((id) => document.querySelector(`[data-testid="${id}"]`)?.textContent ?? '', testId)
  // The popup reads the cache the Firefox background wrote, live.
  await expect.poll(() => text('balance')).toContain(dollars(Number(topUp!.amount) - tip.amount))
  await expect.poll(() => text('activity')).toContain(`Funds added${dollars(Number(topUp!.amount))}`)
  expect(await text('activity')).toContain(`@${tip.handle}`)
})

test('the creator claims the handle in the options page and sees the tip there', async () => {
  const tip = await theTip()
  const options = await openExtensionPage('src/extension/options/index.html')
  await expect.poll(() => options.evaluate(() => document.querySelector('[data-testid="claim-handle"]') !== null)).toBe(true)
  await options.evaluate(() => {
    const site = document.querySelector<HTMLSelectElement>('[data-testid="claim-site"]')!
    site.value = 'x'
    site.dispatchEvent(new Event('change', { bubbles: true }))
    document.querySelector<HTMLInputElement>('[data-testid="claim-handle"]')!.focus()
  })
  await options.type(tip.handle)
  expect(await clickTestId(options, 'claim-submit')).toBe(true)
  const text = (testId: string) => options.evaluate((id) => document.querySelector(`[data-testid="${id}"]`)?.textContent ?? '', testId)
  await expect.poll(() => text('handles')).toContain(tip.handle)
  await expect.poll(() => text('tips-received')).toContain(dollars(tip.amount))
  expect(await text('tips-received')).toContain(tip.handle)
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
  const extensionPage = await openExtensionPage('src/extension/options/index.html')
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

for (const profile of PROFILES) {
  test(`Send on a ${profile.site} profile sits with Follow, names the person, and Enter opens the panel for them`, async () => {
    // In front, where the keyboard goes: tests before opened extension pages in tabs of their own.
    await page.bringToFront()
    await page.goto(profile.url)
    const send = `${profile.actions} > tipline-button[data-kind="send"]`
    await expect.poll(() => page.evaluate((css) => document.querySelectorAll(css).length, send)).toBe(1)
    const shown = await page.evaluate((css) => {
      const host = document.querySelector<HTMLElement>(css)!
      const button = host.shadowRoot!.querySelector('button')!
      button.focus()
      return { handle: host.dataset.handle, label: button.getAttribute('aria-label'), text: button.textContent }
    }, send)
    expect(shown).toEqual({ handle: profile.handle, label: `Send money to ${profile.person}`, text: 'Send' })
    await page.press(KEYS.Enter)
    await panelTitled(profile.person)
  })
}

// Last: each saved page's route answers for x.com from then on.
for (const [file, expected] of Object.entries(PAGES).filter(([, saved]) => saved.laidOutAsOnX)) {
  const widths = widthsFor(expected, true)
  test(`saved X page ${file}, with X's own CSS: one true button per post, over no control down to ${widths.at(-1)}px`, async () => {
    test.skip(!savedFiles.includes(file), `SKIPPED LOUDLY: ${resolve(SAVED, file)} is missing`)
    await routeSavedPage(firefox, 'https://x.com/home', readFileSync(resolve(SAVED, file), 'utf8'))
    const tab = await firefox.page({ width: 1280, height: 900 })
    await tab.goto('https://x.com/home')
    await expect.poll(() => tab.evaluate(() => document.querySelectorAll('tipline-button').length)).toBe(expected.posts)
    for (const [handle, postId] of expected.tipped) {
      const selector = `tipline-button[data-handle="${handle}"][data-post-id="${postId}"]`
      expect(await tab.evaluate((css) => document.querySelectorAll(css).length, selector), selector).toBe(1)
    }
    for (const width of widths) {
      await tab.resize({ width, height: 900 })
      expect(await tab.evaluate(coveredControls), `at ${width}px`).toEqual([])
      expect(await tab.evaluate(unshownButtons), `at ${width}px`).toEqual([])
    }
  })
}
