// Pay on the Bluesky and Mastodon stand-ins, on a post that links to a product page: it takes its
// place without moving anything (it shows once its price arrives, after the Tip button is in
// place), covers neither Tip nor any of the bar's controls nor the post's header and text, stays
// inside its post, and is a named button the keyboard reaches and presses into hosted checkout;
// it goes when the feed lets its post go (Bluesky unmounts the row, Mastodon renders it hidden)
// and comes back with the post.
// On Mastodon it follows Tip in the action bar; Bluesky's bar has no room left after Tip, so it
// follows the timestamp in the header row, and on a thread's focused post (whose date is not a
// link) the date line, which ends in empty room, even where the post quotes another.
import type { BrowserContext, Locator } from '@playwright/test'
import { test, expect } from './fixtures.ts'
import { blueskyPosts, routeBlueskyStandIn, shortUrl, type BlueskyPost } from '../../src/devkit/sites/bluesky/index.ts'
import { routeMastodonStandIn } from '../../src/devkit/sites/mastodon/index.ts'
import { boxesOf, countLayoutShifts, inside, layoutShift, overlap, sellZine, ZINE } from './pages/pay-post.ts'

interface Site {
  name: string
  /** Serves the stand-in with its first post linking to pageUrl; returns the feed's address. */
  serve(context: BrowserContext, pageUrl: string): Promise<string>
  /** A post, as the extension's adapter finds one. */
  post: string
  /** The post's parts Pay must leave uncovered: its action bar's controls, header links and text. */
  uncovered: string
  /** The control just before Pay in the keyboard's order. */
  beforePay(post: Locator): Locator
  /** The post is the one served with the link, and links to pageUrl the way the site marks up a link in a post's text. */
  expectPost(post: Locator, pageUrl: string): Promise<void>
}

const SITES: Site[] = [
  {
    name: 'Bluesky',
    async serve(context, pageUrl) {
      await routeBlueskyStandIn(context, { links: { 0: pageUrl } })
      return 'https://bsky.app/'
    },
    post: '[data-testid^="feedItem-by-"]',
    uncovered: '[data-testid$="Btn"], a[href^="/profile/"], [data-testid="postText"]',
    beforePay: (post) => post.locator('a[href*="/post/"]').first(),
    expectPost: expectBlueskyLink,
  },
  {
    name: 'Mastodon',
    async serve(context, pageUrl) {
      await routeMastodonStandIn(context, 'mastodon.social', { links: { 0: pageUrl } })
      return 'https://mastodon.social/home'
    },
    post: '.status[data-id]',
    uncovered: '.status__action-bar__button, .status__info a, .status__content',
    beforePay: (post) => post.locator('tipline-button').getByRole('button'),
    async expectPost(post, pageUrl) {
      // The scheme hidden, 30 characters shown with an ellipsis after them, the rest hidden.
      const link = post.locator('.status__content a')
      await expect(link).toHaveAttribute('href', pageUrl)
      await expect(link).toHaveAttribute('rel', 'nofollow noopener')
      await expect(link).toHaveAttribute('target', '_blank')
      const address = pageUrl.replace(/^http:\/\//, '')
      await expect(link.locator('.invisible').first()).toHaveText('http://')
      await expect(link.locator('.ellipsis')).toHaveText(address.slice(0, 30))
      await expect(link.locator('.invisible').last()).toHaveText(address.slice(30))
    },
  },
]

/**
 * A post of the feed focused on its own thread page (one parent above it, two replies below). Its
 * own date is not a link; a quoted post's is, and must not draw Pay into the quote.
 */
function blueskyThread(name: string, focused: BlueskyPost): Site {
  return {
    name,
    async serve(context, pageUrl) {
      await routeBlueskyStandIn(context, { links: { [focused.index]: pageUrl } })
      return `https://bsky.app/profile/${focused.author.handle}/post/${focused.rkey}`
    },
    post: '[data-testid^="postThreadItem-by-"]',
    // A quoted post's card, and the date line: it is not a link on the focused post.
    uncovered: '[data-testid$="Btn"], a[href^="/profile/"], [data-testid="postText"], [aria-label^="Post by"], [data-testid="contentHider-post"] ~ div [dir="auto"]',
    // The product link, or the quoted post's timestamp after it: the post's last link.
    beforePay: (post) => post.getByRole('link').last(),
    async expectPost(post, pageUrl) {
      await expectBlueskyLink(post, pageUrl)
      // The focused post: no permalink of its own, only a quoted post's; its author read from the
      // one link that holds the name and the handle.
      await expect(post.locator(`a[href$="/post/${focused.rkey}"]`)).toHaveCount(0)
      await expect(post.locator('tipline-button').getByRole('button')).toHaveAccessibleName(`Tip ${focused.author.name}`)
      await expect(post.locator('a[href*="/post/"]')).toHaveCount(focused.quoted ? 1 : 0)
    },
  }
}

const FEED = blueskyPosts(10)
const BLUESKY_THREADS = [
  blueskyThread("a Bluesky thread's focused post", FEED.find((post) => !post.quoted && !post.repostedBy)!),
  blueskyThread("a Bluesky thread's focused post that quotes another", FEED.find((post) => post.quoted)!),
]

/** The whole address in the href; the text shortened as the composer wrote it into the post. */
async function expectBlueskyLink(post: Locator, pageUrl: string): Promise<void> {
  const link = post.getByTestId('postText').getByRole('link')
  await expect(link).toHaveAttribute('href', pageUrl)
  await expect(link).toHaveText(/^127\.0\.0\.1:\d+\/p\/.{10}\.\.\.$/)
  await expect(link).toHaveText(shortUrl(pageUrl))
}

for (const site of [...SITES, ...BLUESKY_THREADS]) {
  test(`Pay on ${site.name} takes its place without moving anything or covering the post, and works from the keyboard`, async ({ context, options }) => {
    const pageUrl = await sellZine(context, options)
    await context.addInitScript(countLayoutShifts)
    const feed = await context.newPage()
    await feed.goto(await site.serve(context, pageUrl), { waitUntil: 'domcontentloaded' })

    const post = feed.locator(site.post).filter({ has: feed.locator('tipline-pay') })
    const tip = post.locator('tipline-button').getByRole('button')
    const pay = post.locator('tipline-pay').getByRole('button', { name: `Pay $15.00 for ${ZINE.title}` })
    await site.expectPost(post, pageUrl)
    await expect(pay).toBeVisible()
    await expect(pay).toHaveText('Pay $15.00')
    await expect(feed.locator('tipline-pay')).toHaveCount(1)
    await expect(tip).toBeVisible()
    expect(await layoutShift(feed)).toBe(0)

    // Over nothing of the post's (Tip, the bar's controls, the header, the text), and within its box.
    const payBox = (await pay.boundingBox())!
    const parts = await boxesOf(post.locator(site.uncovered))
    expect(parts.length).toBeGreaterThanOrEqual(7)
    for (const box of [(await tip.boundingBox())!, ...parts]) expect(overlap(payBox, box)).toBe(false)
    expect(inside(payBox, (await post.boundingBox())!)).toBe(true)

    // Tab from the control before it reaches Pay; Enter opens the product's hosted checkout.
    await site.beforePay(post).focus()
    await feed.keyboard.press('Tab')
    await expect(pay).toBeFocused()
    const checkout = context.waitForEvent('page')
    await feed.keyboard.press('Enter')
    await expect(await checkout).toHaveURL(/\/c\/pay\/cs_/)
  })
}

for (const site of SITES) {
  test(`Pay on ${site.name} leaves with its post when the feed lets the post go, and comes back with it`, async ({ context, options }) => {
    const pageUrl = await sellZine(context, options)
    const feed = await context.newPage()
    await feed.goto(await site.serve(context, pageUrl), { waitUntil: 'domcontentloaded' })
    const pay = feed.locator('tipline-pay').getByRole('button', { name: `Pay $15.00 for ${ZINE.title}` })
    await expect(pay).toBeVisible()

    // Far enough down that Bluesky unmounts the first post's row and Mastodon renders its article hidden.
    await feed.evaluate(() => scrollTo(0, 3000))
    await expect(feed.locator('tipline-pay')).toHaveCount(0)

    await feed.evaluate(() => scrollTo(0, 0))
    await expect(pay).toBeVisible()
    await expect(feed.locator('tipline-pay')).toHaveCount(1)
    await expect(feed.locator(site.post).filter({ has: feed.locator('tipline-pay') })).toHaveCount(1)
  })
}
