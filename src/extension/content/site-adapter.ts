// What the engine needs to know about one site. Everything site-specific lives in the adapter
// (sites/<site>.ts): the engine never names a site or a selector.
import type { SiteId } from '../../shared/api.ts'
import type { PostRef } from '../../shared/messages.ts'
import type { PostExcerpt } from '../../shared/post-excerpt.ts'

export interface SiteAdapter {
  id: SiteId
  matches(url: URL): boolean
  /** Selectors as data, so a redesign is a one-file fix (and could be replaced remotely). */
  selectors: Readonly<Record<string, string>>
  /** Every post under root that should get a Tip button, outermost only, in document order. */
  findPosts(root: ParentNode): Element[]
  /** The post findPosts would return that el is inside (or is), or null: how a change on the page finds its post. */
  postAround(el: Element): Element | null
  /** The post's author and permalink as the page shows them, or null if it is not tippable. Asked only about a post whose actionBar was found. */
  readPost(el: Element): PostRef | null
  /** The post's own first words and their language, for the tip panel (not a quoted post's); asked only when the reader opens it. */
  readExcerpt?(el: Element): PostExcerpt | null
  /** The row of reply/repost/like buttons the Tip button joins. */
  actionBar(el: Element): Element | null
  /** The bar's child the Tip button sits just before, in the room the site leaves there; without it, the button follows the bar's last control. */
  barEnd?(bar: Element): Element | null
  /** With barEnd: the bar's control whose far edge starts the room before barEnd. The button fills that room, and shortens to an icon where it is narrow. */
  barRoomStart?(bar: Element): Element | null
  /** With barRoomStart: the control that starts the room instead while barRoomStart's is not shown (X hides its views count in narrow windows). */
  barRoomStartElse?(bar: Element): Element | null
  /** Whether this page always shows posts (a timeline, a profile, a post), so none means the selectors missed. */
  expectsPosts?(url: URL): boolean
  /** On a profile page, the row of the person's actions (Follow and the like) a Send button joins. */
  profileHeader?(root: ParentNode): Element | null
  /** The person a profile page is about, as a PostRef without a post (postId and postUrl null). */
  readProfile?(root: ParentNode, url: URL): PostRef | null
}
