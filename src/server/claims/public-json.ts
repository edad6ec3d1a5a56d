// One read of a site's public interface. Anything that is not an answer about the proof itself
// (no connection, a timeout, a server error, a body that is not JSON) is the site being
// unreachable, so the creator is told to retry rather than that their proof is wrong. A real site
// must also be at a public address: the creator names the Mastodon instance, and the API must not
// be made to read its own network.
import type { Logger } from '../services.ts'
import { AddressRefused, type AddressPolicy } from './public-address.ts'
import { siteNotPublic, siteUnreachable } from './refusals.ts'
import { getFromSite, UnreadableAnswer, type SiteAnswer } from './site-request.ts'

const LIMITS = { timeoutMs: 10_000, maxBytes: 1_000_000, maxRedirects: 3 }

export type PublicAnswer = { found: true; body: unknown } | { found: false }

/** GET url as JSON; 404 and 400 (Bluesky's "not found") mean the thing asked for does not exist. */
export type ReadPublicJson = (siteName: string, url: URL) => Promise<PublicAnswer>

/** Reads that connect only where policy allows (PUBLIC_ONLY for a real site, null for a configured base). */
export function publicJsonReader(policy: AddressPolicy | null, log: Logger): ReadPublicJson {
  return async (siteName, url) => {
    let answer: SiteAnswer
    try {
      answer = await getFromSite(url, policy, LIMITS)
    } catch (error) {
      throw refusalFor(siteName, url, error, log)
    }
    if (answer.status === 404 || answer.status === 400) return { found: false }
    if (answer.status < 200 || answer.status > 299) throw siteUnreachable(siteName, `HTTP ${answer.status}`)
    try {
      return { found: true, body: JSON.parse(answer.text) as unknown }
    } catch {
      throw siteUnreachable(siteName, 'an answer that is not JSON')
    }
  }
}

function refusalFor(siteName: string, url: URL, error: unknown, log: Logger) {
  if (error instanceof AddressRefused) {
    log({ msg: 'claim check refused a non-public address', site: siteName, url: url.href, host: error.hostname, address: error.address })
    return siteNotPublic(siteName, error.hostname)
  }
  if (error instanceof UnreadableAnswer) return siteUnreachable(siteName, error.why)
  const timedOut = error instanceof DOMException && error.name === 'TimeoutError'
  return siteUnreachable(siteName, timedOut ? 'no answer within 10 seconds' : 'no connection')
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
