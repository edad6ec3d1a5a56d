// Whether this site's buttons should show, read from the reader's settings in storage.local and
// followed live through storage.onChanged: switching a site off takes its buttons down at once.
// The full schema (shared/settings.ts) is validated where settings are written; this reads only the
// two switches it needs, without zod, to keep the content script inside its size budget.
import browser from 'webextension-polyfill'
import type { Storage } from 'webextension-polyfill'
import type { SiteId } from '../../shared/api.ts'

/** shared/settings.ts's SETTINGS_STORAGE_KEY; importing it would bring zod into every page. */
export const SETTINGS_STORAGE_KEY = 'settings'

/** Anything missing or malformed means "on", the default for every site. */
export function siteEnabled(stored: unknown, site: SiteId): boolean {
  if (typeof stored !== 'object' || stored === null) return true
  const { hideAll, sites } = stored as { hideAll?: unknown; sites?: unknown }
  if (hideAll === true) return false
  const switches = typeof sites === 'object' && sites !== null ? (sites as Record<string, unknown>) : {}
  return switches[site] !== false
}

/** Calls onChange with the current state at once, then whenever the switch flips. */
export function followSiteSwitch(site: SiteId, signal: AbortSignal, onChange: (enabled: boolean) => void): void {
  let enabled: boolean | null = null
  const apply = (stored: unknown) => {
    const next = siteEnabled(stored, site)
    if (next === enabled || signal.aborted) return
    enabled = next
    onChange(next)
  }
  const onChanged = (changes: Record<string, Storage.StorageChange>, area: string) => {
    const change = changes[SETTINGS_STORAGE_KEY]
    if (area === 'local' && change) apply(change.newValue)
  }
  browser.storage.onChanged.addListener(onChanged)
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(onChanged))
  void browser.storage.local.get(SETTINGS_STORAGE_KEY).then(
    (stored) => enabled === null && apply(stored[SETTINGS_STORAGE_KEY]),
    () => apply(undefined),
  )
}
