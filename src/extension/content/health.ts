// Selector health: once the page has settled, a page that should show posts but has none, or posts
// without their action bar, means the site's markup moved away from the adapter's selectors. Each
// kind is reported once per page path, so a long session on a broken page counts as one miss.
import type { SelectorMissKind, SelectorMissReport } from '../../shared/selector-health.ts'
import type { PassResult } from './engine.ts'
import type { SiteAdapter } from './site-adapter.ts'

/** Quiet time after the last pass before the page counts as settled. */
const SETTLE_MS = 2_000
/** A page that keeps changing (a live timeline) is judged this long after its first pass anyway. */
const LONGEST_WAIT_MS = 10_000

export interface SelectorHealthWatch {
  /** Feed every engine pass in; the page is counted once it settles, and reports go out through report. */
  onPass(census: () => PassResult): void
}

export function watchSelectorHealth(
  adapter: SiteAdapter,
  signal: AbortSignal,
  report: (miss: SelectorMissReport) => void,
): SelectorHealthWatch {
  const reported = new Set<string>()
  let latest: (() => PassResult) | null = null
  // One timer, armed by the first pass after a judgement and moved on only when it fires: passes come
  // every frame on a scrolled timeline, and clearing and arming two timers in each was a sizeable part of a pass.
  let timer = 0
  let firstPass = 0
  let lastPass = 0

  const judge = () => {
    timer = 0
    if (!latest || signal.aborted) return
    const url = new URL(location.href)
    const found = latest()
    if (found.posts === 0 && adapter.expectsPosts?.(url)) send('no_posts', url.pathname)
    if (found.withoutActionBar > 0) send('no_action_bar', url.pathname)
  }
  /** Judge once the page has been quiet for SETTLE_MS, or LONGEST_WAIT_MS after the first pass, whichever comes first. */
  const wait = () => {
    const due = Math.min(lastPass + SETTLE_MS, firstPass + LONGEST_WAIT_MS) - performance.now()
    if (due <= 0) return judge()
    timer = window.setTimeout(wait, due)
  }
  const send = (kind: SelectorMissKind, path: string) => {
    const key = `${kind}:${path}`
    if (reported.has(key)) return
    reported.add(key)
    report({ site: adapter.id, kind, path: path.slice(0, 300) })
  }
  signal.addEventListener('abort', () => clearTimeout(timer))

  return {
    onPass(census) {
      latest = census
      lastPass = performance.now()
      if (timer !== 0) return
      firstPass = lastPass
      timer = window.setTimeout(wait, SETTLE_MS)
    },
  }
}
