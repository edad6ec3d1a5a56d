// The Tip button under a post: a <tipline-button> host whose shadow root keeps the site's CSS out
// and ours in. Chrome gives content scripts no customElements registry, so the host is a plain
// element with a valid custom-element name (which may carry a shadow root) plus this controller.
import browser from 'webextension-polyfill'
import type { PostRef } from '../../shared/messages.ts'
import { attachStyledShadow } from './shadow.ts'

export const TIP_BUTTON_TAG = 'tipline-button'
/**
 * The anchor name the engine gives one control of a bar. The Tip button is out of the bar's flow
 * (so adding it moves nothing) and hangs beside that control (see TipButton.hang); without an
 * anchor it sits at the bar's trailing end.
 */
export const BAR_END = '--tipline-bar-end'
/**
 * The anchor name of the control whose far edge starts the room the Tip button hangs in, before
 * BAR_END (X's views count): the button is as wide as that room, and shortens to its icon when the
 * room is too narrow for its text.
 */
export const ROOM_START = '--tipline-room-start'
/** The anchor name of the control that starts the room where ROOM_START's is not shown. */
export const ROOM_START_ELSE = '--tipline-room-start-else'

/** The button's text face: its width, measured off the page, decides when it shortens to the icon. */
const FONT = '600 13px system-ui, sans-serif'
/** The button's inline margins in a room, padding and borders around its text, in px (below). */
const TEXT_INSET_PX = 4 + 8 + 2 * 12 + 2 * 1

const STYLE = `
:host { display: flex; flex: 0 0 auto; align-items: center; margin-inline-start: 4px; }
/* The space beside the button is the button's margin, not the host's: shortened to its icon in a
   narrow room, it gives that space up too (X's bar in a window about 400px wide). */
:host([data-kind="tip"]) { position: absolute; top: 0; bottom: 0; margin: 0; inset-inline-end: 0; }
button {
  all: unset; box-sizing: border-box; cursor: pointer; font: ${FONT}; line-height: 1;
  padding: 6px 12px; border-radius: 999px; border: 1px solid var(--line); color: var(--ink);
  background: transparent; white-space: nowrap;
}
/* As tall as the bar and no taller: the row keeps its height. */
:host([data-kind="tip"]) button { display: inline-flex; align-items: center; height: 100%; min-height: 18px; padding-block: 0; margin-inline: 8px; }
button:hover { background: var(--hover); }
button:focus-visible { outline: 2px solid #1d9bf0; outline-offset: 2px; }
:host([data-theme="light"]) { --ink: #0f1419; --line: #cfd9de; --hover: rgba(15, 20, 25, 0.06); }
:host([data-theme="dark"]) { --ink: #e7e9ea; --line: #536471; --hover: rgba(231, 233, 234, 0.1); }
/* Hung in a room between two controls: as wide as the room, the button at its end, and clicks
   anywhere else in the room go through to the page. */
:host([data-room]) { justify-content: flex-end; pointer-events: none; container-type: inline-size; }
:host([data-room]) button { pointer-events: auto; margin-inline-start: 4px; }
.icon { display: none; width: 16px; height: 16px; }
/* Shortened to its icon, a tipped post's button still looks tipped: its coins filled. */
:host([data-tipped]) .icon { fill: currentColor; fill-opacity: 0.4; }
`

/**
 * Two stacked coins, shown instead of the text where the room is too narrow for it; the aria-label
 * still names the author. Built from elements, not markup: a site may forbid HTML strings in its pages.
 */
let icon: SVGSVGElement | null = null
function coins(): Node {
  if (!icon) {
    const svg = 'http://www.w3.org/2000/svg'
    icon = document.createElementNS(svg, 'svg')
    const shapes = {
      ellipse: { cx: '8', cy: '4.5', rx: '6', ry: '2.5' },
      path: { d: 'M2 4.5v3.5c0 1.4 2.7 2.5 6 2.5s6-1.1 6-2.5V4.5M2 8v3.5c0 1.4 2.7 2.5 6 2.5s6-1.1 6-2.5V8' },
    }
    for (const [name, value] of Object.entries({ class: 'icon', viewBox: '0 0 16 16', 'aria-hidden': 'true', fill: 'none', stroke: 'currentColor', 'stroke-width': '1.5' })) {
      icon.setAttribute(name, value)
    }
    for (const [tag, attributes] of Object.entries(shapes)) {
      const shape = document.createElementNS(svg, tag)
      for (const [name, value] of Object.entries(attributes)) shape.setAttribute(name, value)
      icon.append(shape)
    }
  }
  return icon.cloneNode(true)
}

/** The button's width with its text, in px, from the text's own width in the button's face (no layout of the page). */
function textWidthPx(text: string): number {
  const context = new OffscreenCanvas(1, 1).getContext('2d')
  if (!context) return Number.POSITIVE_INFINITY
  context.font = FONT
  return Math.ceil(context.measureText(text).width) + TEXT_INSET_PX
}

/**
 * A room narrower than the icon with its padding (X's bar in a window under about 400px wide, as on
 * a phone): the icon alone, as wide as the room, down to 12px. Last, to win over the rules above.
 */
const NARROWER_THAN_ICON = `
@container (width < 24px) {
  :host([data-room]) button { padding-inline: 0; }
  .icon { width: clamp(12px, 100cqi, 16px); height: clamp(12px, 100cqi, 16px); }
}`

/**
 * Where the room is narrower than the text needs, only the icon shows: a rule per text the Tip button
 * may show (as sent, as not), in the reader's language. Built once, so every button shares one sheet.
 */
let tipStyle: string | null = null
function styleFor(kind: ButtonKind): string {
  if (kind === 'send') return STYLE
  tipStyle ??=
    STYLE +
    ([
      [':host(:not([data-tipped]))', message('tipButton', 'Tip')],
      [':host([data-tipped])', message('tipButtonTipped', 'Tipped')],
    ] as const)
      .map(
        ([state, text]) => `@container (width < ${textWidthPx(text)}px) {
  ${state} .label { display: none; }
  ${state} .icon { display: block; }
  ${state} button { padding-inline: 4px; margin-inline: 0; border-width: 0; }
}`,
      )
      .join('\n') +
    NARROWER_THAN_ICON
  return tipStyle
}

export type Theme = 'light' | 'dark'
/** Tip sits under a post; Send sits in a profile's header and pays the person, no post involved. */
export type ButtonKind = 'tip' | 'send'

/** Our Tip (or Send) button among the element's children, if it has one: usually the last, where it was put. */
export function tipHostIn(parent: Element): Element | undefined {
  const last = parent.lastElementChild
  if (last?.localName === TIP_BUTTON_TAG) return last
  // An index loop: iterating an HTMLCollection with for-of costs a microsecond per bar.
  const { children } = parent
  for (let i = 0; i < children.length; i++) if (children[i]?.localName === TIP_BUTTON_TAG) return children[i]
  return undefined
}

/**
 * The button on the page now showing this post (a Send button: this person), preferring `likely`:
 * a row recycled since may show another post under the button that was pressed.
 */
export function buttonShowing(post: PostRef, likely?: Element): HTMLElement | null {
  const selector = `${TIP_BUTTON_TAG}[data-site="${CSS.escape(post.site)}"][data-handle="${CSS.escape(post.handle)}"][data-post-id="${CSS.escape(post.postId ?? '')}"]`
  if (likely instanceof HTMLElement && likely.isConnected && likely.matches(selector)) return likely
  return document.querySelector<HTMLElement>(selector)
}

/** Light or dark from the page's own background colour, the way the site itself themes. */
export function pageTheme(doc: Document = document): Theme {
  const colour = [doc.body, doc.documentElement]
    .map((el) => (el ? getComputedStyle(el).backgroundColor : ''))
    .find((value) => value && !/^rgba\(.*,\s*0\)$|^transparent$/.test(value))
  const [r = 255, g = 255, b = 255] = (colour?.match(/[\d.]+/g) ?? []).map(Number)
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128 ? 'dark' : 'light'
}

/** Where the author goes in a label template: a private-use character no locale uses. */
const AUTHOR = '\uE000'
/** Each message split where the author goes. */
const templates = new Map<string, string[]>()

/**
 * A button's text in the browser's language. getMessage is a round trip into the browser on every
 * call (a third of the engine's time on a long timeline), so each message is asked once, with a
 * mark where the author goes.
 */
function message(name: string, fallback: string, author = ''): string {
  let parts = templates.get(name)
  if (parts === undefined) {
    parts = (browser.i18n.getMessage(name, author === '' ? undefined : [AUTHOR]) || fallback).split(AUTHOR)
    templates.set(name, parts)
  }
  // Joined, not replaced: a "$&" in an attacker-written name stays text.
  return parts.join(author)
}

/** What a button shows, as written on its host and in its shadow root. */
interface Shown {
  site: string
  handle: string
  postId: string
  tipped: boolean
  text: string
  label: string
}

export class TipButton {
  readonly host: HTMLElement
  private readonly button: HTMLButtonElement
  private readonly label: HTMLSpanElement
  post: PostRef
  private tipped = false
  private theme: Theme | null = null
  private shown: Shown | null = null

  constructor(
    post: PostRef,
    theme: Theme,
    onTip: (post: PostRef, anchor: HTMLElement) => void,
    private readonly kind: ButtonKind = 'tip',
  ) {
    this.host = document.createElement(TIP_BUTTON_TAG)
    this.host.dataset.kind = kind
    const root = attachStyledShadow(this.host, styleFor(kind), 'open')
    this.button = document.createElement('button')
    this.button.type = 'button'
    this.label = document.createElement('span')
    this.label.className = 'label'
    if (kind === 'tip') this.button.append(coins())
    this.button.append(this.label)
    root.append(this.button)
    this.post = post
    this.show(post)
    this.update(post, theme)
    // The site opens the post on any click or Enter inside it: keep ours to ourselves.
    this.button.addEventListener('click', (event) => {
      event.preventDefault()
      event.stopPropagation()
      onTip(this.post, this.host)
    })
    this.button.addEventListener('keydown', (event) => event.stopPropagation())
  }

  /**
   * Hang the Tip button just before the bar's anchored control (where a site leaves room before its
   * closing controls), filling the room back to ROOM_START when the site names one; or just after it
   * (where a site packs its controls at the start). Inline, because anchor names are tree-scoped:
   * the controls are named in the page's tree, not in our shadow root.
   */
  hang(side: 'before' | 'after', room = false): void {
    if (side === 'after') {
      this.host.style.cssText = `inset-inline-end: auto; inset-inline-start: anchor(${BAR_END} end, 0px)`
      return
    }
    this.host.style.setProperty('inset-inline-end', `anchor(${BAR_END} start, 0px)`)
    if (!room) return
    // A start that is not shown (X's views count in a narrow window) falls back to the other; without
    // either, the room reaches back to the bar's start.
    this.host.style.setProperty('inset-inline-start', `anchor(${ROOM_START} end, anchor(${ROOM_START_ELSE} end, 0px))`)
    this.host.toggleAttribute('data-room', true)
  }

  /** Keep the button true to its post and the page's theme; sites recycle rows for other posts. */
  update(post: PostRef, theme: Theme): void {
    if (this.theme !== theme) this.host.dataset.theme = this.theme = theme
    if (post.postId !== this.post.postId || post.handle !== this.post.handle || post.displayName !== this.post.displayName) {
      this.show(post)
    }
  }

  /** The reader has tipped this post already: the button says so, and still tips again. */
  setTipped(tipped: boolean): void {
    if (tipped === this.tipped) return
    this.tipped = tipped
    this.show(this.post)
  }

  private show(post: PostRef): void {
    this.post = post
    const author = post.displayName || `@${post.handle}`
    const [text, label] =
      this.kind === 'send'
        ? [message('sendButton', 'Send'), message('sendButtonLabel', `Send money to ${AUTHOR}`, author)]
        : this.tipped
          ? [message('tipButtonTipped', 'Tipped'), message('tipButtonTippedLabel', `You tipped ${AUTHOR}: tip again`, author)]
          : [message('tipButton', 'Tip'), message('tipButtonLabel', `Tip ${AUTHOR}`, author)]
    const shown: Shown = { site: post.site, handle: post.handle, postId: post.postId ?? '', tipped: this.tipped, text, label }
    // Only what differs is written: a recycled row re-pointed at another post keeps its site and its "Tip".
    const was = this.shown
    if (shown.site !== was?.site) this.host.setAttribute('data-site', shown.site)
    if (shown.handle !== was?.handle) this.host.setAttribute('data-handle', shown.handle)
    if (shown.postId !== was?.postId) this.host.setAttribute('data-post-id', shown.postId)
    if (shown.tipped !== was?.tipped) this.host.toggleAttribute('data-tipped', shown.tipped)
    if (shown.text !== was?.text) this.label.textContent = shown.text
    if (shown.label !== was?.label) this.button.setAttribute('aria-label', shown.label)
    this.shown = shown
  }
}
