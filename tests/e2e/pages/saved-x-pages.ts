// The saved real X pages (shared/sites/x) and what each must show with the extension: expected
// counts and (handle, post id) pairs read out of the HTML by hand, not by the adapter; and the
// check, run in the page, that no Tip button lies over its bar's controls.
import { existsSync, readdirSync } from 'node:fs'
import { resolve } from 'node:path'

export const SAVED = resolve(import.meta.dirname, '../../../../shared/sites/x')

export interface SavedPage {
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
  /** With laidOutAsOnX: the narrowest window it is checked in (see widthsFor), and in Firefox where that differs. */
  narrowestPx?: number
  narrowestPxInFirefox?: number
}

export const PAGES: Record<string, SavedPage> = {
  'cpft-pr777-home-timeline-2025-11.html': {
    laidOutAsOnX: true,
    // X hides the views count in narrow windows since 2025: the room starts after the like button.
    narrowestPx: 320,
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
    narrowestPx: 320,
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
    // Saved in February 2025, when X still showed the views count in narrow windows: below 360px
    // the room after it is narrower than the 12px icon (4px at 320px). Firefox sets the counts a
    // little wider: at 360px the room is 10px, and the icon lies 2px into the views link.
    narrowestPx: 360,
    narrowestPxInFirefox: 380,
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

/**
 * Runs in the page: "<handle>/<post id>: <control>" for each shown Tip button lying over one of its
 * bar's own controls, after a frame (a resized window lays out again).
 */
export async function coveredControls(): Promise<string[]> {
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
}

/**
 * Runs in the page: "<handle>/<post id>" for each Tip button in a shown bar that is less than the
 * icon's least size (12px) wide: in every window, every post shown keeps a button to press.
 */
export async function unshownButtons(): Promise<string[]> {
  await new Promise(requestAnimationFrame)
  return [...document.querySelectorAll('tipline-button')]
    .filter((host) => (host.parentElement?.getBoundingClientRect().width ?? 0) > 0)
    .filter((host) => host.shadowRoot!.querySelector('button')!.getBoundingClientRect().width < 12)
    .map((host) => `${host.getAttribute('data-handle')}/${host.getAttribute('data-post-id')}`)
}

/**
 * The window widths a page laid out as on X is checked in: wide, then every 20px from 500px down to
 * the page's narrowest (a phone's 320px or 360px). Below about 400px the room after X's views count
 * is narrower than the icon with its padding, and the icon alone shrinks to fit it, down to 12px.
 */
export function widthsFor(page: SavedPage, inFirefox = false): number[] {
  if (!page.laidOutAsOnX) return []
  const narrowestPx = (inFirefox ? page.narrowestPxInFirefox : undefined) ?? page.narrowestPx ?? 360
  return [1280, ...Array.from({ length: (500 - narrowestPx) / 20 + 1 }, (_, i) => 500 - 20 * i)]
}

export const savedFiles = existsSync(SAVED) ? readdirSync(SAVED).filter((file) => file.endsWith('.html')) : []
