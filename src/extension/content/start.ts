// Everything the content script runs on a supported site: the engine while the site is switched
// on (with the server's selectors, if it published any), the tip panels, the background's news of
// delivered tips, and the selector health check.
import browser from 'webextension-polyfill'
import type { ContentCommand } from '../../shared/messages.ts'
import { send } from '../send.ts'
import { startEngine, type Engine } from './engine.ts'
import { watchSelectorHealth } from './health.ts'
import { watchPayLinks } from './pay.ts'
import { PanelFrames } from './panel-frame.ts'
import { followSelectorOverrides } from './remote-selectors.ts'
import { followSiteSwitch } from './settings.ts'
import type { SiteAdapter } from './site-adapter.ts'
import { BENCH_FLAG_STORAGE_KEY } from './bench-flag.ts'

function isPostTipped(message: unknown): message is Extract<ContentCommand, { type: 'post.tipped' }> {
  const m = message as Partial<Extract<ContentCommand, { type: 'post.tipped' }>> | null
  return typeof m === 'object' && m !== null && m.type === 'post.tipped' && typeof m.site === 'string' && typeof m.postId === 'string'
}

export function startTipline(adapter: SiteAdapter): void {
  const stop = new AbortController()
  const panels = new PanelFrames(stop.signal)
  let engine: Engine | null = null
  let siteOff = new AbortController()
  const health = watchSelectorHealth(adapter, stop.signal, (miss) => {
    send('selectorHealth.report', miss).catch((error: unknown) => console.warn('Tipline: selector miss not counted', error))
  })

  const onTipped = (message: unknown) => {
    if (isPostTipped(message) && message.site === adapter.id) engine?.markTipped(message.postId)
  }
  browser.runtime.onMessage.addListener(onTipped)
  stop.signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(onTipped))

  const stopEngine = () => {
    siteOff.abort()
    engine = null
    panels.close()
  }
  let measure = false
  const runEngine = () => {
    siteOff = new AbortController()
    const signal = AbortSignal.any([stop.signal, siteOff.signal])
    const pay = watchPayLinks(adapter, signal)
    engine = startEngine(adapter, {
      signal,
      onTip(post, anchor) {
        // After an update or reload of the extension this script is orphaned (runtime.id is gone):
        // its buttons could never open a panel, so they go until the page loads the new script.
        if (!browser.runtime?.id) return stop.abort()
        void panels.openFor(post, anchor)
      },
      tippedAmong: (postIds) => send('posts.tipped', { site: adapter.id, postIds }),
      onPass(pass) {
        health.onPass(pass.census)
        pay.sync(pass.posts, pass.whole)
      },
      measure,
    })
  }

  // New selectors mean every button may sit in the wrong place: start over with them.
  const restartEngine = () => {
    if (!engine) return
    stopEngine()
    runEngine()
  }
  const benchFlag = browser.storage.local.get(BENCH_FLAG_STORAGE_KEY).then((stored) => stored[BENCH_FLAG_STORAGE_KEY] === true, () => false)
  void Promise.all([benchFlag, followSelectorOverrides(adapter, stop.signal, restartEngine)]).then(([flag]) => {
    measure = flag
    followSiteSwitch(adapter.id, stop.signal, (enabled) => (enabled ? runEngine() : stopEngine()))
  })
}
