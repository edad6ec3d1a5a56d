// Content script entry: pick the adapter for this site and start the engine. Kept tiny on purpose.
import browser from 'webextension-polyfill'
import { startEngine } from './engine.ts'
import { PanelFrames } from './panel-frame.ts'
import { x } from './sites/x.ts'
import { bluesky } from './sites/bluesky.ts'
import { mastodon } from './sites/mastodon.ts'

// Mastodon runs on any host and confirms itself by its markup, so it is asked last.
const adapter = [x, bluesky, mastodon].find((site) => site.matches(new URL(location.href)))
if (adapter) {
  const stop = new AbortController()
  const panels = new PanelFrames(stop.signal)
  startEngine(adapter, {
    signal: stop.signal,
    onTip(post, anchor) {
      // After an update or reload of the extension this script is orphaned (runtime.id is gone):
      // its buttons could never open a panel, so they go until the page loads the new script.
      if (!browser.runtime?.id) return stop.abort()
      void panels.openFor(post, anchor)
    },
  })
}
