// How well each site's selectors still fit the site. The content script reports a miss (a page that
// should show posts shows none once it settles, or posts without their action bar); the background
// counts them per site in browser.storage.local; the options page shows the counts, so a redesign
// is noticed by the people it breaks for.
import { z } from 'zod'
import { SiteId } from './api.ts'

export const SELECTOR_HEALTH_STORAGE_KEY = 'selectorHealth'

export const SelectorMissKind = z.enum(['no_posts', 'no_action_bar'])
export type SelectorMissKind = z.infer<typeof SelectorMissKind>

export const SelectorMissReport = z.object({
  site: SiteId,
  kind: SelectorMissKind,
  /** The page's path, so a miss can be found again; never its query or fragment. */
  path: z.string().max(300),
})
export type SelectorMissReport = z.infer<typeof SelectorMissReport>

const MissCount = z.object({ count: z.number().int().nonnegative(), lastPath: z.string(), lastAt: z.string() })
export type MissCount = z.infer<typeof MissCount>

export const SelectorHealth = z.partialRecord(SiteId, z.partialRecord(SelectorMissKind, MissCount))
export type SelectorHealth = z.infer<typeof SelectorHealth>

/** Whatever is stored, read safely: anything malformed reads as no misses yet. */
export function readSelectorHealth(stored: unknown): SelectorHealth {
  const parsed = SelectorHealth.safeParse(stored ?? {})
  return parsed.success ? parsed.data : {}
}

export function countMiss(health: SelectorHealth, report: SelectorMissReport, at: Date): SelectorHealth {
  const site = health[report.site] ?? {}
  const count = (site[report.kind]?.count ?? 0) + 1
  return { ...health, [report.site]: { ...site, [report.kind]: { count, lastPath: report.path, lastAt: at.toISOString() } } }
}
