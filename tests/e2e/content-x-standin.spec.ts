// The X stand-in timeline with the built extension: one Tip button per post, kept true to its
// post while the virtual list recycles rows, and Tip asking the background for a panel.
import { expect, test, type Page, type Worker } from '@playwright/test'
import { launchWithExtension, type ExtensionBrowser } from '../../src/devkit/chromium.ts'
import { refuseUnserved } from '../../src/devkit/sites/route.ts'
import { routeXStandIn, standInPosts, POOL_SIZE } from '../../src/devkit/sites/x/index.ts'
import { escapeTipPanel } from './pages/tip-panel.ts'
import { scrollAndRender, xRows, type XRow } from './pages/standin-rows.ts'

const POSTS = standInPosts(300)

let browser: ExtensionBrowser
let page: Page

test.describe.configure({ mode: 'serial' })

test.beforeAll(async () => {
  browser = await launchWithExtension()
  await refuseUnserved(browser.context)
  await routeXStandIn(browser.context, { posts: POSTS.length })
})
test.afterAll(async () => browser?.context.close())

test.beforeEach(async () => {
  page = await browser.context.newPage()
  await page.setViewportSize({ width: 1000, height: 900 })
  await page.goto('https://x.com/home', { waitUntil: 'domcontentloaded' })
  await expect(page.locator('tipline-button').first()).toBeAttached()
})
test.afterEach(async () => page.close())

const rows = xRows(POSTS)
const visibleRows = (page: Page) => page.evaluate(rows.read)
const wrongRows = async (page: Page) => rows.wrong(await visibleRows(page))

test('every visible post has one Tip button naming its author and post', async () => {
  expect((await visibleRows(page)).length).toBeGreaterThan(2)
  await expect.poll(() => wrongRows(page)).toEqual([])
  const first = page.locator('tipline-button').first()
  await expect(first).toHaveAttribute('data-post-id', POSTS[0]!.id)
  await expect(first.getByRole('button', { name: `Tip ${POSTS[0]!.author.name}` })).toHaveText('Tip')
  await expect(first).toHaveAttribute('data-theme', 'light')
})

test('scrolling through 300 recycled posts keeps exactly one true button on each', async () => {
  const tipped = new Set<string>()
  for (let step = 0; step < 200; step++) {
    await expect.poll(() => wrongRows(page), { message: `after scroll step ${step}` }).toEqual([])
    for (const row of await visibleRows(page)) for (const b of row.buttons) tipped.add(b.postId!)
    expect(await page.locator('tipline-button').count()).toBeLessThanOrEqual(POOL_SIZE)
    const atEnd = await page.evaluate(() => innerHeight + scrollY >= document.documentElement.scrollHeight - 2)
    if (atEnd) break
    // The stand-in re-renders its rows on the next frame: wait for it, or a step could check rows
    // that still show the previous posts and skip the ones scrolled past.
    await scrollAndRender(page, 700)
  }
  const tippable = POSTS.filter((post) => !post.promoted).map((post) => post.id)
  expect([...tipped].sort()).toEqual(tippable.sort())
})

test('a jump down the timeline shows its posts with their buttons in the same frame', async () => {
  // Two screens at a time, past the rows the stand-in renders ahead (as X does), so every row on
  // screen after the jump was filled in that very frame. A frame callback the page asks for after the
  // stand-in asked for its render runs after the render, before the frame is painted: it reads the
  // rows as they will be painted. A button added a frame later would miss it.
  const jumpAndReadPaintedRows = `new Promise((done) => {
    addEventListener('scroll', () => requestAnimationFrame(() => done((${rows.read.toString()})())), { once: true })
    scrollBy(0, 1800)
  })`
  let seen = 0
  for (let step = 0; step < 20; step++) {
    const painted = (await page.evaluate(jumpAndReadPaintedRows)) as XRow[]
    expect(rows.wrong(painted), `after jump ${step}`).toEqual([])
    seen += painted.length
  }
  expect(seen).toBeGreaterThan(20 * 2)
})

test('a change right after a pass, in the same frame, is looked at in the next frame', async () => {
  // Two visible posts' permalinks point at other posts: the first in a frame callback (looked at at
  // once), the second in a task right after it, before the next frame (left for that frame).
  const repointed = await page.evaluate(() => new Promise<string[]>((done) => {
    const links = [...document.querySelectorAll('article a[href*="/status/"]:has(> time)')].slice(0, 2)
    const ids = ['999000000000000001', '999000000000000002']
    const repoint = (i: number) => links[i]!.setAttribute('href', `/someone_else/status/${ids[i]}`)
    requestAnimationFrame(() => {
      repoint(0)
      setTimeout(() => {
        repoint(1)
        requestAnimationFrame(() => requestAnimationFrame(() => done(links.map((link) => link.closest('article')!.querySelector('tipline-button')!.getAttribute('data-post-id')!))))
      })
    })
  }))
  expect(repointed).toEqual(['999000000000000001', '999000000000000002'])
})

test('a recycled row keeps its button element, re-pointed at the new post', async () => {
  // Marked from the page side: the same element must follow the new post, not a second button
  // appear beside a stale one.
  const first = page.locator('tipline-button').first()
  await first.evaluate((host) => host.setAttribute('data-test-mark', 'first'))
  const next = POSTS[POOL_SIZE]!
  expect(next.promoted).toBe(false)
  // The top row of the pool is reused for post POOL_SIZE once a few rows have scrolled away.
  await page.evaluate((y) => scrollTo(0, y), 5 * 300)
  const marked = page.locator('tipline-button[data-test-mark="first"]')
  await expect(marked).toHaveAttribute('data-post-id', next.id)
  await expect(marked).toHaveAttribute('data-handle', next.author.handle)
  await expect(marked.getByRole('button')).toHaveAccessibleName(`Tip ${next.author.name}`)
  await expect(page.locator(`tipline-button[data-post-id="${POSTS[0]!.id}"]`)).toHaveCount(0)
})

/** The worker's chrome global, typed like the polyfill it mirrors, for code that runs in the worker. */
type ExtensionApi = typeof import('webextension-polyfill')

/** Record every message the background receives, without answering. */
async function recordMessages(worker: Worker): Promise<void> {
  await worker.evaluate(() => {
    const seen: unknown[] = []
    Object.assign(globalThis, { tiplineSeen: seen })
    const { chrome } = globalThis as unknown as { chrome: ExtensionApi }
    chrome.runtime.onMessage.addListener((message: unknown) => {
      seen.push(message)
    })
  })
}

test("a button taken off a row that turns into an ad comes back, working, on that row's next post", async () => {
  // Pool row 4 shows posts 12, 20 (an ad) and 28 in turn; none of 13–27 is another ad.
  const [before, ad, after] = [12, 20, 28].map((index) => POSTS[index]!)
  expect([before!.promoted, ad!.promoted, after!.promoted]).toEqual([false, true, false])
  await recordMessages(browser.worker)
  const showFrom = (index: number) => page.evaluate((y) => scrollTo(0, y), (index + 2) * 300)
  await showFrom(8)
  const marked = page.locator('tipline-button[data-test-mark="reused"]')
  await page.locator(`tipline-button[data-post-id="${before!.id}"]`).evaluate((host) => host.setAttribute('data-test-mark', 'reused'))
  await showFrom(16)
  await expect(page.locator(`[data-index="${ad!.index}"] article`)).toBeVisible()
  await expect(marked).toHaveCount(0)
  await expect(page.locator(`[data-index="${ad!.index}"] tipline-button`)).toHaveCount(0)
  await showFrom(24)
  await expect(marked).toHaveAttribute('data-post-id', after!.id)
  await expect(page.locator(`[data-index="${after!.index}"] tipline-button`)).toHaveCount(1)
  await expect(marked.getByRole('button')).toHaveAccessibleName(`Tip ${after!.author.name}`)
  await marked.getByRole('button').click()
  await expect
    .poll(() => browser.worker.evaluate(() => (globalThis as unknown as { tiplineSeen: { input?: { post?: { postId?: string } } }[] }).tiplineSeen))
    .toContainEqual(expect.objectContaining({ tipline: 'panel.open', input: expect.objectContaining({ post: expect.objectContaining({ postId: after!.id }) }) }))
})

test('Tip asks the background to open a panel for exactly that post', async () => {
  await recordMessages(browser.worker)
  const post = POSTS.find((p) => p.repostedBy && !p.promoted)!
  await page.evaluate((index) => scrollTo(0, index * 300), post.index)
  const button = page.locator(`tipline-button[data-post-id="${post.id}"]`).getByRole('button')
  await button.click()
  await expect
    .poll(() => browser.worker.evaluate(() => (globalThis as unknown as { tiplineSeen: unknown[] }).tiplineSeen))
    .toContainEqual({
      tipline: 'panel.open',
      input: {
        post: {
          site: 'x',
          handle: post.author.handle,
          postId: post.id,
          postUrl: `https://x.com/${post.author.handle}/status/${post.id}`,
          displayName: post.author.name,
          // A repost: the original's words, read as Tip was pressed.
          excerpt: { text: post.text, lang: post.lang },
        },
      },
    })
  await expect(page).toHaveURL('https://x.com/home')
})

test('Tip opens one tip panel over the post; Escape, a click outside and panel.remove take it away', async () => {
  const panel = page.locator('tipline-panel')
  const panelPage = `chrome-extension://${browser.extensionId}/src/extension/panel/index.html#`
  const openToken = () => page.frames().find((frame) => frame.url().startsWith(panelPage))?.url().slice(panelPage.length)
  const tip = page.locator('tipline-button').first().getByRole('button')

  await tip.click()
  await expect(panel).toHaveCount(1)
  await expect.poll(openToken).toMatch(/.+/)
  const box = (await panel.boundingBox())!
  expect(box.width).toBe(320)
  expect(box.y).toBeGreaterThanOrEqual(0)
  expect(box.y + box.height).toBeLessThanOrEqual(900)
  await escapeTipPanel(page)

  // From the keyboard, and only one panel at a time.
  await tip.focus()
  await page.keyboard.press('Enter')
  await expect.poll(openToken).toMatch(/.+/)
  const first = openToken()
  await page.locator('tipline-button').nth(1).getByRole('button').click()
  await expect.poll(openToken).not.toBe(first)
  await expect(panel).toHaveCount(1)
  await page.mouse.click(5, 5)
  await expect(panel).toHaveCount(0)

  // What the background sends when the panel asks to close (panel.close → panel.remove).
  await tip.click()
  await expect.poll(openToken).toMatch(/.+/)
  const removePanel = (token: string) =>
    browser.worker.evaluate(async (token) => {
      const { chrome } = globalThis as unknown as { chrome: ExtensionApi }
      for (const tab of await chrome.tabs.query({ url: 'https://x.com/*' })) {
        await chrome.tabs.sendMessage(tab.id!, { type: 'panel.remove', token }).catch(() => undefined)
      }
    }, token)
  await removePanel('some-other-panel')
  await expect(panel).toHaveCount(1)
  await removePanel(openToken()!)
  await expect(panel).toHaveCount(0)
})

test("Escape hands focus back to the tipped post's button, never to a recycled row's new post", async () => {
  const focusedPostId = () =>
    page.evaluate(() => (document.activeElement?.localName === 'tipline-button' ? (document.activeElement as HTMLElement).dataset.postId : document.activeElement?.localName))
  const first = POSTS[0]!
  const tip = page.locator(`tipline-button[data-post-id="${first.id}"]`)
  const openFromKeyboard = async () => {
    await tip.getByRole('button').focus()
    await page.keyboard.press('Enter')
    await expect.poll(focusedPostId).toBe('tipline-panel')
  }
  // The top row shows post POOL_SIZE once a few rows have scrolled away (see the recycled-row test).
  const scrollAway = async () => {
    await page.evaluate((y) => scrollTo(0, y), 5 * 300)
    await expect(page.locator(`tipline-button[data-post-id="${POSTS[POOL_SIZE]!.id}"]`)).toBeAttached()
    await expect(tip).toHaveCount(0)
  }

  // Scrolled away and back, the post is under its button again: focus goes there.
  await openFromKeyboard()
  await scrollAway()
  await page.evaluate(() => scrollTo(0, 0))
  await expect(tip).toBeAttached()
  await escapeTipPanel(page)
  await expect.poll(focusedPostId).toBe(first.id)

  // Still away: the button it came from now tips someone else, so focus goes to none.
  await openFromKeyboard()
  await scrollAway()
  await escapeTipPanel(page)
  await expect.poll(focusedPostId).toBe('body')
})

test('the button sits in the action bar row and follows the site between light and dark', async () => {
  const bar = page.locator('[role="group"]').first()
  const host = bar.locator('tipline-button')
  const [barBox, hostBox, replyBox] = await Promise.all([bar, host, bar.getByTestId('reply')].map((l) => l.boundingBox()))
  expect(hostBox!.x + hostBox!.width).toBeLessThanOrEqual(barBox!.x + barBox!.width + 0.5)
  expect(Math.abs(hostBox!.y + hostBox!.height / 2 - (replyBox!.y + replyBox!.height / 2))).toBeLessThanOrEqual(2)
  expect(hostBox!.height).toBeLessThanOrEqual(barBox!.height)

  await expect(host).toHaveAttribute('data-theme', 'light')
  await page.evaluate(() => {
    document.body.style.backgroundColor = 'rgb(0, 0, 0)'
  })
  await expect(host).toHaveAttribute('data-theme', 'dark')
})

/** Where the first post's Tip button, views count and bookmark are, and whether the button shows its text. */
function firstBarLayout(page: Page) {
  return page.evaluate(() => {
    const bar = document.querySelector('[role="group"]')!
    const button = bar.querySelector('tipline-button')!.shadowRoot!.querySelector('button')!
    const box = (el: Element) => {
      const { left, right, top, bottom } = el.getBoundingClientRect()
      return { left, right, top, bottom }
    }
    const views = bar.querySelector('a[href$="/analytics"]')!
    const tip = box(button)
    return {
      tip,
      views: box(views),
      bookmark: box(bar.querySelector('[data-testid="bookmark"]')!),
      showsText: button.querySelector('.label')!.getBoundingClientRect().width > 0,
      name: button.getAttribute('aria-label'),
      // Clicks in the room beside the button reach the page: what lies just before the button there.
      beforeButton: document.elementFromPoint(tip.left - 2, (tip.top + tip.bottom) / 2)?.localName,
    }
  })
}

test('Tip fits the room after the views count: its text where there is room, its icon where not, over no control', async () => {
  const post = POSTS[0]!
  const wide = await firstBarLayout(page)
  expect(wide.showsText).toBe(true)
  expect(wide.tip.left).toBeGreaterThanOrEqual(wide.views.right)
  expect(wide.tip.right).toBeLessThanOrEqual(wide.bookmark.left)
  expect(wide.beforeButton).not.toBe('tipline-button')

  // A narrower window: X's column, and with it the bar, shrink (on X's own CSS, below about 400px even the icon has no room).
  await page.addStyleTag({ content: 'main { width: 500px !important; }' })
  await expect.poll(async () => (await firstBarLayout(page)).showsText).toBe(false)
  const narrow = await firstBarLayout(page)
  expect(narrow.tip.left).toBeGreaterThanOrEqual(narrow.views.right)
  expect(narrow.tip.right).toBeLessThanOrEqual(narrow.bookmark.left)
  expect(narrow.tip.right - narrow.tip.left).toBeGreaterThanOrEqual(20)
  // Its name still says what it does and for whom.
  expect(narrow.name).toBe(`Tip ${post.author.name}`)
})

test('on X in Arabic the button lays out right to left', async () => {
  const rtl = await browser.context.newPage()
  await routeXStandIn(rtl, { posts: 20, language: 'ar' })
  await rtl.goto('https://x.com/home', { waitUntil: 'domcontentloaded' })
  const bar = rtl.locator('[role="group"]').first()
  const host = bar.locator('tipline-button')
  await expect(host).toHaveAttribute('data-post-id', POSTS[0]!.id)
  expect(await host.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl')
  const [hostBox, replyBox] = await Promise.all([host.boundingBox(), bar.getByTestId('reply').boundingBox()])
  // The row starts at the right, so the button (last in the row) ends up leftmost.
  expect(hostBox!.x + hostBox!.width).toBeLessThanOrEqual(replyBox!.x)
  // Between the views count and bookmark, mirrored.
  const { tip, views, bookmark } = await firstBarLayout(rtl)
  expect(tip.right).toBeLessThanOrEqual(views.left)
  expect(tip.left).toBeGreaterThanOrEqual(bookmark.right)
  await rtl.close()
})

test('a post page has its one button too', async () => {
  const post = POSTS.find((p) => p.quoted && !p.promoted)!
  await page.goto(`https://x.com/${post.author.handle}/status/${post.id}`, { waitUntil: 'domcontentloaded' })
  await expect(page.locator('tipline-button')).toHaveCount(1)
  await expect(page.locator('tipline-button')).toHaveAttribute('data-post-id', post.id)
  await expect(page.locator('tipline-button')).toHaveAttribute('data-handle', post.author.handle)
})
