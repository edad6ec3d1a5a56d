// When a site's markup moves away from the adapter's selectors, the reader's pages say so: the
// content script reports each kind of miss once per page, the background counts them per site,
// and the options page shows the counts. A healthy page reports nothing.
import type { Locator } from '@playwright/test'
import { test, expect } from './fixtures.ts'
import { fulfilHtml } from '../../src/devkit/sites/route.ts'
import { standInPosts } from '../../src/devkit/sites/x/index.ts'
import { timelineHtml } from '../../src/devkit/sites/x/page.ts'

/** Long enough for a page to count as settled (the content script waits 2 s of quiet). */
const SETTLED_MS = 3_000

const [post] = standInPosts(1)

/** The text as read, without the Unicode isolates that keep each substituted value in its own direction. */
const plain = (locator: Locator) => locator.innerText().then((text) => text.replace(/[\u2068\u2069]/g, ''))

test('an X page without posts, and posts without an action bar, are counted for the options page', async ({ context, options }) => {
  // A redesign on the post page: the reply button's test id is renamed, so no action bar is found.
  const postPath = `/${post!.author.handle}/status/${post!.id}`
  const redesigned = timelineHtml([post!], 'Post / X').replaceAll('data-testid=\\"reply\\"', 'data-testid=\\"comment\\"')
  await context.route(`https://x.com${postPath}`, (route) => fulfilHtml(route, redesigned))

  const page = await context.newPage()
  await page.goto('https://x.com/home', { waitUntil: 'domcontentloaded' })
  await expect(page.locator('tipline-button').first()).toBeAttached()
  await page.waitForTimeout(SETTLED_MS)
  const dashboard = await options.open()
  await expect(dashboard.getByTestId('selector-health')).toContainText('Tipline has found the posts on every page it expected them.')

  // A timeline whose posts the selectors no longer find.
  await context.route('https://x.com/home', (route) => fulfilHtml(route, timelineHtml([], 'Home / X')))
  await page.reload({ waitUntil: 'domcontentloaded' })
  await expect.poll(() => plain(dashboard.getByTestId('selector-health-x')), { timeout: 15_000 }).toContain('Pages where no posts were found: 1')
  await expect.poll(() => plain(dashboard.getByTestId('selector-health-x'))).toContain('last on /home')

  await page.goto(`https://x.com${postPath}`, { waitUntil: 'domcontentloaded' })
  await expect(page.locator('[data-testid="tweet"]')).toBeAttached()
  await expect.poll(() => plain(dashboard.getByTestId('selector-health-x')), { timeout: 15_000 }).toContain('Pages with posts but no place for the Tip button: 1')
  await expect(page.locator('tipline-button')).toHaveCount(0)

  // Each page load reports once, however long it stays open.
  await page.goto('https://x.com/home', { waitUntil: 'domcontentloaded' })
  await expect.poll(() => plain(dashboard.getByTestId('selector-health-x')), { timeout: 15_000 }).toContain('Pages where no posts were found: 2')
  await page.waitForTimeout(SETTLED_MS + 1_000)
  await expect.poll(() => plain(dashboard.getByTestId('selector-health-x'))).toContain('Pages where no posts were found: 2')
})
