// The tip panel is an extension page in an iframe over the post: the page's scripts can neither
// read nor click inside it. The content script only asks the background to open one; the
// background answers with a one-time token that the panel page redeems.
import browser from 'webextension-polyfill'
import type { ContentCommand, PostRef } from '../../shared/messages.ts'
import { isPanelHeight } from '../../shared/panel-height.ts'
import { send } from '../send.ts'
import { buttonShowing } from './button.ts'
import { attachStyledShadow } from './shadow.ts'

const PANEL_PAGE = 'src/extension/panel/index.html'
const WIDTH = 320
/** Until the panel says how tall its content is. */
const FIRST_HEIGHT = 360
const MARGIN = 8

const STYLE = `
:host { all: initial; position: fixed; z-index: 2147483647; width: ${WIDTH}px; }
iframe { border: none; width: 100%; height: 100%; border-radius: 16px; color-scheme: normal;
  box-shadow: 0 8px 28px rgba(0, 0, 0, 0.28); background: transparent; }
`

interface OpenPanel {
  token: string
  host: HTMLElement
  frame: HTMLIFrameElement
  /** The button it opened from, where it is placed. */
  anchor: HTMLElement
  /** Whom it tips: focus goes back to the button showing this when the panel closes. */
  post: PostRef
}

/**
 * Below the button if it fits, else above; always inside the viewport. Taller than the viewport
 * allows, it is cut to fit and the panel scrolls inside.
 */
function place(host: HTMLElement, anchor: DOMRect, wanted = FIRST_HEIGHT): void {
  const height = Math.min(wanted, innerHeight - 2 * MARGIN)
  const below = anchor.bottom + MARGIN + height <= innerHeight
  const top = below ? anchor.bottom + MARGIN : Math.max(MARGIN, anchor.top - MARGIN - height)
  const left = Math.min(Math.max(MARGIN, anchor.right - WIDTH), innerWidth - WIDTH - MARGIN)
  host.style.top = `${top}px`
  host.style.left = `${Math.max(MARGIN, left)}px`
  host.style.height = `${height}px`
}

type PanelRemove = Extract<ContentCommand, { type: 'panel.remove' }>

function isPanelRemove(message: unknown): message is PanelRemove {
  const m = message as Partial<PanelRemove> | null
  return typeof m === 'object' && m !== null && m.type === 'panel.remove' && typeof m.token === 'string'
}

export class PanelFrames {
  private open: OpenPanel | null = null
  /** Bumped by every close, so a panel asked for before an Escape or a newer Tip never appears. */
  private generation = 0
  private warned = false

  constructor(signal: AbortSignal) {
    const onCommand = (message: unknown) => {
      // The panel asked to close (its Escape, its Done): the reader was working inside it.
      if (isPanelRemove(message) && message.token === this.open?.token) this.close({ refocus: true })
    }
    browser.runtime.onMessage.addListener(onCommand)
    signal.addEventListener('abort', () => {
      browser.runtime.onMessage.removeListener(onCommand)
      this.close()
    })
    window.addEventListener('keydown', (event) => event.key === 'Escape' && this.close({ refocus: true }), { capture: true, signal })
    // A click inside the iframe never reaches this document, so any click here is outside.
    const onPointerDown = (event: PointerEvent) => {
      if (this.open && !event.composedPath().includes(this.open.host)) this.close()
    }
    window.addEventListener('pointerdown', onPointerDown, { capture: true, signal })
    // Only the open panel's own frame, at the extension's origin, sizes it: the page can post the same words.
    const panelOrigin = new URL(browser.runtime.getURL('')).origin
    const onMessage = (event: MessageEvent) => {
      const open = this.open
      if (!open || event.source !== open.frame.contentWindow || event.origin !== panelOrigin || !isPanelHeight(event.data)) return
      place(open.host, open.anchor.getBoundingClientRect(), event.data.height)
    }
    window.addEventListener('message', onMessage, { signal })
  }

  /** Open the panel for a post next to its button; only one panel exists at a time. */
  async openFor(post: PostRef, anchor: HTMLElement): Promise<void> {
    this.close()
    const generation = this.generation
    let token: string
    try {
      ;({ token } = await send('panel.open', { post }))
    } catch (error) {
      // If the background refuses or is unreachable, the button simply stays; say so once, not per click.
      if (!this.warned) console.warn('Tipline: the tip panel could not open.', error)
      this.warned = true
      return
    }
    if (generation !== this.generation) return
    const host = document.createElement('tipline-panel')
    const root = attachStyledShadow(host, STYLE, 'closed')
    const frame = document.createElement('iframe')
    frame.title = 'Tipline tip panel'
    frame.src = `${browser.runtime.getURL(PANEL_PAGE)}#${token}`
    root.append(frame)
    place(host, anchor.getBoundingClientRect())
    // Focus goes into the panel, as into a dialog, so a keyboard user carries on there.
    frame.addEventListener('load', () => frame.focus(), { once: true })
    document.documentElement.append(host)
    this.open = { token, host, frame, anchor, post }
  }

  /**
   * refocus: the reader closed it from the keyboard or from inside it, so focus goes back to the
   * button of the post it tipped rather than to the top of the page: the button it came from, unless
   * the site has since recycled that row for another post. A click elsewhere keeps focus where it went.
   */
  close(options: { refocus?: boolean } = {}): void {
    this.generation++
    const open = this.open
    this.open = null
    if (!open) return
    // Focus inside the panel shows here as its host.
    const hadFocus = document.activeElement === open.host
    open.host.remove()
    if (options.refocus && hadFocus) buttonShowing(open.post, open.anchor)?.shadowRoot?.querySelector('button')?.focus()
  }
}
