// The content script's engine: watches the page, asks the site's adapter for posts, and keeps
// exactly one Tip button in each post's action bar, true to the post it sits under, marked when
// the reader has tipped that post already; on a profile page, one Send button in its header.
import type { PostRef } from '../../shared/messages.ts'
import type { SiteAdapter } from './site-adapter.ts'
import { BAR_END, pageTheme, ROOM_START, ROOM_START_ELSE, TIP_BUTTON_TAG, tipHostIn, TipButton, type Theme } from './button.ts'

export interface EngineOptions {
  signal: AbortSignal
  onTip(post: PostRef, anchor: HTMLElement): void
  /** Which of these posts the reader has tipped; asked once per batch of newly shown posts. */
  tippedAmong(postIds: string[]): Promise<string[]>
  /** After each pass, with what it looked at. */
  onPass?(pass: Pass): void
  /** Benchmarks only (npm run bench:content): time each pass as a 'tipline:sync' performance measure. */
  measure?: boolean
}

/** The detail of each 'tipline:sync' measure: how many buttons the pass attached or re-pointed. */
export interface SyncMeasureDetail {
  bound: number
}

/** The detail of each 'tipline:ask' measure (sending one tipped question): how many posts it asked about. */
export interface AskMeasureDetail {
  posts: number
}

/** Mutation reports kept for the next pass; past this many, it looks at every post instead. */
const MAX_REPORTS = 5_000

/** Tip buttons kept off the page for reuse: a timeline's worth of rows turning into ads at once. */
const MAX_SPARE_BUTTONS = 20

/** The least time between two tipped questions; a post found after a quiet spell is asked about at once. */
const ASK_EVERY_MS = 250

export interface PassResult {
  posts: number
  /** Posts whose action bar the adapter could not find: the button has nowhere to go. */
  withoutActionBar: number
}

export interface Pass {
  /** The posts the pass looked at: those the page's changes touched, or every post on the page when whole. */
  posts: readonly Element[]
  whole: boolean
  /** Counts what the page holds now, for the selector health check (costly, so only on demand). */
  census(): PassResult
}

export interface Engine {
  /** A tip for this post was just delivered: mark its button wherever it shows. */
  markTipped(postId: string): void
}

export function startEngine(adapter: SiteAdapter, options: EngineOptions): Engine {
  const buttons = new WeakMap<Element, TipButton>()
  /**
   * The host each post was given last. A post's stray button (its bar re-rendered elsewhere, or the
   * post turned into an ad) is found here rather than by searching the post: a live collection of
   * the post's hosts was among the costliest steps of a pass in traces, and the page paid again to
   * keep it current.
   */
  const hostOfPost = new WeakMap<Element, Element>()
  /** The controls each bar's button was last hung between, named already. */
  const namedControls = new WeakMap<Element, { end: Element; roomStarts: (Element | null)[] }>()
  /** Action bars known to be their button's containing block. */
  const anchoring = new WeakSet<Element>()
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

  // A message to the background costs more than a whole pass (about half a millisecond in Chromium):
  // posts shown while one question waits or is on its way go together in the next, asked apart from
  // the pass that found them and at most once per ASK_EVERY_MS, so a long scroll sends a few dozen.
  // After a quiet spell the next question goes in the task after the pass, so its marks show at once.
  let waiting: string[] = []
  let askTimer = 0
  let asking = false
  let askedAt = Number.NEGATIVE_INFINITY
  const askWaiting = () => {
    askTimer = 0
    if (asking || options.signal.aborted || waiting.length === 0) return
    const started = performance.now()
    askedAt = started
    const batch = waiting
    waiting = []
    asking = true
    const answered = askAbout(batch)
    if (options.measure) performance.measure('tipline:ask', { start: started, detail: { posts: batch.length } satisfies AskMeasureDetail })
    void answered.finally(() => {
      asking = false
      askSoon([])
    })
  }
  const askSoon = (postIds: string[]) => {
    for (const id of postIds) waiting.push(id)
    if (askTimer === 0 && !asking && waiting.length > 0) {
      askTimer = window.setTimeout(askWaiting, Math.max(0, askedAt + ASK_EVERY_MS - performance.now()))
    }
  }

  /** On a profile page, one Send button in the header for the person; returns its host. */
  const syncProfile = (theme: Theme): Element | null => {
    const header = adapter.profileHeader?.(document)
    const person = header && adapter.readProfile?.(document, new URL(location.href))
    if (!header || !person) return null
    const host = tipHostIn(header)
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

  /** A post's Tip opens the panel with the post's first words, read now rather than in every pass. */
  const tipPost = (post: PostRef, host: HTMLElement) => {
    const el = adapter.postAround(host)
    const excerpt = el && adapter.readExcerpt?.(el)
    options.onTip(excerpt ? { ...post, excerpt } : post, host)
  }

  /**
   * Tip buttons taken off the page (their row turned into an ad, or their bar was re-rendered),
   * kept for the next post that needs one: building a button (its shadow root, icon and handlers)
   * cost more than a whole pass over a post whose button is only re-pointed.
   */
  const spare: TipButton[] = []
  const putAway = (host: Element | null | undefined) => {
    if (!host) return
    host.remove()
    const button = buttons.get(host)
    if (button && spare.length < MAX_SPARE_BUTTONS) spare.push(button)
  }

  const newTipButton = (post: PostRef, theme: Theme): TipButton => {
    const button = new TipButton(post, theme, tipPost)
    // A site that names where its bar has room gets the button there; otherwise after the last control.
    button.hang(adapter.barEnd ? 'before' : 'after', adapter.barRoomStart !== undefined)
    buttons.set(button.host, button)
    return button
  }

  /**
   * Attach, re-point or remove the button of one post; returns whether a button now shows a post it
   * did not show before. unasked collects post ids to ask the tipped question about.
   */
  const syncPost = (el: Element, theme: Theme, unasked: string[], newBars: Element[]): boolean => {
    const bar = adapter.actionBar(el)
    const post = bar && adapter.readPost(el)
    // Sites recycle rows: a host already in this bar is re-pointed at the row's current post.
    const host = bar && tipHostIn(bar)
    // The post's last host sits where the post no longer puts its bar; a host under what is no longer tippable (an ad) goes too.
    // One no longer in the post is no stray of it: gone with the post's old markup, or reused since.
    const had = hostOfPost.get(el)
    if (had !== undefined && had !== host && el.contains(had)) putAway(had)
    if (!bar || !post) {
      putAway(host)
      hostOfPost.delete(el)
      return false
    }
    let button = host && buttons.get(host)
    if (!button) {
      button = spare.pop() ?? newTipButton(post, theme)
      bar.append(button.host)
      newBars.push(bar)
    }
    button.update(post, theme)
    hostOfPost.set(el, button.host)
    anchorAtEnd(bar)
    const { postId } = post
    button.setTipped(postId !== null && tipped.has(postId))
    if (postId !== null && !asked.has(postId)) {
      asked.add(postId)
      unasked.push(postId)
    }
    return true
  }

  /**
   * Names the controls the button hangs beside as anchors: the bar's end (BAR_END) and, where the
   * site has them, the start of the room before it (ROOM_START, else ROOM_START_ELSE). A recycled
   * row keeps its bar and its controls: they are looked for again only once one named before has
   * left the page.
   */
  const anchorAtEnd = (bar: Element) => {
    const named = namedControls.get(bar)
    if (named && named.end.parentElement === bar && named.roomStarts.every((el) => el?.isConnected !== false)) return
    let end = adapter.barEnd?.(bar) ?? bar.lastElementChild
    while (end && end.localName.startsWith('tipline-')) end = end.previousElementSibling
    if (!(end instanceof HTMLElement)) return
    const roomStarts = [adapter.barRoomStart?.(bar) ?? null, adapter.barRoomStartElse?.(bar) ?? null]
    nameAnchor(end, BAR_END)
    roomStarts.forEach((el, i) => el instanceof HTMLElement && nameAnchor(el, i === 0 ? ROOM_START : ROOM_START_ELSE))
    namedControls.set(bar, { end, roomStarts })
  }
  const nameAnchor = (el: HTMLElement, name: string) => {
    if (el.style.getPropertyValue('anchor-name') !== name) el.style.setProperty('anchor-name', name)
  }

  /**
   * The button is out of the bar's flow, so adding it moves nothing; a bar that is not positioned
   * becomes its containing block (which moves nothing either). All reads before any write: one
   * style recalculation per pass, not one per bar.
   */
  const anchorInto = (bars: Element[]) => {
    // Asking forces the browser to style the page's pending changes mid-frame: a recycled row's bar,
    // buttoned again after showing an ad, is not asked twice.
    const unknown = bars.filter((bar) => !anchoring.has(bar))
    const unpositioned = unknown.filter((bar) => getComputedStyle(bar).position === 'static')
    for (const bar of unpositioned) if (bar instanceof HTMLElement) bar.style.position = 'relative'
    for (const bar of unknown) anchoring.add(bar)
  }

  /** Every post on the page and whether each has its action bar, for the selector health check. */
  const census = (): PassResult => {
    const posts = adapter.findPosts(document)
    return { posts: posts.length, withoutActionBar: posts.filter((el) => !adapter.actionBar(el)).length }
  }

  // What changed since the last pass: the page's mutation reports, or everything (at start, and when
  // the theme changed, which every button shows).
  let theme: Theme | null = null
  let everything = true
  let reports: MutationRecord[][] = []
  let reported = 0

  /**
   * The posts the reports touched, and whether anything outside posts moved (a profile header may
   * have come); null when the document itself changed, so every post must be looked at.
   */
  const touched = (): { posts: Set<Element>; outsidePosts: boolean } | null => {
    const posts = new Set<Element>()
    let outsidePosts = false
    // A re-rendered row reports several changes in a row: the post found for one usually holds the next.
    let last: Element | null = null
    for (const records of reports) {
      for (const record of records) {
        const { target } = record
        if (last?.contains(target)) continue
        if (!(target instanceof Element)) return null
        const post = adapter.postAround(target)
        if (post) {
          posts.add(post)
          last = post
          continue
        }
        outsidePosts = true
        for (const node of record.addedNodes) {
          if (!(node instanceof Element)) continue
          const added = adapter.postAround(node)
          if (added) posts.add(added)
          else for (const inside of adapter.findPosts(node)) posts.add(inside)
        }
      }
    }
    return { posts, outsidePosts }
  }

  // The pass finds the posts in the reports itself, so its measure covers finding them as well as binding them.
  const sync = () => {
    const started = options.measure ? performance.now() : 0
    theme ??= pageTheme()
    const found = everything ? null : touched()
    reports = []
    reported = 0
    const posts = found ? [...found.posts].filter((el) => el.isConnected) : adapter.findPosts(document)
    const unasked: string[] = []
    const newBars: Element[] = []
    let bound = 0
    for (const el of posts) {
      if (syncPost(el, theme, unasked, newBars)) bound++
    }
    anchorInto(newBars)
    const profile = !found || found.outsidePosts ? syncProfile(theme) : null
    if (!found) {
      const live = new Set<Element | undefined>([profile ?? undefined])
      for (const el of posts) live.add(hostOfPost.get(el))
      // Whatever is left is no post's button: under something that is no longer a post at all, or astray in one.
      for (const host of document.querySelectorAll(TIP_BUTTON_TAG)) if (!live.has(host)) host.remove()
    }
    askSoon(unasked)
    everything = false
    options.onPass?.({ posts, whole: !found, census })
    // What the pass itself changed (buttons added, bars positioned) is no change to the page.
    observer.takeRecords()
    if (options.measure) performance.measure('tipline:sync', { start: started, detail: { bound } satisfies SyncMeasureDetail })
  }

  // One MutationObserver, and at most two passes a frame. The first changes in a frame are looked at
  // at once, in the observer's callback, so the frame that first shows a post shows its button too: a
  // row recycled for another post never shows the previous post's button, even for one frame. The
  // page's task that made the changes has just ended, so the nodes are still at hand: a pass there
  // cost about a quarter less than the same pass a frame later. Changes after that pass, in the same
  // frame, go together in one pass at the next frame, as does a look at the whole page.
  let frame = 0
  let passDue = false
  const nextFrame = () => {
    frame = 0
    if (!passDue) return
    passDue = false
    sync()
  }
  const schedule = () => {
    passDue = true
    frame ||= requestAnimationFrame(nextFrame)
  }
  const observer = new MutationObserver((records) => {
    // A hidden tab runs no frames: a page that changes for hours there is looked at whole when it shows again.
    reported += records.length
    if (reported > MAX_REPORTS) {
      everything = true
      reports = []
    } else if (!everything) {
      reports.push(records)
    }
    if (frame !== 0 || everything) return schedule()
    frame = requestAnimationFrame(nextFrame)
    sync()
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
    clearTimeout(askTimer)
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
