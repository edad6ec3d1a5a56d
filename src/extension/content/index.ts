// Content script entry: pick the adapter for this site and start the engine. Kept tiny on purpose.
import { startEngine } from './engine.ts'
import { PanelFrames } from './panel-frame.ts'
import { x } from './sites/x.ts'

const adapter = [x].find((site) => site.matches(new URL(location.href)))
if (adapter) {
  const signal = new AbortController().signal
  const panels = new PanelFrames(signal)
  startEngine(adapter, { signal, onTip: (post, anchor) => void panels.openFor(post, anchor) })
}
