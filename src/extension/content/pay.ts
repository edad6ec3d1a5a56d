// Pay on a post that links to a product page of this Tipline API (<api>/p/<id>, also through a link
// the site shortened: product-link.ts): a "Pay <price>" button. The price comes from the API through
// the background, never from the page's text; clicking asks the background to open the product's
// hosted checkout. Like the Tip button it is out of the page's flow, hung beside a control where
// the post has room, so neither adding it nor its price arriving later moves anything on the page.
import browser from 'webextension-polyfill'
import type { Messages } from '../../shared/messages.ts'
import { send } from '../send.ts'
import { pageTheme, tipHostIn } from './button.ts'
import { productIdOfLink } from './product-link.ts'
import { attachStyledShadow } from './shadow.ts'
import type { SiteAdapter } from './site-adapter.ts'

export const PAY_BUTTON_TAG = 'tipline-pay'
const PRODUCT_PAGES = new URL('/p/', __TIPLINE_API__).href
const PRODUCT_LINK = `a[href^="${PRODUCT_PAGES}"]`
/** The anchor name Pay gives the control it hangs beside. */
const PAY_ANCHOR = '--tipline-pay-beside'

// The Tip button's look, so the two read as a pair; as tall as the row it hangs in, and no taller.
const STYLE = `
:host { position: absolute; top: 0; bottom: 0; display: flex; align-items: center; margin: 0 4px; }
/* Until its price is known; a :host rule would otherwise outweigh the browser's own [hidden] rule. */
:host([hidden]) { display: none; }
button {
  all: unset; box-sizing: border-box; cursor: pointer; font: 600 13px/1 system-ui, sans-serif;
  display: inline-flex; align-items: center; height: 100%; min-height: 18px; padding: 0 12px;
  border-radius: 999px; border: 1px solid var(--line); color: var(--ink); background: transparent; white-space: nowrap;
}
button:hover { background: var(--hover); }
button:focus-visible { outline: 2px solid #1d9bf0; outline-offset: 2px; }
:host([data-theme="light"]) { --ink: #0f1419; --line: #cfd9de; --hover: rgba(15, 20, 25, 0.06); }
:host([data-theme="dark"]) { --ink: #e7e9ea; --line: #536471; --hover: rgba(231, 233, 234, 0.1); }
`

/** What the Pay button says: the price, and for screen readers what it buys. */
type PayLabel = Messages['product.get']['output']

/** Where a Pay button goes: into parent, hung on one side of anchor, out of the flow. */
interface Place {
  parent: Element
  anchor: Element
  side: 'before' | 'after'
}

/**
 * A site whose bar has no room left beside the Tip button names a part of the post with room
 * beside it: before it (selectors.payBeside: X's "More" button, at the end of the header row), or
 * after it (selectors.payAfterLine: the end of a line of its own, such as the date line of
 * Bluesky's focused post; selectors.payAfter: Bluesky's timestamp, after which the header row is
 * empty). The first of these the post has, in that order, and the first match in the post that
 * belongs to no post nested in it: a line is looked for before a timestamp, which may be a quoted
 * post's.
 * Elsewhere Pay hangs on the far side of the Tip button from the bar's controls: before it where
 * Tip sits before the bar's named end, after it where Tip follows the bar's last control.
 */
function placeFor(post: Element, bar: Element, tip: Element, adapter: SiteAdapter): Place {
  const { post: postSelector = '*', payBeside, payAfterLine, payAfter } = adapter.selectors
  for (const [selector, side] of [[payBeside, 'before'], [payAfterLine, 'after'], [payAfter, 'after']] as const) {
    const anchor = selector ? post.querySelector(selector) : null
    if (anchor?.parentElement && anchor.closest(postSelector) === post) return { parent: anchor.parentElement, anchor, side }
  }
  return { parent: bar, anchor: tip, side: adapter.barEnd ? 'before' : 'after' }
}

/**
 * Names the anchor and makes the parent Pay's containing block (which moves nothing). Anchor names
 * resolve within a containing block, so one name serves every post. Run on every pass: the site or
 * the engine may have put a new anchor in since the last.
 */
function prepare({ parent, anchor }: Place): void {
  if (anchor instanceof HTMLElement && anchor.style.getPropertyValue('anchor-name') !== PAY_ANCHOR) anchor.style.setProperty('anchor-name', PAY_ANCHOR)
  if (parent instanceof HTMLElement && getComputedStyle(parent).position === 'static') parent.style.position = 'relative'
}

function hang(host: HTMLElement, side: Place['side']): void {
  if (side === 'before') host.style.setProperty('inset-inline-end', `anchor(${PAY_ANCHOR} start, 0px)`)
  else host.style.setProperty('inset-inline-start', `anchor(${PAY_ANCHOR} end, 0px)`)
}

/** In its place and after its anchor: an anchor must come before what hangs on it in the tree. */
const isAt = (host: Element, { parent, anchor }: Place) =>
  host.parentElement === parent && (anchor.compareDocumentPosition(host) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0

export interface PayButtons {
  /**
   * Bring the Pay buttons of these posts in line with them, after the engine's pass over them:
   * the posts the page's changes touched, or every post when the pass looked at the whole page.
   */
  sync(posts: readonly Element[], whole: boolean): void
}

export function watchPayLinks(adapter: SiteAdapter, signal: AbortSignal): PayButtons {
  // One price read per product per page, however many posts link to it.
  const labels = new Map<string, Promise<PayLabel | null>>()
  const labelFor = (productId: string) => {
    let label = labels.get(productId)
    if (!label) {
      label = send('product.get', { productId }).catch(() => null)
      labels.set(productId, label)
    }
    return label
  }
  // Links the site shortened (X's t.co) name their product only in their text.
  const { post: postSelector, shortLink } = adapter.selectors
  const links = shortLink ? `${PRODUCT_LINK}, ${shortLink}` : PRODUCT_LINK
  /** The Pay buttons on the page: few, so a pass finds a post's own among them without a query. */
  const shown = new Set<HTMLElement>()

  /** The product of the post's first own link that names one (a quoted post's links are its own). */
  const productOf = (post: Element): string | null => {
    // Most posts link nowhere: one query settles them, where listing their links built an empty list to walk.
    if (!post.querySelector(links)) return null
    for (const link of post.querySelectorAll<HTMLAnchorElement>(links)) {
      const productId = productIdOfLink(link, shortLink !== undefined && link.matches(shortLink), PRODUCT_PAGES)
      if (productId && postSelector && link.closest(postSelector) === post) return productId
    }
    return null
  }

  /** One Pay button per post, for its first product, only where the post has a Tip button (an ad gets neither); returns it. */
  const syncPost = (post: Element): HTMLElement | null => {
    let existing: HTMLElement | null = null
    for (const host of shown) if (post.contains(host)) existing = host
    const productId = productOf(post)
    const bar = productId && adapter.actionBar(post)
    const tip = bar && tipHostIn(bar)
    if (!productId || !bar || !tip) {
      existing?.remove()
      return null
    }
    const place = placeFor(post, bar, tip, adapter)
    prepare(place)
    if (existing?.dataset.productId === productId && isAt(existing, place)) return existing
    existing?.remove()
    const host = payButton(productId, labelFor(productId))
    hang(host, place.side)
    place.parent.append(host)
    return host
  }

  signal.addEventListener('abort', () => {
    for (const host of document.querySelectorAll(PAY_BUTTON_TAG)) host.remove()
  })

  return {
    sync(posts, whole) {
      if (signal.aborted) return
      const kept = new Set<HTMLElement>()
      for (const post of posts) {
        const host = syncPost(post)
        if (host) kept.add(host)
      }
      // A button leaves with its post; one under what is no longer a post at all goes when the whole page is looked at.
      for (const host of shown) {
        if (whole && !kept.has(host)) host.remove()
        if (!host.isConnected) shown.delete(host)
      }
      for (const host of kept) shown.add(host)
    },
  }
}

/** Hidden until the price is known; a product the API does not know gets no button. */
function payButton(productId: string, label: Promise<PayLabel | null>): HTMLElement {
  const host = document.createElement(PAY_BUTTON_TAG)
  host.dataset.productId = productId
  host.hidden = true
  const root = attachStyledShadow(host, STYLE, 'open')
  const button = document.createElement('button')
  button.type = 'button'
  root.append(button)
  host.dataset.theme = pageTheme()
  button.addEventListener('click', (event) => {
    event.preventDefault()
    event.stopPropagation()
    send('product.checkout', { productId }).catch((error: unknown) => console.warn('Tipline: checkout not opened', error))
  })
  button.addEventListener('keydown', (event) => event.stopPropagation())
  void label.then((known) => {
    if (known === null) return host.remove()
    button.textContent = browser.i18n.getMessage('payButton', [known.price]) || `Pay ${known.price}`
    button.setAttribute('aria-label', browser.i18n.getMessage('payButtonLabel', [known.price, known.title]) || `Pay ${known.price} for ${known.title}`)
    host.hidden = false
  })
  return host
}
