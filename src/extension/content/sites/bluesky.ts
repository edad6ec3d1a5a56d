// Bluesky (bsky.app). No real capture of the web app exists; the evidence for every selector is
// the social-app source (shared/sites/bluesky/README.md), whose react-native-web `testID`s render
// as data-testid. tests/e2e/content-bluesky-standin.spec.ts runs the adapter against the stand-in.
import type { PostRef } from '../../../shared/messages.ts'
import type { SiteAdapter } from '../site-adapter.ts'
import { excerptOf } from '../excerpt.ts'
import { outermost, ownMatch } from './nesting.ts'

const selectors = {
  /** Feed, profile and thread rows; the suffix is the author's handle (a repost's too). */
  post: '[data-testid^="feedItem-by-"], [data-testid^="postThreadItem-by-"]',
  /** Notification rows reuse feedItem-by- but have no like button: no bar, no Tip. */
  like: '[data-testid="likeBtn"]',
  reply: '[data-testid="replyBtn"]',
  /** The author's handle link ("@nour.example.com"); "Reposted by" links to the reposter without an "@". */
  profileLink: 'a[href^="/profile/"]:not([href*="/post/"])',
  /** The post's text (RichText); the app sets no lang on it, so a Bluesky excerpt names its language only if the page does. */
  postText: '[data-testid="postText"]',
  /** A quoted post's embed, a link to it; the feed row itself is one too. */
  quoteBox: '[role="link"]',
  /** The timestamp link; a quoted post's own permalink comes later in the row, after the text. */
  permalink: 'a[href^="/profile/"][href*="/post/"]',
  /**
   * Pay hangs after the timestamp, in the empty end of PostMeta's row: the controls row has no
   * room left once Tip follows its last control.
   */
  payAfter: 'a[href^="/profile/"][href*="/post/"]',
  /**
   * A thread's focused post (ThreadItemAnchor) has no timestamp link: its date sits on a line of
   * its own after the text (ExpandedPostDetails, a row as wide as its contents), and Pay hangs
   * after the line's last part (the date, or "Translate"). The line is a row led by a Text (the
   * date), in a View after the one holding the post's text (its ContentHider), in the post's body,
   * its last child. A reply row's last child holds its avatar and a column whose text sits a level
   * deeper, so this matches only the focused post, and is looked for before a timestamp, which
   * there could be a quoted post's. A guess from the app's source: no real capture exists.
   */
  payAfterLine: '[data-testid^="postThreadItem-by-"] > div:last-child > div:has(> [dir="auto"]) ~ div > div:has(> [dir="auto"]:first-child) > :last-child',
  /**
   * A profile's row of actions (ProfileHeaderStandard): Follow or Unfollow, then "More options". On
   * the reader's own profile it holds Edit Profile instead, and gets no Send.
   */
  profileActions: 'div:has(> [data-testid="followBtn"]), div:has(> [data-testid="unfollowBtn"])',
  profileName: '[data-testid="profileHeaderDisplayName"]',
  /** Leaves under the header: one of them is the "@handle" line (ProfileHeaderHandle has no testID). */
  profileText: 'div:not(:has(*)), span:not(:has(*))',
} as const

/**
 * A handle is a domain name (nour.bsky.social, or a custom domain such as nour.example.com).
 * A DID in its place means the handle failed verification: nobody to pay by name.
 */
const HANDLE = /^(?=.{3,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/i
/** A record key as Bluesky's post links carry it (TIDs, 13 base32 characters, in practice). */
const RKEY = /^[A-Za-z0-9._:~-]{1,512}$/

export function isHandle(text: string): boolean {
  return HANDLE.test(text)
}

/** "/profile/nour.example.com" → "nour.example.com"; a post link or a DID is not a handle. */
export function handleFromHref(href: string): string | null {
  const match = /^\/profile\/([^/]+)\/?$/.exec(new URL(href, 'https://bsky.app').pathname)
  const handle = match?.[1] && decodeURIComponent(match[1])
  return handle && isHandle(handle) ? handle.toLowerCase() : null
}

/** "/profile/nour.example.com/post/3lbq7mxsiek2v" → { handle, rkey }; anything else → null. */
export function postFromHref(href: string): { handle: string; rkey: string } | null {
  const match = /^\/profile\/([^/]+)\/post\/([^/]+)\/?$/.exec(new URL(href, 'https://bsky.app').pathname)
  if (!match?.[1] || !match[2]) return null
  const handle = decodeURIComponent(match[1]).toLowerCase()
  const rkey = decodeURIComponent(match[2])
  return RKEY.test(rkey) ? { handle, rkey } : null
}

/** "feedItem-by-nour.example.com" → "nour.example.com": the author, even on a repost. */
export function handleFromTestId(testId: string): string | null {
  const handle = /^(?:feedItem|postThreadItem)-by-(.+)$/.exec(testId)?.[1]
  return handle && isHandle(handle) ? handle.toLowerCase() : null
}

/** The row holding both reply and like: the smallest ancestor of like that also holds reply. */
function controlsRow(el: Element): Element | null {
  const like = el.querySelector(selectors.like)
  if (!like) return null
  for (let row = like.parentElement; row && row !== el.parentElement; row = row.parentElement) {
    if (row.querySelector(selectors.reply)) return row
  }
  return null
}

function readAuthor(el: Element, handle: string): string | null | undefined {
  const own = `@${handle}`
  for (const link of el.querySelectorAll<HTMLAnchorElement>(selectors.profileLink)) {
    const text = link.textContent?.trim() ?? ''
    // The row's testid names its author; a quoted post's handle link names someone else.
    if (handleFromHref(link.getAttribute('href') ?? '') !== handle || text.slice(-own.length).toLowerCase() !== own) continue
    // A thread's focused post (ThreadItemAnchor) has no PostMeta: one link holds the name, then "@handle".
    if (text.length > own.length) return text.slice(0, -own.length).trim().slice(0, 200) || null
    // PostMeta puts the display-name link beside the handle link, to the same profile (the
    // avatar's link goes there too, without text).
    const name = [...el.querySelectorAll(selectors.profileLink)]
      .filter((other) => other.getAttribute('href') === link.getAttribute('href'))
      .map((other) => other.textContent?.trim() ?? '')
      .find((text) => text && !text.startsWith('@'))
    return name ? name.slice(0, 200) : null
  }
  return undefined
}

/** The post's record key: its first own permalink, or the page's for a thread's focused post. */
function readRkey(el: Element, handle: string): string | null {
  for (const link of el.querySelectorAll(selectors.permalink)) {
    const post = postFromHref(link.getAttribute('href') ?? '')
    if (post?.handle === handle) return post.rkey
  }
  // The focused post of a thread shows its date without a link: the page is its permalink.
  if (el.getAttribute('data-testid')?.startsWith('postThreadItem-by-')) {
    return postFromHref(el.ownerDocument.location.pathname)?.rkey ?? null
  }
  return null
}

/**
 * The person a profile page is about: the handle in its address, trusted only while the header under
 * the actions row shows that same "@handle" (during in-app navigation it may still show the last one).
 */
function readProfile(root: ParentNode, url: URL): PostRef | null {
  const handle = handleFromHref(url.pathname)
  const header = root.querySelector(selectors.profileActions)?.parentElement
  if (!handle || !header) return null
  const shown = [...header.querySelectorAll(selectors.profileText)].some((el) => el.textContent?.trim().toLowerCase() === `@${handle}`)
  if (!shown) return null
  // A profile without a display name shows its handle there instead.
  const name = header.querySelector(selectors.profileName)?.textContent?.trim()
  const displayName = name && name.toLowerCase() !== handle ? name.slice(0, 200) : null
  return { site: 'bluesky', handle, postId: null, postUrl: null, displayName }
}

export const bluesky: SiteAdapter = {
  id: 'bluesky',
  matches: (url) => url.hostname === 'bsky.app',
  selectors,

  findPosts(root) {
    // A notification row without controls (a like, a follow) is no post: it is not even counted.
    return [...root.querySelectorAll(selectors.post)].filter((el) => !el.parentElement?.closest(selectors.post) && el.querySelector(selectors.like))
  },

  postAround(el) {
    const post = outermost(el, selectors.post)
    return post?.querySelector(selectors.like) ? post : null
  },

  readPost(el): PostRef | null {
    const handle = handleFromTestId(el.getAttribute('data-testid') ?? '')
    if (!handle) return null
    const displayName = readAuthor(el, handle)
    if (displayName === undefined) return null
    const rkey = readRkey(el, handle)
    return {
      site: 'bluesky',
      handle,
      postId: rkey,
      postUrl: rkey ? `https://bsky.app/profile/${handle}/post/${rkey}` : null,
      displayName,
    }
  },

  readExcerpt: (el) => excerptOf(ownMatch(el, selectors.postText, selectors.quoteBox)),

  actionBar: controlsRow,

  // A profile may have no posts yet, notifications no replies: only the home feed and a thread must.
  expectsPosts: (url) => url.pathname === '/' || postFromHref(url.pathname) !== null,

  profileHeader: (root) => root.querySelector(selectors.profileActions),

  readProfile,
}
