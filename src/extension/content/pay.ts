// Pay under a post that links to a product page of this Tipline API (<api>/p/<id>): a "Pay <price>"
// button beside the Tip button. The price comes from the API through the background, never from
// the page's text; clicking asks the background to open the product's hosted checkout.
import browser from 'webextension-polyfill'
import { formatMoney } from '../../shared/money.ts'
import { send } from '../send.ts'
import { pageTheme, TIP_BUTTON_TAG } from './button.ts'
import type { SiteAdapter } from './site-adapter.ts'

export const PAY_BUTTON_TAG = 'tipline-pay'
const PRODUCT_PAGES = new URL('/p/', __TIPLINE_API__).href
const PRODUCT_LINK = `a[href^="${PRODUCT_PAGES}"]`
/** The shape the background checks again (ProductId); a plain pattern keeps zod out of the page's script. */
const PRODUCT_ID = /^prd_[A-Za-z0-9_-]{1,64}$/

// The Tip button's look, so the two read as a pair.
const STYLE = `
:host { display: flex; flex: 0 0 auto; align-items: center; margin-inline-start: 4px; }
button {
  all: unset; box-sizing: border-box; cursor: pointer; font: 600 13px/1 system-ui, sans-serif;
  padding: 6px 12px; border-radius: 999px; border: 1px solid var(--line); color: var(--ink);
  background: transparent; white-space: nowrap;
}
button:hover { background: var(--hover); }
button:focus-visible { outline: 2px solid #1d9bf0; outline-offset: 2px; }
:host([data-theme="light"]) { --ink: #0f1419; --line: #cfd9de; --hover: rgba(15, 20, 25, 0.06); }
:host([data-theme="dark"]) { --ink: #e7e9ea; --line: #536471; --hover: rgba(231, 233, 234, 0.1); }
`

export interface PayButtons {
  /** Bring the Pay buttons in line with the page; run after every engine pass. */
  sync(): void
}

export function watchPayLinks(adapter: SiteAdapter, signal: AbortSignal): PayButtons {
  // One price read per product per page, however many posts link to it.
  const labels = new Map<string, Promise<string | null>>()
  const labelFor = (productId: string) => {
    let label = labels.get(productId)
    if (!label) {
      label = send('product.get', { productId }).then(
        ({ price, currency }) => formatMoney(price, currency, navigator.language),
        () => null,
      )
      labels.set(productId, label)
    }
    return label
  }

  signal.addEventListener('abort', () => {
    for (const host of document.querySelectorAll(PAY_BUTTON_TAG)) host.remove()
  })

  return {
    sync() {
      if (signal.aborted) return
      const live = new Set<Element>()
      for (const link of document.querySelectorAll<HTMLAnchorElement>(PRODUCT_LINK)) {
        const productId = productIdOf(link.href)
        const post = productId && adapter.selectors.post ? link.closest(adapter.selectors.post) : null
        const bar = post && adapter.actionBar(post)
        // Only beside a Tip button: a post the engine does not button (an ad, say) gets no Pay either.
        if (!productId || !bar || ![...bar.children].some((child) => child.localName === TIP_BUTTON_TAG)) continue
        // One Pay button per post: the first product link in it wins.
        const existing = [...bar.children].find((child) => child.localName === PAY_BUTTON_TAG) as HTMLElement | undefined
        if (existing && live.has(existing)) continue
        if (existing?.dataset.productId === productId) {
          live.add(existing)
          continue
        }
        existing?.remove()
        const host = payButton(productId, labelFor(productId))
        bar.append(host)
        live.add(host)
      }
      for (const host of document.querySelectorAll(PAY_BUTTON_TAG)) if (!live.has(host)) host.remove()
    },
  }
}

function productIdOf(href: string): string | null {
  const id = decodeURIComponent(href.slice(PRODUCT_PAGES.length).split(/[/?#]/)[0] ?? '')
  return PRODUCT_ID.test(id) ? id : null
}

/** Hidden until the price is known; a product the API does not know gets no button. */
function payButton(productId: string, label: Promise<string | null>): HTMLElement {
  const host = document.createElement(PAY_BUTTON_TAG)
  host.dataset.productId = productId
  host.hidden = true
  const root = host.attachShadow({ mode: 'open' })
  const style = document.createElement('style')
  style.textContent = STYLE
  const button = document.createElement('button')
  button.type = 'button'
  root.append(style, button)
  host.dataset.theme = pageTheme()
  button.addEventListener('click', (event) => {
    event.preventDefault()
    event.stopPropagation()
    send('product.checkout', { productId }).catch((error: unknown) => console.warn('Tipline: checkout not opened', error))
  })
  button.addEventListener('keydown', (event) => event.stopPropagation())
  void label.then((price) => {
    if (price === null) return host.remove()
    button.textContent = browser.i18n.getMessage('payButton', [price]) || `Pay ${price}`
    host.hidden = false
  })
  return host
}
