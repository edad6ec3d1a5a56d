// Posts nest (a quoted post, a reply shown inside its parent): a button belongs only to the
// outermost one. Walking up with closest() finds it from any node inside, without scanning the page.

/** The outermost element matching selector that contains el (or is el), or null. */
export function outermost(el: Element, selector: string): Element | null {
  let found = el.closest(selector)
  for (let outer = found?.parentElement?.closest(selector); outer; outer = outer.parentElement?.closest(selector)) found = outer
  return found
}
