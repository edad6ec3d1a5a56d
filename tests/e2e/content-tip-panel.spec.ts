// What the tip panel shows of the post it opened for, read from the page when the reader presses
// Tip: the post's own first words (never a quoted post's), in the post's language, so a right-to-left
// post reads right to left; and a frame as tall as the panel's content.
import type { Frame, Locator, Page } from '@playwright/test'
import { BLUESKY_ROW_HEIGHT, blueskyPosts } from '../../src/devkit/sites/bluesky/index.ts'
import { mastodonStatuses } from '../../src/devkit/sites/mastodon/index.ts'
import { standInPosts } from '../../src/devkit/sites/x/posts.ts'
import { expect, test } from './fixtures.ts'
import { escapeTipPanel } from './pages/tip-panel.ts'
import { XPost } from './pages/x-timeline.ts'

const PANEL_PAGE = '/src/extension/panel/index.html'

/** Presses this Tip (or Send) button and returns the panel it opens (the only one on the page). */
async function openPanel(page: Page, host: Locator): Promise<Frame> {
  await host.getByRole('button').click()
  const panel = await new XPost(page, host).panel()
  await expect(panel.locator('#panel-title')).toBeVisible()
  return panel
}

/** The Tip button under the post with this id. */
const tipOf = (page: Page, postId: string) => page.locator(`tipline-button[data-post-id="${postId}"]`)

async function closePanel(page: Page): Promise<void> {
  await escapeTipPanel(page)
  await expect.poll(() => page.frames().filter((frame) => frame.url().includes(PANEL_PAGE)).length).toBe(0)
}

/** The excerpt's words, its lang attribute and the direction it is laid out in. */
function excerptIn(panel: Frame): Promise<{ text: string; lang: string | null; direction: string } | null> {
  return panel.evaluate(() => {
    const quote = document.querySelector('[data-testid="post-excerpt"]')
    return quote && { text: quote.textContent ?? '', lang: quote.getAttribute('lang'), direction: getComputedStyle(quote).direction }
  })
}

test('on X, the panel quotes the post it tips: its own words, in its language', async ({ context }) => {
  const posts = standInPosts(300)
  const plain = posts.find((p) => !p.quoted && !p.promoted && p.lang === 'en')!
  const arabic = posts.find((p) => p.lang === 'ar' && !p.promoted && !p.quoted)!
  const quoting = posts.find((p) => p.quoted && !p.promoted)!
  const page = await context.newPage()
  await page.setViewportSize({ width: 1000, height: 900 })
  await page.goto('https://x.com/home', { waitUntil: 'domcontentloaded' })

  for (const [post, direction] of [
    [plain, 'ltr'],
    [arabic, 'rtl'],
    [quoting, 'ltr'],
  ] as const) {
    await tipOf(page, post.id).scrollIntoViewIfNeeded()
    const panel = await openPanel(page, tipOf(page, post.id))
    expect(await excerptIn(panel), `post #${post.index + 1}`).toEqual({ text: post.text, lang: post.lang, direction })
    if (post.quoted) expect(post.text).not.toContain(post.quoted.text)
    await closePanel(page)
  }
})

/** A shared post and a quoting one from each feed stand-in: where it is and what the panel must quote. */
const SHARED_AND_QUOTING = [
  {
    site: 'Mastodon',
    url: 'https://mastodon.social/home',
    posts: ((all) => [all.find((s) => s.boostedBy && !s.quoted)!, all.find((s) => s.quoted && !s.boostedBy)!])(mastodonStatuses(300)).map((s) => ({
      id: s.id,
      text: s.text,
      lang: s.lang,
      top: null,
    })),
  },
  {
    site: 'Bluesky',
    url: 'https://bsky.app/',
    // Its rows are mounted only near the viewport: scroll to where the post's row is.
    posts: ((all) => [all.find((p) => p.repostedBy && !p.quoted)!, all.find((p) => p.quoted && !p.repostedBy)!])(blueskyPosts(300)).map((p) => ({
      id: p.rkey,
      text: p.text,
      lang: p.lang,
      top: p.index * BLUESKY_ROW_HEIGHT,
    })),
  },
]

for (const { site, url, posts } of SHARED_AND_QUOTING) {
  test(`on ${site}, a boost or repost quotes the original post, and a quote only the quoting one`, async ({ context }) => {
    const page = await context.newPage()
    await page.setViewportSize({ width: 1000, height: 900 })
    await page.goto(url, { waitUntil: 'domcontentloaded' })
    for (const post of posts) {
      if (post.top === null) await tipOf(page, post.id).scrollIntoViewIfNeeded()
      else await page.evaluate((y) => scrollTo(0, y), post.top)
      const panel = await openPanel(page, tipOf(page, post.id))
      expect(await excerptIn(panel), `post ${post.id}`).toEqual({ text: post.text, lang: post.lang, direction: post.lang === 'ar' ? 'rtl' : 'ltr' })
      await closePanel(page)
    }
  })
}

test("a profile's Send names the person and quotes no post", async ({ context }) => {
  const page = await context.newPage()
  await page.goto('https://x.com/nour_writes', { waitUntil: 'domcontentloaded' })
  const panel = await openPanel(page, page.locator('tipline-button[data-kind="send"]'))
  await expect(panel.locator('#panel-title')).toContainText('Nour')
  expect(await excerptIn(panel)).toBeNull()
})

test('the panel frame is as tall as its content', async ({ context }) => {
  const page = await context.newPage()
  await page.setViewportSize({ width: 1000, height: 900 })
  await page.goto('https://x.com/home', { waitUntil: 'domcontentloaded' })
  const panel = await openPanel(page, tipOf(page, standInPosts(1)[0]!.id))
  // Nothing of the panel is out of view, and the frame leaves no empty band under it.
  const room = () => panel.evaluate(() => innerHeight - Math.ceil(document.getElementById('app')!.getBoundingClientRect().height))
  await expect.poll(room).toBeGreaterThanOrEqual(0)
  await expect.poll(room).toBeLessThanOrEqual(1)
})
