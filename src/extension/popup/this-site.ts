// Which site the popup was opened over, and whether it can offer "Enable on this site". Tipline runs
// on the sites its manifest lists; any other https origin (a Mastodon instance, say) it can be
// enabled on, once the reader grants it (background/site-access.ts registers the content script).
import browser from 'webextension-polyfill'
import type { Windows } from 'webextension-polyfill'
import { registrationId } from '../background/site-access.ts'

export interface ThisSite {
  tabId: number
  origin: string
  host: string
  /** The host permission that enabling asks for. */
  pattern: string
}

/**
 * The site behind a tab's address, or null when it is none Tipline could be enabled on: not https,
 * on a port, not a web page at all, or a site the manifest runs on already (listed: its
 * content_scripts matches).
 */
export function siteAt(tabId: number, url: string | undefined, listed: readonly string[]): ThisSite | null {
  if (!url) return null
  let address: URL
  try {
    address = new URL(url)
  } catch {
    return null
  }
  if (address.protocol !== 'https:' || address.port !== '') return null
  const pattern = `${address.origin}/*`
  return listed.includes(pattern) ? null : { tabId, origin: address.origin, host: address.host, pattern }
}

/**
 * The tab the popup is about: the active tab of the last focused normal window. The toolbar popup
 * belongs to no window, so that is the page it was opened over; a popup page shown in a window of
 * its own (as tests do) finds the browser window behind it the same way. Its address is readable
 * through activeTab, granted by the click on the toolbar button.
 */
export async function findThisSite(): Promise<ThisSite | null> {
  // windowTypes filters which windows count as last focused (Chrome and Firefox both take it; the
  // polyfill's types leave it out).
  const lastNormal: Windows.GetInfo & { windowTypes: Windows.WindowType[] } = { populate: true, windowTypes: ['normal'] }
  const window = await browser.windows.getLastFocused(lastNormal)
  const tab = window.tabs?.find((candidate) => candidate.active)
  if (tab?.id === undefined) return null
  const listed = browser.runtime.getManifest().content_scripts?.flatMap((script) => script.matches ?? []) ?? []
  return siteAt(tab.id, tab.url, listed)
}

/** Whether the reader enabled Tipline on this site before (its content script is registered). */
export async function isEnabled(site: ThisSite): Promise<boolean> {
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [registrationId(site.origin)] })
  return registered.length > 0
}
