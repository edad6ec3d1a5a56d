// Mastodon, on any instance. Evidence for every selector: shared/sites/SOURCES.md (Mastodon, from
// the mastodon/mastodon source) and the saved reconstruction in shared/sites/mastodon, which
// tests/e2e/content-mastodon-real-page.spec.ts runs against.
//
// Handles are made globally unique: a remote account keeps the user@domain the page shows, and a
// local account ("@nour") gets the instance's host ("nour@mastodon.social"), the form the
// instance's own account lookup answers to. An instance whose handles use another domain than its
// web address (LOCAL_DOMAIN ≠ WEB_DOMAIN) shows local accounts under the web host here.
import type { PostRef } from '../../../shared/messages.ts'
import type { SiteAdapter } from '../site-adapter.ts'
import { excerptOf } from '../excerpt.ts'
import { outermost, ownMatch } from './nesting.ts'

const selectors = {
  /** A status in a list (also inside article[data-id]), and the focused status of a thread. */
  post: '.status[data-id], .detailed-status__wrapper',
  /** A quoted post is a whole status of its own inside the quoting one: never a post to tip here. */
  quote: '.status__quote',
  /** Inside .status__info / .detailed-status__display-name; the boost line above has no account. */
  account: '.display-name__account',
  permalink: 'a.status__relative-time[href], a.detailed-status__datetime[href]',
  name: '.display-name__html',
  /** The status's text with its lang, only while shown: behind a content warning it is hidden, and stays unread. */
  postText: '.status__content__text--visible',
  /**
   * The action bar, even when empty (the saved reconstruction has empty ones): the Tip button
   * joins the row of reply, boost and favourite wherever that row is.
   */
  actionBar: '.status__action-bar, .detailed-status__action-bar',
  /** A profile's header: its row of buttons (Follow, the bell, the menu), where Send joins them. */
  profileActions: '.account__header__tabs__buttons',
  /** The header's h1: the display name, then the @acct in a small (remote accounts with their domain). */
  profileName: '.account__header__tabs__name h1 span',
  profileAccount: '.account__header__tabs__name h1 small',
  /** The markup that proves a page is Mastodon's web app, whatever its host. */
  appRoot: '#mastodon',
  appBody: 'body.app-body',
  applicationName: 'meta[name="application-name"]',
} as const

/** Mastodon runs on thousands of hosts: a page is Mastodon only if its markup says so. */
export function isMastodonPage(doc: Pick<Document, 'querySelector'>): boolean {
  if (!doc.querySelector(selectors.appRoot)) return false
  const application = doc.querySelector(selectors.applicationName)?.getAttribute('content')
  return !!doc.querySelector(selectors.appBody) || application === 'Mastodon'
}

const USER = /^[A-Za-z0-9_]+(?:[.-]+[A-Za-z0-9_]+)*$/
const DOMAIN = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z0-9-]{2,63}$/

/**
 * "@nour@fosstodon.org" → "nour@fosstodon.org"; "@nour" on mastodon.social → "nour@mastodon.social".
 * Anything else (a name in its place, stray text) → null.
 */
export function handleFromAccount(text: string, instanceHost: string): string | null {
  const match = /^@?([^@\s]+)(?:@([^@\s]+))?$/.exec(text.trim())
  const user = match?.[1]
  const domain = (match?.[2] ?? instanceHost).toLowerCase()
  return user && USER.test(user) && DOMAIN.test(domain) ? `${user}@${domain}` : null
}

/** "/@nour/113524367112233445" or "/@bob@other.social/1" → the status id; anything else → null. */
export function statusIdFromHref(href: string, base: string): string | null {
  const path = new URL(href, base).pathname
  return /^\/@[^/@]+(?:@[^/@]+)?\/(\d{1,30})\/?$/.exec(path)?.[1] ?? null
}

/** The first match under el that belongs to el itself, not to a status quoted inside it. */
const own = (el: Element, selector: string) => ownMatch(el, selector, selectors.quote)

/** "/@nour" or "/@bob@other.social" → the account's global handle; anything deeper is not a profile. */
export function handleFromProfilePath(path: string, instanceHost: string): string | null {
  const acct = /^\/(@[^/@]+(?:@[^/@]+)?)\/?$/.exec(path)?.[1]
  return acct ? handleFromAccount(decodeURIComponent(acct), instanceHost) : null
}

/** The account a profile page is about, trusted only when its header shows the account in the address. */
function readProfile(root: ParentNode, url: URL): PostRef | null {
  const handle = handleFromProfilePath(url.pathname, url.hostname)
  const shown = handleFromAccount(root.querySelector(selectors.profileAccount)?.textContent ?? '', url.hostname)
  if (!handle || !shown || shown.toLowerCase() !== handle.toLowerCase()) return null
  // The name is the h1's first span outside the small that holds the @acct.
  const name = [...root.querySelectorAll(selectors.profileName)].find((span) => !span.closest('small'))?.textContent?.trim()
  return { site: 'mastodon', handle: shown, postId: null, postUrl: null, displayName: name ? name.slice(0, 200) : null }
}

export const mastodon: SiteAdapter = {
  id: 'mastodon',
  matches: () => isMastodonPage(document),
  selectors,

  findPosts(root) {
    return [...root.querySelectorAll(selectors.post)].filter(
      (el) => !el.closest(selectors.quote) && !el.parentElement?.closest(selectors.post),
    )
  },

  postAround(el) {
    const post = outermost(el, selectors.post)
    return post && !post.closest(selectors.quote) ? post : null
  },

  readPost(el): PostRef | null {
    const location = el.ownerDocument.location
    const handle = handleFromAccount(own(el, selectors.account)?.textContent ?? '', location.hostname)
    const permalink = own(el, selectors.permalink)?.getAttribute('href')
    const postId = permalink ? statusIdFromHref(permalink, location.origin) : null
    if (!handle || !permalink || !postId) return null
    const name = own(el, selectors.name)?.textContent?.trim()
    return {
      site: 'mastodon',
      handle,
      postId,
      postUrl: new URL(permalink, location.origin).href,
      displayName: name ? name.slice(0, 200) : null,
    }
  },

  readExcerpt: (el) => excerptOf(own(el, selectors.postText)),

  actionBar: (el) => own(el, selectors.actionBar),

  // Profiles, lists and hashtags may be empty: only the home timeline and a status page must show posts.
  expectsPosts: (url) => url.pathname === '/home' || statusIdFromHref(url.pathname, url.origin) !== null,

  profileHeader: (root) => root.querySelector(selectors.profileActions),

  readProfile,
}
