// "Enable on this site": a Mastodon instance beyond the ones the manifest lists gets the content
// script once the reader has granted Tipline that origin (an optional host permission). The
// script is registered for that origin alone and persists across browser restarts; on the page
// it still confirms by the markup that the site is Mastodon before it attaches anything.
import type { Permissions, Scripting } from 'webextension-polyfill'
import { BackgroundError } from './errors.ts'

/** The parts of the extension API that enabling a site uses, so tests can hand in their own. */
export interface SiteAccessApi {
  permissions: Pick<Permissions.Static, 'contains'>
  scripting: Pick<Scripting.Static, 'getRegisteredContentScripts' | 'registerContentScripts'>
}

/** "https://mastodon.example" → "https://mastodon.example/*"; only a bare https origin qualifies. */
export function originPattern(origin: string): string {
  let url: URL
  try {
    url = new URL(origin)
  } catch {
    throw new BackgroundError('bad_origin', 'The site address is not a web address.')
  }
  if (url.protocol !== 'https:' || url.origin !== origin || url.port !== '') {
    throw new BackgroundError('bad_origin', 'Tipline can be enabled only on an https site address, without a path or port.')
  }
  return `${url.origin}/*`
}

/** One registration per origin, named after it, so enabling twice is enabling once. */
export const registrationId = (origin: string) => `tipline-site:${new URL(origin).host}`

export function registrationFor(origin: string, contentScript: string): Scripting.RegisteredContentScript {
  return {
    id: registrationId(origin),
    matches: [originPattern(origin)],
    js: [contentScript],
    runAt: 'document_idle',
    persistAcrossSessions: true,
  }
}

/**
 * Registers the content script for a granted origin. Refuses an origin the reader has not granted:
 * the registration would do nothing there, and the popup should ask for the permission first.
 * A site the manifest already lists (listed: its content_scripts matches) keeps just that script,
 * or every post there would get two buttons.
 */
export async function enableSite(
  api: SiteAccessApi,
  origin: string,
  contentScript: string,
  listed: readonly string[],
): Promise<{ origin: string; registered: boolean }> {
  const pattern = originPattern(origin)
  if (listed.includes(pattern)) return { origin, registered: false }
  if (!(await api.permissions.contains({ origins: [pattern] }))) {
    throw new BackgroundError('permission_missing', `Tipline has not been allowed on ${new URL(origin).host} yet.`)
  }
  const id = registrationId(origin)
  const existing = await api.scripting.getRegisteredContentScripts({ ids: [id] })
  if (existing.length > 0) return { origin, registered: false }
  await api.scripting.registerContentScripts([registrationFor(origin, contentScript)])
  return { origin, registered: true }
}
