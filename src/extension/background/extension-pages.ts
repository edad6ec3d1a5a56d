// Which URLs are this extension's own pages. Compared by scheme and host rather than URL.origin:
// chrome-extension: and moz-extension: are not "special" schemes to the URL standard, so some
// runtimes give them the opaque origin "null", which every file:, data: or other opaque URL shares.
import browser from 'webextension-polyfill'

/** The tip panel's page, as the manifest lists it under web_accessible_resources. */
export const PANEL_PAGE = 'src/extension/panel/index.html'

export function isExtensionPage(url: string | null | undefined): boolean {
  const page = parse(url)
  const own = parse(browser.runtime.getURL(''))
  return page !== null && own !== null && own.host !== '' && page.protocol === own.protocol && page.host === own.host
}

/** The panel page itself, whatever query or fragment it was opened with. */
export function isPanelPage(url: string | null | undefined): boolean {
  const page = parse(url)
  const panel = parse(browser.runtime.getURL(PANEL_PAGE))
  return isExtensionPage(url) && page !== null && panel !== null && page.pathname === panel.pathname
}

export function isWebPage(url: string | null | undefined): boolean {
  const protocol = parse(url)?.protocol
  return protocol === 'https:' || protocol === 'http:'
}

function parse(url: string | null | undefined): URL | null {
  if (!url) return null
  try {
    return new URL(url)
  } catch {
    return null
  }
}
