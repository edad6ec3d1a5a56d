// The X adapter against real saved X pages (shared/sites/x, scripts stripped) with the built
// extension: one Tip button per real post, none in a quoted post, each naming the post it is under.
// Expected counts and (handle, post id) pairs were read out of the HTML by hand, not by the adapter.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { expect, test } from '@playwright/test'
import { launchWithExtension, type ExtensionBrowser } from '../../src/devkit/chromium.ts'
import { refuseUnserved, routeSavedPage } from '../../src/devkit/sites/route.ts'
import { coveredControls, PAGES, SAVED, savedFiles, unshownButtons, widthsFor } from './pages/saved-x-pages.ts'

let browser: ExtensionBrowser
test.beforeAll(async () => {
  if (savedFiles.length === 0) return
  browser = await launchWithExtension()
  await refuseUnserved(browser.context)
})
test.afterAll(async () => browser?.context.close())

test('every saved X page has its expectations written down', () => {
  test.skip(savedFiles.length === 0, `SKIPPED LOUDLY: no saved X pages at ${SAVED}; the adapter is untested against real markup`)
  expect(savedFiles.sort()).toEqual(Object.keys(PAGES).sort())
})

for (const [file, expected] of Object.entries(PAGES)) {
  test(`saved page ${file}: one true Tip button per post`, async () => {
    test.skip(!savedFiles.includes(file), `SKIPPED LOUDLY: ${resolve(SAVED, file)} is missing`)
    const page = await browser.context.newPage()
    await routeSavedPage(page, 'https://x.com/home', readFileSync(resolve(SAVED, file), 'utf8'))
    await page.goto('https://x.com/home', { waitUntil: 'domcontentloaded' })

    const buttons = page.locator('tipline-button')
    await expect(buttons).toHaveCount(expected.posts)
    for (const [handle, postId] of expected.tipped) {
      await expect(page.locator(`tipline-button[data-handle="${handle}"][data-post-id="${postId}"]`)).toHaveCount(1)
    }
    for (const handle of expected.untipped) {
      await expect(page.locator(`tipline-button[data-handle="${handle}" i]`)).toHaveCount(0)
    }
    await expect(buttons.first()).toHaveAttribute('data-theme', expected.theme)

    // Each button against what the page shows around it, read with the test's own queries.
    const seen = await buttons.evaluateAll((hosts) =>
      hosts.map((host) => {
        const article = host.closest('article')
        const author = article?.querySelector('[data-testid="User-Name"]')?.textContent?.match(/@(\w+)/)?.[1]
        const permalink = article?.querySelector('time')?.parentElement?.getAttribute('href')
        return {
          button: { handle: host.getAttribute('data-handle'), postId: host.getAttribute('data-post-id') },
          shown: { handle: author, postId: permalink?.match(/\/status\/(\d+)$/)?.[1] },
          inActionBar: host.parentElement?.getAttribute('role') === 'group' && !!host.parentElement.querySelector('[data-testid="reply"]'),
          inQuote: !!host.closest('article [role="link"]'),
          label: host.shadowRoot?.querySelector('button')?.textContent,
        }
      }),
    )
    for (const { button, shown, inActionBar, inQuote, label } of seen) {
      expect(button).toEqual(shown)
      expect(inActionBar).toBe(true)
      expect(inQuote).toBe(expected.barInsideQuoteBox ?? false)
      expect(label).toBe('Tip')
    }
    expect(new Set(seen.map((s) => s.button.postId)).size).toBe(expected.posts)

    // With X's own CSS, wide and in narrow windows, no shown button lies over any of its bar's controls.
    for (const width of widthsFor(expected)) {
      await page.setViewportSize({ width, height: 900 })
      expect(await page.evaluate(coveredControls), `at ${width}px`).toEqual([])
      expect(await page.evaluate(unshownButtons), `at ${width}px`).toEqual([])
    }
    await page.close()
  })
}
