// The Bluesky stand-in with the built extension: one Tip button per post, naming the post's author
// (not a reposter, not a quoted author), none on notification rows without controls, kept true
// while the feed mounts and unmounts rows and loads page after page; and a tip that reaches the API.
import { expect, test as standIn, type Page } from '@playwright/test'
import { launchWithExtension, type ExtensionBrowser } from '../../src/devkit/chromium.ts'
import { refuseUnserved } from '../../src/devkit/sites/route.ts'
import { BLUESKY_ROW_HEIGHT, blueskyNotifications, blueskyPosts, routeBlueskyStandIn, type BlueskyPost } from '../../src/devkit/sites/bluesky/index.ts'
import { test } from './fixtures.ts'
import { blueskyRows, scrollAndRender } from './pages/standin-rows.ts'
import { XPost } from './pages/x-timeline.ts'

const POSTS = blueskyPosts(300)

let browser: ExtensionBrowser
let page: Page

standIn.describe.configure({ mode: 'serial' })

standIn.beforeAll(async () => {
  browser = await launchWithExtension()
  await refuseUnserved(browser.context)
  await routeBlueskyStandIn(browser.context, { posts: POSTS.length })
})
standIn.afterAll(async () => browser?.context.close())

async function open(path: string): Promise<Page> {
  page = await browser.context.newPage()
  await page.setViewportSize({ width: 1000, height: 900 })
  await page.goto(`https://bsky.app${path}`, { waitUntil: 'domcontentloaded' })
  return page
}
standIn.afterEach(async () => page?.close())

const rows = blueskyRows(POSTS)
const visibleRows = (page: Page) => page.evaluate(rows.read)
const wrongRows = async (page: Page) => rows.wrong(await visibleRows(page))

const at = (kind: (post: BlueskyPost) => boolean) => POSTS.find(kind)!

standIn('every visible post has one Tip button naming its author and post', async () => {
  await open('/')
  await expect(page.locator('tipline-button').first()).toBeAttached()
  expect((await visibleRows(page)).length).toBeGreaterThan(2)
  await expect.poll(() => wrongRows(page)).toEqual([])
  const first = page.locator('tipline-button').first()
  await expect(first).toHaveAttribute('data-site', 'bluesky')
  await expect(first).toHaveAttribute('data-handle', 'nour.example.com') // a custom-domain handle
  await expect(first).toHaveAttribute('data-post-id', POSTS[0]!.rkey)
  await expect(first.getByRole('button', { name: `Tip ${POSTS[0]!.author.name}` })).toHaveText('Tip')
})

standIn('a repost pays its author and a quoting post its own author, never the quoted one', async () => {
  await open('/')
  const repost = at((p) => !!p.repostedBy && p.repostedBy.handle !== p.author.handle && !p.quoted)
  const quote = at((p) => !!p.quoted && p.quoted.author.handle !== p.author.handle && !p.repostedBy)
  const selfQuote = at((p) => !!p.quoted && p.quoted.author.handle === p.author.handle && !p.repostedBy)
  for (const post of [repost, quote, selfQuote]) {
    await page.evaluate((y) => scrollTo(0, y), post.index * BLUESKY_ROW_HEIGHT)
    const row = page.locator(`[data-testid="feedItem-by-${post.author.handle}"]`).filter({ has: page.locator(`a[href="/profile/${post.author.handle}/post/${post.rkey}"]`) })
    await expect(row.locator('tipline-button')).toHaveCount(1)
    await expect(row.locator('tipline-button')).toHaveAttribute('data-handle', post.author.handle)
    await expect(row.locator('tipline-button')).toHaveAttribute('data-post-id', post.rkey)
    await expect(row.locator('[aria-label^="Post by"] tipline-button')).toHaveCount(0)
  }
  await expect(page.locator(`tipline-button[data-handle="${repost.repostedBy!.handle}"][data-post-id="${repost.rkey}"]`)).toHaveCount(0)
  await expect(page.locator(`tipline-button[data-post-id="${quote.quoted!.rkey}"]`)).toHaveCount(0)
})

standIn('scrolling through 300 posts, mounted, unmounted and loaded page by page, keeps one true button on each', async () => {
  await open('/')
  await expect(page.locator('tipline-button').first()).toBeAttached()
  const tipped = new Set<string>()
  for (let step = 0; step < 300; step++) {
    await expect.poll(() => wrongRows(page), { message: `after scroll step ${step}` }).toEqual([])
    for (const row of await visibleRows(page)) tipped.add(row.key!)
    // Every button sits in a mounted row: unmounted rows took theirs with them.
    await expect
      .poll(() => page.evaluate(() => document.querySelectorAll('tipline-button').length - document.querySelectorAll('[data-testid^="feedItem-by-"]').length))
      .toBe(0)
    const atEnd = await page.evaluate(() => innerHeight + scrollY >= document.documentElement.scrollHeight - 2)
    if (atEnd && tipped.size === POSTS.length) break
    await scrollAndRender(page, 700)
  }
  expect(tipped.size).toBe(POSTS.length)
})

standIn('notification rows get no button; a reply in them is a post and gets one', async () => {
  await open('/notifications')
  const replies = blueskyNotifications(POSTS).filter((n) => n.post)
  await expect(page.locator('[data-testid^="feedItem-by-"]')).toHaveCount(8)
  await expect(page.locator('tipline-button')).toHaveCount(replies.length)
  for (const reply of replies) {
    await expect(page.locator(`tipline-button[data-handle="${reply.author.handle}"][data-post-id="${reply.post!.rkey}"]`)).toHaveCount(1)
  }
})

standIn('a thread has one button per post, the focused one named by the page address', async () => {
  const anchor = at((p) => !!p.quoted && !p.repostedBy && p.index > 3)
  await open(`/profile/${anchor.author.handle}/post/${anchor.rkey}`)
  const thread = [POSTS[anchor.index + 1]!, anchor, POSTS[anchor.index + 2]!, POSTS[anchor.index + 3]!]
  await expect(page.locator('tipline-button')).toHaveCount(4)
  const shown = await page.locator('tipline-button').evaluateAll((hosts) =>
    hosts.map((host) => ({ handle: host.dataset.handle, postId: host.dataset.postId, row: host.closest('[data-testid]')?.getAttribute('data-testid') })),
  )
  expect(shown).toEqual(thread.map((p) => ({ handle: p.author.handle, postId: p.rkey, row: `postThreadItem-by-${p.author.handle}` })))
})

standIn('on a profile, the owner’s reposts pay the original authors', async () => {
  await open('/profile/sam.bsky.social')
  await expect(page.locator('tipline-button').first()).toBeAttached()
  const rows = POSTS.filter((p) => (p.repostedBy ? p.repostedBy.handle : p.author.handle) === 'sam.bsky.social').slice(0, 2)
  for (const post of rows) {
    await expect(page.locator(`tipline-button[data-post-id="${post.rkey}"]`)).toHaveAttribute('data-handle', post.author.handle)
  }
  await expect.poll(() => wrongRows(page)).toEqual([])
})

test('a tip under a Bluesky post lowers the balance and reaches the creator', async ({ context, popup, options }) => {
  await popup.topUp('10.00')
  await popup.open()
  await expect(popup.balance).toHaveText('$10.00')
  const feed = await context.newPage()
  await feed.goto('https://bsky.app/', { waitUntil: 'domcontentloaded' })
  const post = new XPost(feed, feed.locator('tipline-button[data-handle="nour.example.com"]').first())
  await post.tip('2.00', 'Thanks from Bluesky')
  await expect((await post.panel()).getByTestId('panel-status')).toContainText('$2.00')

  await popup.open()
  await expect(popup.balance).toHaveText('$8.00', { timeout: 20_000 })
  await options.claim('bluesky', 'nour.example.com')
  await expect(options.tipsReceived).toContainText('nour.example.com')
  await expect(options.tipsReceived).toContainText('Thanks from Bluesky')
})
