// One read of a site's public interface. Anything that is not an answer about the proof itself
// (no connection, a timeout, a server error, a body that is not JSON) is the site being
// unreachable, so the creator is told to retry rather than that their proof is wrong.
import { siteUnreachable } from './refusals.ts'

const TIMEOUT_MS = 10_000

export type PublicAnswer = { found: true; body: unknown } | { found: false }

/** GET url as JSON; 404 and 400 (Bluesky's "not found") mean the thing asked for does not exist. */
export async function readPublicJson(siteName: string, url: URL): Promise<PublicAnswer> {
  let response: Response
  try {
    response = await fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(TIMEOUT_MS) })
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError'
    throw siteUnreachable(siteName, timedOut ? 'no answer within 10 seconds' : 'no connection')
  }
  if (response.status === 404 || response.status === 400) {
    await response.body?.cancel()
    return { found: false }
  }
  if (!response.ok) {
    await response.body?.cancel()
    throw siteUnreachable(siteName, `HTTP ${response.status}`)
  }
  try {
    return { found: true, body: await response.json() }
  } catch {
    throw siteUnreachable(siteName, 'an answer that is not JSON')
  }
}

/** Text of an HTML fragment (a Mastodon note, an oEmbed blockquote), tags dropped. */
export const textOfHtml = (html: string) =>
  html
    .replace(/<[^>]*>/g, '')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&(amp|lt|gt|quot|apos|mdash);/g, (_, name: string) => ENTITIES[name] ?? '')

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", mdash: '—' }

/** Sites keep what people type, but some change letter case in places; the code's letters are unambiguous either way. */
export const carriesCode = (text: string, code: string) => text.toUpperCase().includes(code.toUpperCase())
