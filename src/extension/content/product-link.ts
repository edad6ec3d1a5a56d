// Which Tipline product a link on a page is for: a product page of this API (<api>/p/<id>), named
// by the link's address or, where the site shortened the address (X's t.co), by the text the site
// shows for it, which holds the whole address.

/** The shape the background checks again (ProductId); a plain pattern keeps zod out of the page's script. */
const PRODUCT_ID = /^prd_[A-Za-z0-9_-]{1,64}$/

/** The product in an address under pages (the API's "<origin>/p/"), or null. */
export function productIdAt(address: string, pages: string): string | null {
  if (!address.startsWith(pages)) return null
  const segment = address.slice(pages.length).split(/[/?#]/)[0] ?? ''
  let id: string
  try {
    id = decodeURIComponent(segment)
  } catch {
    return null // a stray % in an address the page wrote
  }
  return PRODUCT_ID.test(id) ? id : null
}

/**
 * The address a shortened link stands for, from its text. X writes the whole address into the link
 * and hides the scheme, and the tail past its cut, in spans shown to nobody, then an ellipsis:
 * "https://" "wired.com/story/heisse-p" "reise-food-prices/" "…".
 */
export function shownAddress(text: string): string {
  return text.trim().replace(/…$/, '')
}

/** The product a link is for: by its address, or by its text when the site shortened it. */
export function productIdOfLink(link: { href: string; textContent: string | null }, shortened: boolean, pages: string): string | null {
  return productIdAt(link.href, pages) ?? (shortened ? productIdAt(shownAddress(link.textContent ?? ''), pages) : null)
}
