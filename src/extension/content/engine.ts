// The content script's engine: watches the page, asks the site's adapter for posts, and keeps
// exactly one Tip button in each post's action bar, true to the post it sits under.
import type { PostRef } from '../../shared/messages.ts'
import type { SiteAdapter } from './site-adapter.ts'
import { pageTheme, TIP_BUTTON_TAG, TipButton } from './button.ts'

export interface EngineOptions {
  signal: AbortSignal
  onTip(post: PostRef, anchor: HTMLElement): void
}

/** Attach, re-point or remove buttons so the page has exactly one per tippable post. */
function syncButtons(adapter: SiteAdapter, buttons: WeakMap<Element, TipButton>, onTip: EngineOptions['onTip']): void {
  const live = new Set<Element>()
  const theme = pageTheme()
  for (const el of adapter.findPosts(document)) {
    const bar = adapter.actionBar(el)
    const post = bar && adapter.readPost(el)
    if (!bar || !post) continue
    // Sites recycle rows: a host already in this bar is re-pointed at the row's current post.
    const host = [...bar.children].find((child) => child.localName === TIP_BUTTON_TAG)
    const existing = host && buttons.get(host)
    if (existing) {
      existing.update(post, theme)
      live.add(existing.host)
      continue
    }
    const button = new TipButton(post, theme, onTip)
    buttons.set(button.host, button)
    bar.append(button.host)
    live.add(button.host)
  }
  // Whatever is left sits under something that is no longer a tippable post (e.g. now an ad).
  for (const host of document.querySelectorAll(TIP_BUTTON_TAG)) if (!live.has(host)) host.remove()
}

/** Watch the page with one MutationObserver, batching its reports into one pass per frame. */
export function startEngine(adapter: SiteAdapter, options: EngineOptions): void {
  const buttons = new WeakMap<Element, TipButton>()
  let frame = 0
  const schedule = () => {
    frame ||= requestAnimationFrame(() => {
      frame = 0
      syncButtons(adapter, buttons, options.onTip)
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
  syncButtons(adapter, buttons, options.onTip)
}
