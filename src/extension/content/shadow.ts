// The shadow root of every element Tipline puts into a page, holding our styles. One stylesheet is
// shared by every root: a <style> in each made Chromium parse the sheet again for every button, about
// 60 µs each, and a timeline on the real site gives every post it shows a new button.

/** Each stylesheet once per page; null where this browser's content scripts cannot share one. */
const sheets = new Map<string, CSSStyleSheet | null>()

function sharedSheet(css: string): CSSStyleSheet | null {
  let sheet = sheets.get(css)
  if (sheet === undefined) {
    try {
      sheet = new CSSStyleSheet()
      sheet.replaceSync(css)
    } catch {
      sheet = null
    }
    sheets.set(css, sheet)
  }
  return sheet
}

export function attachStyledShadow(host: HTMLElement, css: string, mode: ShadowRootMode): ShadowRoot {
  const root = host.attachShadow({ mode })
  const sheet = sharedSheet(css)
  try {
    if (sheet) root.adoptedStyleSheets = [sheet]
  } catch {
    // Firefox may refuse a sheet made in the content script's own world: a <style> below does instead.
  }
  if (root.adoptedStyleSheets.length === 0) {
    const style = document.createElement('style')
    style.textContent = css
    root.append(style)
  }
  return root
}
