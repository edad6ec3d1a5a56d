// The tip panel tells the content script that framed it how tall its content is, so the frame fits
// it: the panel grows while a tip is held (the Undo toast) and must never hide its own title.
// Posted to the parent window, where the content script takes it only from the panel's own frame
// and origin; the page sees a number and can forge none.

/** The message the panel posts (window.postMessage) whenever its content changes height. */
export interface PanelHeight {
  tipline: 'panel.height'
  /** CSS pixels the panel's content needs. */
  height: number
}

export function panelHeight(height: number): PanelHeight {
  return { tipline: 'panel.height', height: Math.ceil(height) }
}

export function isPanelHeight(data: unknown): data is PanelHeight {
  const message = data as Partial<PanelHeight> | null
  return typeof message === 'object' && message !== null && message.tipline === 'panel.height' && Number.isFinite(message.height) && (message.height ?? 0) > 0
}
