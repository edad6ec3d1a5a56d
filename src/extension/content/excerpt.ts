// What the tip panel shows of a post: its own first words, read only when the reader opens the
// panel (never in a pass over the page, where every read costs the page time).
import { excerptText, languageTag, type PostExcerpt } from '../../shared/post-excerpt.ts'

/** The text a reader sees in el: an emoji drawn as an image counts as its alt text. */
function textIn(el: Element): string {
  let text = ''
  const walker = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT)
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node instanceof Text) text += node.data
    else if (node instanceof Element && node.localName === 'img') text += node.getAttribute('alt') ?? ''
  }
  return text
}

/** The words in el and the language el names, or null when it holds none. */
export function excerptOf(el: Element | null): PostExcerpt | null {
  const text = el && excerptText(textIn(el))
  return text ? { text, lang: languageTag(el.getAttribute('lang')) } : null
}
