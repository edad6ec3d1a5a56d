// A thousand posts through X's recycling timeline, top to bottom: after every scroll step each
// post on screen has exactly one button, bound to that post; every tippable post got one on the
// way; and the background was asked about tipped marks once per post, in batches, not per row.
import { expect, test, type Page } from '@playwright/test'
import { launchWithExtension, type ExtensionBrowser } from '../../src/devkit/chromium.ts'
import { refuseUnserved } from '../../src/devkit/sites/route.ts'
import { routeXStandIn, standInPosts, POOL_SIZE } from '../../src/devkit/sites/x/index.ts'
import { scrollAndRender } from './pages/standin-rows.ts'

const POSTS = standInPosts(1000)
const byId = new Map(POSTS.map((post) => [post.id, post]))

let browser: ExtensionBrowser

test.beforeEach(async () => {
  browser = await launchWithExtension()
  await refuseUnserved(browser.context)
  await routeXStandIn(browser.context, { posts: POSTS.length })
})
test.afterEach(async () => browser?.context.close())

/** Every message the background receives from now on, recorded beside its own listener. */
async function recordMessages(): Promise<void> {
  await browser.worker.evaluate(() => {
    const seen: unknown[] = []
    Object.assign(globalThis, { tiplineSeen: seen })
    const { chrome } = globalThis as unknown as { chrome: typeof import('webextension-polyfill') }
    chrome.runtime.onMessage.addListener((message: unknown) => {
      seen.push(message)
    })
  })
}

/** For each row on screen, read with the test's own queries: the post it shows and the buttons in it. */
function visibleRows(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-testid="cellInnerDiv"]')]
      .filter((cell) => {
        const box = cell.getBoundingClientRect()
        return !cell.hidden && box.bottom > 0 && box.top < innerHeight
      })
      .map((cell) => ({
        postId: /\/status\/(\d+)$/.exec(cell.querySelector('time')?.closest('a')?.getAttribute('href') ?? '')?.[1] ?? '',
        buttons: [...cell.querySelectorAll<HTMLElement>('tipline-button')].map((b) => `${b.dataset.handle}/${b.dataset.postId}`),
      })),
  )
}

type Row = Awaited<ReturnType<typeof visibleRows>>[number]

/** Rows whose buttons are not exactly what their post calls for; empty once the engine caught up. */
function wrongRows(rows: Row[]): string[] {
  return rows.flatMap((row) => {
    const post = byId.get(row.postId)
    if (!post) return [`a row shows an unknown post ${row.postId}`]
    const expected = post.promoted ? [] : [`${post.author.handle}/${post.id}`]
    return JSON.stringify(row.buttons) === JSON.stringify(expected) ? [] : [`#${post.index}: ${JSON.stringify(row.buttons)}`]
  })
}

test('1,000 recycled posts, scrolled end to end, keep exactly one true button each', async () => {
  test.setTimeout(180_000)
  await recordMessages()
  const page = await browser.context.newPage()
  await page.setViewportSize({ width: 1000, height: 900 })
  await page.goto('https://x.com/home', { waitUntil: 'domcontentloaded' })
  await expect(page.locator('tipline-button').first()).toBeAttached()

  const buttoned = new Set<string>()
  let steps = 0
  for (;;) {
    // One reading of the page is both checked and counted, so a render in between cannot slip through.
    let rows: Row[] = []
    await expect.poll(async () => wrongRows((rows = await visibleRows(page))), { message: `after scroll step ${steps}` }).toEqual([])
    for (const row of rows) if (row.buttons.length) buttoned.add(row.postId)
    expect(await page.locator('tipline-button').count()).toBeLessThanOrEqual(POOL_SIZE)
    if (await page.evaluate(() => innerHeight + scrollY >= document.documentElement.scrollHeight - 2)) break
    // The timeline re-renders on the next frame: the check starts after it.
    await scrollAndRender(page, 850)
    steps++
  }
  expect(steps).toBeGreaterThan(300)
  const tippable = POSTS.filter((post) => !post.promoted).map((post) => post.id)
  expect([...buttoned].sort()).toEqual(tippable.sort())

  // Tipped marks: each post asked about once, a batch at a time; the last screen's batch goes a moment after its pass.
  const askedAbout = () =>
    browser.worker.evaluate(() =>
      ((globalThis as unknown as { tiplineSeen: { tipline?: string; input?: { postIds: string[] } }[] }).tiplineSeen)
        .filter((message) => message.tipline === 'posts.tipped')
        .map((message) => message.input!.postIds),
    )
  await expect.poll(async () => (await askedAbout()).flat().sort()).toEqual(tippable.sort())
  expect((await askedAbout()).length).toBeLessThan(tippable.length / 2)
})
