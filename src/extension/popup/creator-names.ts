// Who a row is about: "@nour_writes (Nour)" once a post showed their name, "@nour_writes" before.
// The handle leads because it is what identifies them; the name is page-written and only helps.
// The names come from the creators table the background fills.
import type { SiteId } from '../../shared/api.ts'
import { db } from '../db.ts'

export type CreatorNames = ReadonlyMap<string, string>

const keyOf = (site: SiteId, handle: string) => `${site}:${handle}`

export async function namesFor(refs: ReadonlyArray<{ site: SiteId | null; handle: string | null }>): Promise<CreatorNames> {
  const keys = refs.flatMap(({ site, handle }) => (site && handle ? [[site, handle] as [SiteId, string]] : []))
  const known = await db.creators.bulkGet(keys)
  const names = new Map<string, string>()
  for (const creator of known) if (creator?.displayName) names.set(keyOf(creator.site, creator.handle), creator.displayName)
  return names
}

export function who(site: SiteId | null, handle: string, names: CreatorNames): string {
  const name = site ? names.get(keyOf(site, handle)) : undefined
  return name ? `@${handle} (${name})` : `@${handle}`
}
