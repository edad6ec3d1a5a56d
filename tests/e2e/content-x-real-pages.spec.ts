// The X adapter against real saved X pages (shared/sites/x, scripts stripped) with the built
// extension: one Tip button per real post, none in a quoted post, each naming the post it is under.
// Expected counts and (handle, post id) pairs were read out of the HTML by hand, not by the adapter.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { launchWithExtension, type ExtensionBrowser } from '../../src/devkit/chromium.ts'
import { refuseUnserved, routeSavedPage } from '../../src/devkit/sites/route.ts'

const SAVED = resolve(import.meta.dirname, '../../../shared/sites/x')

interface SavedPage {
  /** Articles with an action bar, quoted posts not counted. */
  posts: number
  theme: 'light' | 'dark'
  /** (handle, post id) pairs that must each have their button. */
  tipped: [string, string][]
  /** Handles on the page that must get no button: quoted authors, reposters, mentions. */
  untipped: string[]
  /** The file's own markup nests the action bar inside the quoted post's box (a hand-made fixture). */
  barInsideQuoteBox?: true
  /** The file keeps X's stylesheets, so its bars are laid out as on X (the snippets and the Article page stack them). */
  laidOutAsOnX?: true
  /**
   * The narrowest window its bars are checked in. Where X shows the views count, the icon after it
   * has room down to about 420px; where X hides the count (narrow windows, some posts), the room
   * starts after the like button instead, and holds down to 400px.
   */
  narrowestPx?: number
}

const PAGES: Record<string, SavedPage> = {
  'cpft-pr777-home-timeline-2025-11.html': {
    laidOutAsOnX: true,
    narrowestPx: 400,
    posts: 20,
    theme: 'dark',
    tipped: [
      ['will__price', '1991602883645829145'], // a repost: "hdf reposted", paid to the author
      ['hasufl', '1991475453887217692'], // quotes another post
      ['ThinkingUSD', '1991602309667885293'],
    ],
    untipped: ['PaikCapital', 'enzo_gte'], // the reposter's link, the quoted author
  },
  'cpft-pr777-profile-badlogicgames.html': {
    laidOutAsOnX: true,
    narrowestPx: 400,
    posts: 9,
    theme: 'dark',
    tipped: [
      ['badlogicgames', '1985127737481154951'], // pinned
      ['badlogicgames', '1656241263132155904'],
    ],
    untipped: [],
  },
  'defuddle-x-article-detail-2026-02.html': {
    posts: 1, // an Article: two action bars, one post
    theme: 'light',
    tipped: [['arscontexta', '2013045749580259680']],
    untipped: ['kepano', 'molt_cornelius'],
  },
  'tweetyoink-x-tweet-quote-video.html': {
    posts: 1,
    theme: 'light',
    tipped: [['QuotingUser', '1983128852952998358']],
    untipped: ['OriginalPoster'],
    // Its raw HTML never closes the quote's div[role="link"] before the role="group"; the bar's
    // analytics link is still the quoting post's, and that is the post the button must name.
    barInsideQuoteBox: true,
  },
  'tweetyoink-x-tweet-quote.html': {
    posts: 1,
    theme: 'light',
    tipped: [['TestQuoter', '1983130065320780162']],
    untipped: ['OriginalAuthor'],
  },
  'tweetyoink-x-tweet-sample.html': {
    posts: 1,
    theme: 'light',
    tipped: [['TestUser123', '1981398750557065646']],
    untipped: [],
  },
  'twooter-home-timeline-2025-02.html': {
    laidOutAsOnX: true,
    posts: 6,
    theme: 'dark',
    tipped: [
      ['BGatesIsaPyscho', '1890459111671656594'],
      ['nikitabier', '1890443411544522946'],
      ['nikitabier', '1890449163420078087'],
    ],
    untipped: [],
  },
}

/** "<handle>/<post id>: <control>" for each shown Tip button lying over one of its bar's own controls. */
function coveredControls(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    await new Promise(requestAnimationFrame)
    const boxOf = (el: Element) => el.getBoundingClientRect()
    const meet = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom
    return [...document.querySelectorAll('tipline-button')].flatMap((host) => {
      const tip = boxOf(host.shadowRoot!.querySelector('button')!)
      if (tip.width === 0 || host.parentElement === null) return []
      return [...host.parentElement.querySelectorAll('button, a[href]')]
        .filter((control) => {
          const box = boxOf(control)
          return box.width > 0 && meet(tip, box)
        })
        .map((control) => `${host.getAttribute('data-handle')}/${host.getAttribute('data-post-id')}: ${control.getAttribute('data-testid') ?? control.getAttribute('href')}`)
    })
  })
}

const savedFiles = existsSync(SAVED) ? readdirSync(SAVED).filter((file) => file.endsWith('.html')) : []


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
    for (const width of expected.laidOutAsOnX ? [1280, 500, expected.narrowestPx ?? 420] : []) {
      await page.setViewportSize({ width, height: 900 })
      expect(await coveredControls(page), `at ${width}px`).toEqual([])
    }
    await page.close()
  })
}
