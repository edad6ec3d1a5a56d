// The reader's site switches take effect on open pages at once: off takes the buttons down
// without a reload, on brings them back, and hiding everything wins over a site being on.
import { expect, test, type Page, type Worker } from '@playwright/test'
import { launchWithExtension, type ExtensionBrowser } from '../../src/devkit/chromium.ts'
import { refuseUnserved } from '../../src/devkit/sites/route.ts'
import { routeXStandIn } from '../../src/devkit/sites/x/index.ts'
import { DEFAULT_SETTINGS, SETTINGS_STORAGE_KEY, type Settings } from '../../src/shared/settings.ts'

let browser: ExtensionBrowser
let page: Page

test.beforeEach(async () => {
  browser = await launchWithExtension()
  await refuseUnserved(browser.context)
  await routeXStandIn(browser.context, { posts: 40 })
  page = await browser.context.newPage()
  await page.goto('https://x.com/home', { waitUntil: 'domcontentloaded' })
  await expect(page.locator('tipline-button').first()).toBeAttached()
  // Marks this very document: if the page reloaded, the mark would be gone.
  await page.evaluate(() => Object.assign(window, { sameDocument: true }))
})
test.afterEach(async () => browser?.context.close())

/** The worker's chrome global, typed like the polyfill it mirrors. */
type ExtensionApi = typeof import('webextension-polyfill')

/** What the options page writes (through the background's settings.update) lands in storage.local. */
function store(worker: Worker, settings: Settings): Promise<void> {
  return worker.evaluate(([key, value]) => {
    const { chrome } = globalThis as unknown as { chrome: ExtensionApi }
    return chrome.storage.local.set({ [key]: value })
  }, [SETTINGS_STORAGE_KEY, settings] as const)
}

const withX = (on: boolean): Settings => ({ ...DEFAULT_SETTINGS, sites: { ...DEFAULT_SETTINGS.sites, x: on } })

test('switching X off removes its buttons at once; on brings them back', async () => {
  const buttons = page.locator('tipline-button')
  const before = await buttons.count()
  expect(before).toBeGreaterThan(2)

  await store(browser.worker, withX(false))
  await expect(buttons).toHaveCount(0)
  // Scrolling recycles rows, which must not bring a button back while the site is off.
  await page.mouse.wheel(0, 1500)
  await page.waitForTimeout(300)
  await expect(buttons).toHaveCount(0)

  await store(browser.worker, withX(true))
  await expect(buttons.first()).toBeAttached()
  await page.evaluate(() => scrollTo(0, 0))
  await expect(buttons).toHaveCount(before)
  expect(await page.evaluate(() => 'sameDocument' in window)).toBe(true)
})

test('hiding all buttons wins over the site switch; another site going off leaves X alone', async () => {
  const buttons = page.locator('tipline-button')
  await store(browser.worker, { ...DEFAULT_SETTINGS, sites: { ...DEFAULT_SETTINGS.sites, bluesky: false } })
  await page.waitForTimeout(300)
  await expect(buttons.first()).toBeAttached()

  await store(browser.worker, { ...DEFAULT_SETTINGS, hideAll: true })
  await expect(buttons).toHaveCount(0)
  await store(browser.worker, DEFAULT_SETTINGS)
  await expect(buttons.first()).toBeAttached()
})

test('a page opened while X is off shows no buttons until it is switched on', async () => {
  await store(browser.worker, withX(false))
  const later = await browser.context.newPage()
  await later.goto('https://x.com/home', { waitUntil: 'domcontentloaded' })
  await expect(later.locator('[data-testid="tweet"]').first()).toBeAttached()
  await later.waitForTimeout(500)
  await expect(later.locator('tipline-button')).toHaveCount(0)
  await store(browser.worker, withX(true))
  await expect(later.locator('tipline-button').first()).toBeAttached()
})
