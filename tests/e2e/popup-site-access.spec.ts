// The popup's "Enable on this site", over a Mastodon instance the manifest does not list. Headless
// Chromium never answers the permission prompt, so each test runs a copy of the built extension
// whose manifest is changed the way the story needs: granting the instance already (as if the
// reader had said yes: permissions.request then resolves true without a prompt), or leaving
// Tipline no origin it may ask for (the request is refused). The popup is opened in a window of
// its own over the browser window, as the toolbar popup sits over it, and finds the page behind.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Locator, type Page } from '@playwright/test'
import { DIST, launchWithExtension, type ExtensionBrowser } from '../../src/devkit/chromium.ts'
import { routeMastodonStandIn } from '../../src/devkit/sites/mastodon/index.ts'
import { refuseUnserved } from '../../src/devkit/sites/route.ts'

interface Manifest {
  permissions: string[]
  host_permissions: string[]
  optional_host_permissions?: string[]
}

/** A copy of the built extension with its manifest changed; removed when the browser closes. */
async function launchChanged(change: (manifest: Manifest) => void, instance: string, lang?: string): Promise<ExtensionBrowser> {
  const dist = join(mkdtempSync(join(tmpdir(), 'tipline-site-access-')), 'dist')
  cpSync(DIST, dist, { recursive: true })
  const manifestPath = join(dist, 'manifest.json')
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest
  change(manifest)
  writeFileSync(manifestPath, JSON.stringify(manifest))
  const browser = await launchWithExtension({ dist, lang })
  browser.context.on('close', () => rmSync(join(dist, '..'), { recursive: true, force: true }))
  await refuseUnserved(browser.context)
  await routeMastodonStandIn(browser.context, instance, { statuses: 10 })
  return browser
}

async function openInstance(browser: ExtensionBrowser, instance: string): Promise<Page> {
  const page = await browser.context.newPage()
  await page.goto(`https://${instance}/home`, { waitUntil: 'domcontentloaded' })
  await expect(page.locator('article[data-id]').first()).toBeAttached()
  await page.bringToFront()
  return page
}

/** The popup page in a popup window over the browser window, the way the toolbar shows it. */
async function openPopupOver(browser: ExtensionBrowser): Promise<Page> {
  const opened = browser.context.waitForEvent('page')
  await browser.worker.evaluate((url) => chrome.windows.create({ url, type: 'popup', width: 360, height: 600 }), `chrome-extension://${browser.extensionId}/src/extension/popup/index.html`)
  const popup = await opened
  await popup.waitForLoadState('domcontentloaded')
  return popup
}

/** The chrome.* API as the worker's scripts see it; the tests need only these. */
declare const chrome: {
  windows: { create(details: { url: string; type: 'popup'; width: number; height: number }): Promise<unknown> }
  scripting: { getRegisteredContentScripts(): Promise<Array<{ id: string }>> }
}

const registeredScripts = (browser: ExtensionBrowser) => browser.worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).map((script) => script.id))

/** The popup's line about this site and the live region that reports what happened. */
const siteAccess = (popup: Page): Locator => popup.getByTestId('site-access')
const siteNews = (popup: Page): Locator => popup.getByTestId('site-access-status')
/** A host as the popup writes it into a sentence: isolated, so it keeps its order in Arabic. */
const isolated = (host: string) => `\u2068${host}\u2069`

test.describe('an instance the reader has granted', () => {
  const INSTANCE = 'mastodon.example'
  let browser: ExtensionBrowser
  test.beforeAll(async () => {
    browser = await launchChanged((manifest) => manifest.host_permissions.push(`https://${INSTANCE}/*`), INSTANCE)
    await routeMastodonStandIn(browser.context, 'mastodon.social', { statuses: 10 })
  })
  test.afterAll(() => browser?.context.close())

  test('the popup enables it from the keyboard, reloads the page into buttons, and turns it off again', async () => {
    const site = await openInstance(browser, INSTANCE)
    await expect(site.locator('tipline-button')).toHaveCount(0)

    const popup = await openPopupOver(browser)
    await expect(siteAccess(popup)).toContainText(`Tipline isn't on ${isolated(INSTANCE)} yet.`)
    const enable = popup.getByRole('button', { name: `Enable Tipline on ${isolated(INSTANCE)}` })
    await expect(enable).toHaveText('Enable on this site')
    const axe = await new AxeBuilder({ page: popup }).include('[data-testid="site-access"]').withTags(['wcag2a', 'wcag2aa']).analyze()
    expect(axe.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')).toEqual([])
    await enable.focus()
    await popup.keyboard.press('Enter')
    await expect(siteNews(popup)).toHaveText('Reload the page to see buttons.')
    await expect(siteAccess(popup)).toContainText(`Tipline is on for ${isolated(INSTANCE)}.`)
    expect(await registeredScripts(browser)).toEqual([`tipline-site:${INSTANCE}`])

    const closed = popup.waitForEvent('close')
    const reloaded = site.waitForEvent('load')
    await popup.getByRole('button', { name: 'Reload the page' }).click()
    await reloaded
    await closed
    await expect(site.locator('tipline-button').first()).toHaveAttribute('data-handle', `nour@${INSTANCE}`)

    await site.bringToFront()
    const again = await openPopupOver(browser)
    await expect(siteAccess(again)).toContainText(`Tipline is on for ${isolated(INSTANCE)}.`)
    await again.getByRole('button', { name: `Turn Tipline off for ${isolated(INSTANCE)}` }).click()
    await expect(siteNews(again)).toHaveText('Turned off. Reload the page to remove its buttons.')
    await expect(again.getByRole('button', { name: `Enable Tipline on ${isolated(INSTANCE)}` })).toBeVisible()
    expect(await registeredScripts(browser)).toEqual([])
    await again.close()

    await site.reload({ waitUntil: 'domcontentloaded' })
    await expect(site.locator('article[data-id]').first()).toBeAttached()
    await site.waitForTimeout(1000)
    await expect(site.locator('tipline-button')).toHaveCount(0)
  })

  test('over a site the manifest lists, or over a page that is not on the web, the popup offers nothing', async () => {
    for (const address of ['https://mastodon.social/home', `chrome-extension://${browser.extensionId}/src/extension/options/index.html`]) {
      const page = await browser.context.newPage()
      await page.goto(address, { waitUntil: 'domcontentloaded' })
      await page.bringToFront()
      const popup = await openPopupOver(browser)
      await expect(popup.getByTestId('balance')).toBeAttached()
      await popup.waitForTimeout(500)
      await expect(siteAccess(popup)).toHaveCount(0)
      await popup.close()
      await page.close()
    }
  })
})

test.describe('an instance Tipline may not ask for', () => {
  const INSTANCE = 'other.example'
  let browser: ExtensionBrowser
  test.beforeAll(async () => {
    // The tabs permission lets the popup read the page's address without the toolbar click that
    // grants activeTab; without optional host permissions, Chromium refuses the request outright.
    browser = await launchChanged((manifest) => {
      manifest.permissions.push('tabs')
      delete manifest.optional_host_permissions
    }, INSTANCE)
  })
  test.afterAll(() => browser?.context.close())

  test('a refused permission says so and enables nothing', async () => {
    await openInstance(browser, INSTANCE)
    const popup = await openPopupOver(browser)
    await popup.getByRole('button', { name: `Enable Tipline on ${isolated(INSTANCE)}` }).click()
    await expect(siteNews(popup)).toHaveText(`Tipline was not allowed on ${isolated(INSTANCE)}, so nothing changed.`)
    await expect(popup.getByRole('button', { name: `Enable Tipline on ${isolated(INSTANCE)}` })).toBeEnabled()
    await expect(siteNews(popup)).toHaveAttribute('role', 'status')
    expect(await registeredScripts(browser)).toEqual([])
  })
})

test.describe('in Arabic', () => {
  const INSTANCE = 'mastodon.example'
  let browser: ExtensionBrowser
  test.beforeAll(async () => {
    browser = await launchChanged((manifest) => manifest.host_permissions.push(`https://${INSTANCE}/*`), INSTANCE, 'ar')
  })
  test.afterAll(() => browser?.context.close())

  test('the offer and its outcome are in Arabic, right to left', async () => {
    await openInstance(browser, INSTANCE)
    const popup = await openPopupOver(browser)
    await expect(popup.locator('html')).toHaveAttribute('dir', 'rtl')
    await expect(siteAccess(popup)).toContainText(`لم يُفعَّل Tipline على ${isolated(INSTANCE)} بعد.`)
    await popup.getByRole('button', { name: `فعّل Tipline على ${isolated(INSTANCE)}` }).click()
    await expect(siteNews(popup)).toHaveText('أعد تحميل الصفحة لترى الأزرار.')
  })
})
