// Posts nest (a quoted post, a reply shown inside its parent): a button belongs only to the
// outermost one, and a post's parts are its own, not those of a post quoted inside it.

/**
 * The outermost element matching selector that contains el (or is el), or null. Walking up with
 * closest() finds it from any node inside, without scanning the page.
 */
export function outermost(el: Element, selector: string): Element | null {
  let found = el.closest(selector)
  for (let outer = found?.parentElement?.closest(selector); outer; outer = outer.parentElement?.closest(selector)) found = outer
  return found
}

/** The first match of selector under post that is not inside a quoted post's box (quoteBox) within it. */
export function ownMatch(post: Element, selector: string, quoteBox: string): Element | null {
  for (const el of post.querySelectorAll(selector)) {
    const box = el.closest(quoteBox)
    if (box === null || box === post || !post.contains(box)) return el
  }
  return null
}
