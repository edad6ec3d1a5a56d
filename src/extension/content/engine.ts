// The content script's engine: watches the page, asks the site's adapter for posts, and keeps
// exactly one Tip button in each post's action bar, true to the post it sits under, marked when
// the reader has tipped that post already; on a profile page, one Send button in its header.
import type { PostRef } from '../../shared/messages.ts'
import type { SiteAdapter } from './site-adapter.ts'
import { BAR_END, pageTheme, TIP_BUTTON_TAG, TipButton, type Theme } from './button.ts'

export interface EngineOptions {
  signal: AbortSignal
  onTip(post: PostRef, anchor: HTMLElement): void
  /** Which of these posts the reader has tipped; asked once per batch of newly shown posts. */
  tippedAmong(postIds: string[]): Promise<string[]>
  /** After each pass: census() counts what the page holds now, for the selector health check (costly, so only on demand). */
  onPass?(census: () => PassResult): void
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

  const askAbout = (postIds: string[]) =>
    options.tippedAmong(postIds).then(
      (ids) => {
        if (options.signal.aborted || ids.length === 0) return
        for (const id of ids) tipped.add(id)
        refreshMarks()
      },
      // Unknown is shown as not tipped; the next time these posts appear they are asked about again.
      () => postIds.forEach((id) => asked.delete(id)),
    )

  // A message to the background costs more than binding a few posts: while one question is on its
  // way, the posts shown meanwhile wait and go together in the next, so a fast scroll asks in batches.
  let waiting: string[] = []
  let asking = false
  const askSoon = (postIds: string[]) => {
    waiting.push(...postIds)
    if (asking || options.signal.aborted) return
    const batch = waiting
    waiting = []
    asking = true
    askAbout(batch).finally(() => {
      asking = false
      if (waiting.length > 0) askSoon([])
    })
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

  /**
   * Attach, re-point or remove the button of one post; returns whether a button now shows a post it
   * did not show before. unasked collects post ids to ask the tipped question about.
   */
  const syncPost = (el: Element, theme: Theme, unasked: string[], newBars: Element[]): boolean => {
    const bar = adapter.actionBar(el)
    const post = bar && adapter.readPost(el)
    // Sites recycle rows: a host already in this bar is re-pointed at the row's current post.
    const host = bar && [...bar.children].find((child) => child.localName === TIP_BUTTON_TAG)
    // Any other host in the post sits where the post no longer puts its bar, or under what is no longer tippable (an ad).
    for (const stale of [...el.getElementsByTagName(TIP_BUTTON_TAG)]) if (stale !== host || !post) stale.remove()
    if (!bar || !post) return false
    let button = host && buttons.get(host)
    if (button) {
      button.update(post, theme)
    } else {
      button = new TipButton(post, theme, options.onTip)
      // A site that names where its bar has room gets the button there; otherwise after the last control.
      button.hang(adapter.barEnd ? 'before' : 'after')
      buttons.set(button.host, button)
      bar.append(button.host)
      newBars.push(bar)
    }
    anchorAtEnd(bar)
    const { postId } = post
    button.setTipped(postId !== null && tipped.has(postId))
    if (postId !== null && !asked.has(postId)) {
      asked.add(postId)
      unasked.push(postId)
    }
    return true
  }

  /** Names the control the button hangs beside as its anchor (BAR_END); a re-rendered bar may have a new one. */
  const anchorAtEnd = (bar: Element) => {
    let end = adapter.barEnd?.(bar) ?? bar.lastElementChild
    while (end && end.localName.startsWith('tipline-')) end = end.previousElementSibling
    if (end instanceof HTMLElement && end.style.getPropertyValue('anchor-name') !== BAR_END) end.style.setProperty('anchor-name', BAR_END)
  }

  /**
   * The button is out of the bar's flow, so adding it moves nothing; a bar that is not positioned
   * becomes its containing block (which moves nothing either). All reads before any write: one
   * style recalculation per pass, not one per bar.
   */
  const anchorInto = (bars: Element[]) => {
    const unpositioned = bars.filter((bar) => getComputedStyle(bar).position === 'static')
    for (const bar of unpositioned) if (bar instanceof HTMLElement) bar.style.position = 'relative'
  }

  /** Every post on the page and whether each has its action bar, for the selector health check. */
  const census = (): PassResult => {
    const posts = adapter.findPosts(document)
    return { posts: posts.length, withoutActionBar: posts.filter((el) => !adapter.actionBar(el)).length }
  }

  // What changed since the last pass: the posts the page touched, or everything (at start, and when
  // the theme changed, which every button shows), and whether anything outside posts moved (a profile header may have come).
  let theme: Theme | null = null
  let everything = true
  let outsidePosts = true
  const changed = new Set<Element>()

  const sync = () => {
    const started = options.measure ? performance.now() : 0
    theme ??= pageTheme()
    const posts = everything ? adapter.findPosts(document) : [...changed].filter((el) => el.isConnected)
    const unasked: string[] = []
    const newBars: Element[] = []
    let bound = 0
    for (const el of posts) {
      if (syncPost(el, theme, unasked, newBars)) bound++
    }
    anchorInto(newBars)
    const profile = everything || outsidePosts ? syncProfile(theme) : null
    if (everything) {
      const live = new Set<Element>(profile ? [profile] : [])
      for (const el of posts) for (const host of el.getElementsByTagName(TIP_BUTTON_TAG)) live.add(host)
      // Whatever is left sits under something that is no longer a post at all.
      for (const host of document.querySelectorAll(TIP_BUTTON_TAG)) if (!live.has(host)) host.remove()
    }
    if (unasked.length > 0) askSoon(unasked)
    everything = outsidePosts = false
    changed.clear()
    options.onPass?.(census)
    if (options.measure) performance.measure('tipline:sync', { start: started, detail: { bound } satisfies SyncMeasureDetail })
  }

  /** Our own buttons (Tip, and Pay beside it) coming and going are no change to the page. */
  const isOurs = (nodes: NodeList) => [...nodes].every((node) => node.nodeName.toLowerCase().startsWith('tipline-'))

  const note = (records: MutationRecord[]) => {
    // A re-rendered row reports several changes in a row: the post found for one usually holds the next.
    let last: Element | null = null
    for (const record of records) {
      const { target } = record
      if (record.type === 'childList' && isOurs(record.addedNodes) && isOurs(record.removedNodes)) continue
      if (!(target instanceof Element)) {
        everything = true
        continue
      }
      if (last?.contains(target)) continue
      const post = adapter.postAround(target)
      if (post) {
        changed.add(post)
        last = post
        continue
      }
      outsidePosts = true
      for (const node of record.addedNodes) {
        if (!(node instanceof Element)) continue
        const added = adapter.postAround(node)
        if (added) changed.add(added)
        else for (const inside of adapter.findPosts(node)) changed.add(inside)
      }
    }
  }

  // One MutationObserver, its reports batched into one pass per frame.
  let frame = 0
  const schedule = () => {
    frame ||= requestAnimationFrame(() => {
      frame = 0
      sync()
    })
  }
  const observer = new MutationObserver((records) => {
    note(records)
    if (everything || outsidePosts || changed.size > 0) schedule()
  })
  // Rows are updated in place too: a changed permalink or timestamp means another post.
  observer.observe(document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['href', 'datetime'] })
  // Switching the site between light and dark repaints the html's or body's background: look again then, and only then.
  const themeObserver = new MutationObserver(() => {
    theme = null
    everything = true
    schedule()
  })
  for (const el of [document.documentElement, document.body]) {
    if (el) themeObserver.observe(el, { attributes: true, attributeFilter: ['style', 'class'] })
  }
  options.signal.addEventListener('abort', () => {
    observer.disconnect()
    themeObserver.disconnect()
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
