// The API's selector overrides for this site (fetched and shape-checked by the background, kept in
// storage.local) replace the adapter's own selectors, followed live. Each value must parse as a
// CSS selector here, where there is a DOM to parse with; if one does not, the site's overrides are
// dropped whole, since an adapter's selectors work together. Only keys the adapter has are taken.
import browser from 'webextension-polyfill'
import type { Storage } from 'webextension-polyfill'
import type { SiteAdapter } from './site-adapter.ts'

/** shared/site-config.ts's SITE_CONFIG_STORAGE_KEY; importing it would bring zod into every page. */
export const SITE_CONFIG_STORAGE_KEY = 'siteConfig'

function parses(selector: string): boolean {
  try {
    document.createDocumentFragment().querySelector(selector)
    return true
  } catch {
    return false
  }
}

/** The overrides that apply to this adapter, or null when there are none or any is unusable. */
export function overridesFor(stored: unknown, adapter: Pick<SiteAdapter, 'id'>, defaults: Readonly<Record<string, string>>): Record<string, string> | null {
  const sites = typeof stored === 'object' && stored !== null ? (stored as { sites?: unknown }).sites : undefined
  const site = typeof sites === 'object' && sites !== null ? (sites as Record<string, unknown>)[adapter.id] : undefined
  if (typeof site !== 'object' || site === null) return null
  const overrides: Record<string, string> = {}
  for (const [name, selector] of Object.entries(site)) {
    if (!Object.hasOwn(defaults, name)) continue
    if (typeof selector !== 'string' || selector.length > 500 || !parses(selector)) {
      console.warn(`Tipline: ignoring the server's selectors for ${adapter.id}: ${name} is not a CSS selector`)
      return null
    }
    overrides[name] = selector
  }
  return Object.keys(overrides).length > 0 ? overrides : null
}

/**
 * Applies the current overrides to adapter.selectors, then calls onChange whenever they change.
 * The adapter's functions read its selectors object at each call, so replacing the values in place
 * re-targets all of them. Resolves once the stored overrides (if any) are in place.
 */
export async function followSelectorOverrides(adapter: SiteAdapter, signal: AbortSignal, onChange: () => void): Promise<void> {
  const selectors = adapter.selectors as Record<string, string>
  const defaults = { ...selectors }
  let applied = ''
  const apply = (stored: unknown): boolean => {
    const next = { ...defaults, ...overridesFor(stored, adapter, defaults) }
    const key = JSON.stringify(next)
    if (key === applied) return false
    applied = key
    Object.assign(selectors, next)
    return true
  }
  const onChanged = (changes: Record<string, Storage.StorageChange>, area: string) => {
    const change = changes[SITE_CONFIG_STORAGE_KEY]
    if (area === 'local' && change && !signal.aborted && apply(change.newValue)) onChange()
  }
  browser.storage.onChanged.addListener(onChanged)
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(onChanged))
  const stored = await browser.storage.local.get(SITE_CONFIG_STORAGE_KEY).catch(() => ({}) as Record<string, unknown>)
  apply(stored[SITE_CONFIG_STORAGE_KEY])
}
