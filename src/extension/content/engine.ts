// The content script's engine: watches the page, asks the site's adapter for posts, and keeps
// exactly one Tip button in each post's action bar, true to the post it sits under, marked when
// the reader has tipped that post already; on a profile page, one Send button in its header.
import type { PostRef } from '../../shared/messages.ts'
import type { SiteAdapter } from './site-adapter.ts'
import { pageTheme, TIP_BUTTON_TAG, TipButton, type Theme } from './button.ts'

export interface EngineOptions {
  signal: AbortSignal
  onTip(post: PostRef, anchor: HTMLElement): void
  /** Which of these posts the reader has tipped; asked once per batch of newly shown posts. */
  tippedAmong(postIds: string[]): Promise<string[]>
  /** What each pass over the page found, for the selector health check. */
  onPass?(found: PassResult): void
  /** Benchmarks only (npm run bench:content): time each pass as a 'tipline:sync' performance measure. */
  measure?: boolean
}

/** The detail of each 'tipline:sync' measure: how many buttons the pass attached or re-pointed. */
export interface SyncMeasureDetail {
  bound: number
}

export interface PassResult {
  posts: number
  /** Posts whose action bar the adapter could not find: the button has nowhere to go. */
  withoutActionBar: number
}

export interface Engine {
  /** A tip for this post was just delivered: mark its button wherever it shows. */
  markTipped(postId: string): void
}

export function startEngine(adapter: SiteAdapter, options: EngineOptions): Engine {
  const buttons = new WeakMap<Element, TipButton>()
  const tipped = new Set<string>()
  /** Post ids already asked about: a recycled row showing a post again asks nothing. */
  const asked = new Set<string>()

  const refreshMarks = () => {
    for (const host of document.querySelectorAll(TIP_BUTTON_TAG)) {
      const button = buttons.get(host)
      button?.setTipped(button.post.postId !== null && tipped.has(button.post.postId))
    }
  }

  const askAbout = (postIds: string[]) => {
    options.tippedAmong(postIds).then(
      (ids) => {
        if (options.signal.aborted || ids.length === 0) return
        for (const id of ids) tipped.add(id)
        refreshMarks()
      },
      // Unknown is shown as not tipped; the next time these posts appear they are asked about again.
      () => postIds.forEach((id) => asked.delete(id)),
    )
  }

  /** On a profile page, one Send button in the header for the person; returns its host. */
  const syncProfile = (theme: Theme): Element | null => {
    const header = adapter.profileHeader?.(document)
    const person = header && adapter.readProfile?.(document, new URL(location.href))
    if (!header || !person) return null
    const host = [...header.children].find((child) => child.localName === TIP_BUTTON_TAG)
    const existing = host && buttons.get(host)
    if (existing) {
      existing.update(person, theme)
      return existing.host
    }
    const button = new TipButton(person, theme, options.onTip, 'send')
    buttons.set(button.host, button)
    header.prepend(button.host)
    return button.host
  }

  /** Attach, re-point or remove buttons so the page has exactly one per tippable post. */
  const sync = () => {
    const started = options.measure ? performance.now() : 0
    let bound = 0
    const live = new Set<Element>()
    const unasked: string[] = []
    const theme = pageTheme()
    const posts = adapter.findPosts(document)
    let withoutActionBar = 0
    for (const el of posts) {
      const bar = adapter.actionBar(el)
      if (!bar) withoutActionBar++
      const post = bar && adapter.readPost(el)
      if (!bar || !post) continue
      // Sites recycle rows: a host already in this bar is re-pointed at the row's current post.
      const host = [...bar.children].find((child) => child.localName === TIP_BUTTON_TAG)
      let button = host && buttons.get(host)
      if (button) {
        if (button.post.postId !== post.postId) bound++
        button.update(post, theme)
      } else {
        bound++
        button = new TipButton(post, theme, options.onTip)
        buttons.set(button.host, button)
        bar.append(button.host)
      }
      live.add(button.host)
      const { postId } = post
      button.setTipped(postId !== null && tipped.has(postId))
      if (postId !== null && !asked.has(postId)) {
        asked.add(postId)
        unasked.push(postId)
      }
    }
    const profile = syncProfile(theme)
    if (profile) live.add(profile)
    // Whatever is left sits under something that is no longer a tippable post (e.g. now an ad).
    for (const host of document.querySelectorAll(TIP_BUTTON_TAG)) if (!live.has(host)) host.remove()
    if (unasked.length > 0) askAbout(unasked)
    options.onPass?.({ posts: posts.length, withoutActionBar })
    if (options.measure) performance.measure('tipline:sync', { start: started, detail: { bound } satisfies SyncMeasureDetail })
  }

  // One MutationObserver, its reports batched into one pass per frame.
  let frame = 0
  const schedule = () => {
    frame ||= requestAnimationFrame(() => {
      frame = 0
      sync()
    })
  }
  const observer = new MutationObserver(schedule)
  // Rows are updated in place too: a changed permalink or timestamp means another post.
  observer.observe(document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['href', 'datetime'] })
  // Switching the site between light and dark repaints the body's background.
  if (document.body) observer.observe(document.body, { attributes: true, attributeFilter: ['style', 'class'] })
  options.signal.addEventListener('abort', () => {
    observer.disconnect()
    cancelAnimationFrame(frame)
    for (const host of document.querySelectorAll(TIP_BUTTON_TAG)) host.remove()
  })
  sync()

  return {
    markTipped(postId) {
      tipped.add(postId)
      asked.add(postId)
      refreshMarks()
    },
  }
}
