// X (x.com, formerly twitter.com). Evidence for every selector: shared/sites/SOURCES.md (X) and
// the saved pages in shared/sites/x, which tests/e2e/content-x-real-pages.spec.ts runs against.
import type { PostRef } from '../../../shared/messages.ts'
import type { SiteAdapter } from '../site-adapter.ts'
import { excerptOf } from '../excerpt.ts'
import { outermost, ownMatch } from './nesting.ts'

const selectors = {
  post: 'article[data-testid="tweet"]',
  /** Name and @handle of the author; a quoted post has its own, without links. */
  userName: '[data-testid="User-Name"]',
  /** The timestamp link is the post's permalink; /analytics and /photo/ links also contain /status/. */
  permalink: 'a[href*="/status/"]:has(> time[datetime])',
  actionBar: '[role="group"]:has([data-testid="reply"])',
  /** Where the search for the action bar starts: walking up from it is far cheaper than :has() over the post. */
  reply: '[data-testid="reply"]',
  /** Bookmark and share close the bar; the stretching views cell before them ends in empty room. */
  barEnd: '[data-testid="bookmark"]',
  /** The views count: its cell stretches, and the room after the count is where the button goes. */
  barRoomStart: 'a[href$="/analytics"]',
  /** In a narrow window X hides the views count: the room then starts after the like button (and its count). */
  barRoomStartElse: '[data-testid="like"], [data-testid="unlike"]',
  /** Pay hangs before the header's "More" button, in the room the header row leaves: the bar has none left beside Tip. */
  payBeside: '[data-testid="caret"]',
  /** The post's text, with its language in lang; a quoted post's comes later, in the quote's box. */
  postText: '[data-testid="tweetText"]',
  /** A quoted post's box: a link to it around its author, time and text. */
  quoteBox: '[role="link"]',
  /** Links X sends through t.co: each one's text is the whole address it stands for (product-link.ts reads it). */
  shortLink: 'a[href^="https://t.co/"]',
  /** Spans that may carry the ad label ("Ad" in the header since 2025, "Promoted" before); only leaves count. */
  labelText: 'span',
  /** Post text and names are attacker-written: an "Ad" there is not a label. */
  authorWritten: '[data-testid="tweetText"], [data-testid="User-Name"]',
  /** A profile's header: its action row holds the Follow (or Edit profile) button's placementTracking. */
  profileActions: 'div:has(> [data-testid="placementTracking"]), div:has(> [data-testid="editProfileButton"])',
  /** Name and @handle above the bio; neither is a link there. */
  profileName: '[data-testid="UserName"]',
  profileNameText: 'span:not(:has(*))',
}

/**
 * The default actionBar is the [role="group"] around the reply button. While it and reply are X's own
 * (no server override), walking up from the reply to that group is what the selector says; matching
 * its :has() was most of the cost of finding a bar.
 */
const ROW_AROUND_REPLY = '[role="group"]'
const OWN_BAR = { actionBar: selectors.actionBar, reply: selectors.reply }
/**
 * The default permalink is the link around the post's timestamp. While it is X's own, the post's
 * first timestamp is looked at first (its own comes before a quoted post's): matching the :has()
 * over the post cost more than the rest of reading it.
 */
const OWN_PERMALINK = selectors.permalink
const TIMESTAMP = 'time[datetime]'

const PROMOTED_LABELS = new Set(['Ad', 'Promoted'])
const HOSTS = new Set(['x.com', 'twitter.com', 'www.x.com', 'www.twitter.com', 'mobile.x.com', 'mobile.twitter.com'])

const PROFILE_PATH = /^\/([A-Za-z0-9_]{1,50})\/?$/
const POST_PATH = /^\/([A-Za-z0-9_]{1,50})\/status\/(\d{1,25})\/?$/

/**
 * The path of a link as X writes it. A path already in that plain shape is its own path: parsing a
 * URL costs more than the rest of reading a post, and every post has several links.
 */
function pathOf(href: string, plain: RegExp): string {
  return plain.test(href) ? href : new URL(href, 'https://x.com').pathname
}

/** "/nour_writes" or "https://x.com/nour_writes" → "nour_writes"; anything deeper is not a profile. */
export function handleFromHref(href: string): string | null {
  return PROFILE_PATH.exec(pathOf(href, PROFILE_PATH))?.[1] ?? null
}

/** "/nour_writes/status/1890454526378815975" → "1890454526378815975". */
export function postIdFromHref(href: string): string | null {
  return POST_PATH.exec(pathOf(href, POST_PATH))?.[2] ?? null
}

/** The first match under el that belongs to el itself, not to a post nested inside it. */
function own(el: Element, selector: string): Element | null {
  // Most posts nest none before their own parts: the first match settles it in one query.
  const first = el.querySelector(selector)
  if (!first || first.closest(selectors.post) === el) return first
  for (const match of el.querySelectorAll(selector)) {
    if (match.closest(selectors.post) === el) return match
  }
  return null
}

/** The post's own permalink: around its first timestamp, else the first own match of the selector. */
function permalinkOf(el: Element): Element | null {
  if (selectors.permalink === OWN_PERMALINK) {
    const link = el.querySelector(TIMESTAMP)?.parentElement
    if (link?.matches(selectors.permalink) && link.closest(selectors.post) === el) return link
  }
  return own(el, selectors.permalink)
}

function isPromoted(el: Element): boolean {
  // Every label's text is in the post's text: most posts hold none, and are done without a look at each span.
  const text = el.textContent ?? ''
  let labelled = false
  for (const label of PROMOTED_LABELS) labelled ||= text.includes(label)
  if (!labelled) return false
  // Leaves only, checked here: span:not(:has(*)) in the selector cost more than the rest of reading a post.
  // An index loop: for-of over the list cost as much again.
  const spans = el.querySelectorAll(selectors.labelText)
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i]
    if (span?.childElementCount === 0 && PROMOTED_LABELS.has(span.textContent?.trim() ?? '') && !span.closest(selectors.authorWritten)) return true
  }
  return false
}

/**
 * The post's own action bar: up from its reply button, or (when a redesign, or the server's
 * selectors, leave no bar around that button) the first own match anywhere in the post.
 */
function actionBar(el: Element): Element | null {
  const reply = el.querySelector(selectors.reply)
  const xs = selectors.actionBar === OWN_BAR.actionBar && selectors.reply === OWN_BAR.reply
  // From its parent: the selector asks for a group holding a reply, which the reply itself is not.
  const bar = xs ? reply?.parentElement?.closest(ROW_AROUND_REPLY) : reply?.closest(selectors.actionBar)
  if (bar && bar.closest(selectors.post) === el) return bar
  return own(el, selectors.actionBar)
}

/**
 * The author's name as the post shows it: the first link in its own User-Name (a repost's "X reposted"
 * line sits outside it; a quoted post's User-Name comes later and has no links). Written by the
 * author, so it is only ever shown as text.
 */
function displayNameOf(el: Element): string | null {
  const name = own(el, selectors.userName)?.querySelector('a')?.textContent?.trim()
  return name ? name.slice(0, 200) : null
}

/** The profile's name and @handle, trusted only when the @handle is the one in the page's address. */
function readProfileName(root: ParentNode, url: URL): { handle: string; displayName: string | null } | null {
  const pathHandle = handleFromHref(url.pathname)
  const name = root.querySelector(selectors.profileName)
  if (!pathHandle || !name) return null
  const texts = [...name.querySelectorAll(selectors.profileNameText)].map((span) => span.textContent?.trim() ?? '').filter(Boolean)
  // The display name may itself read "@someone": the @handle is the last such text, and must match the address.
  const handle = texts.findLast((text) => text.startsWith('@'))?.slice(1)
  if (!handle || handle.toLowerCase() !== pathHandle.toLowerCase()) return null
  const displayName = texts[0] && texts[0] !== `@${handle}` ? texts[0].slice(0, 200) : null
  return { handle: pathHandle, displayName }
}

export const x: SiteAdapter = {
  id: 'x',
  matches: (url) => HOSTS.has(url.hostname),
  selectors,

  findPosts(root) {
    return [...root.querySelectorAll(selectors.post)].filter((el) => !el.parentElement?.closest(selectors.post))
  },

  postAround: (el) => outermost(el, selectors.post),

  readPost(el): PostRef | null {
    if (isPromoted(el)) return null
    // The permalink is X's own link to the post: its path names the author (the original one, on a
    // repost) as well as the post, where the @handle beside the name would take a look at each link.
    const permalink = permalinkOf(el)?.getAttribute('href')
    const path = permalink ? POST_PATH.exec(pathOf(permalink, POST_PATH)) : null
    const [pathname, handle, postId] = path ?? []
    if (!pathname || !handle || !postId) return null
    return { site: 'x', handle, postId, postUrl: `https://x.com${pathname}`, displayName: displayNameOf(el) }
  },

  readExcerpt: (el) => excerptOf(ownMatch(el, selectors.postText, selectors.quoteBox)),

  actionBar,

  barEnd(bar) {
    let control = bar.querySelector(selectors.barEnd)
    while (control && control.parentElement !== bar) control = control.parentElement
    return control
  },

  barRoomStart: (bar) => bar.querySelector(selectors.barRoomStart),

  barRoomStartElse: (bar) => bar.querySelector(selectors.barRoomStartElse),

  // A profile may have no posts (new, protected, suspended): only the home timeline and a post page must.
  expectsPosts: (url) => url.pathname === '/home' || postIdFromHref(url.pathname) !== null,

  profileHeader: (root) => root.querySelector(selectors.profileActions),

  readProfile(root, url): PostRef | null {
    const person = readProfileName(root, url)
    if (!person) return null
    return { site: 'x', handle: person.handle, postId: null, postUrl: null, displayName: person.displayName }
  },
}
