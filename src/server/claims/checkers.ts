// Where each site's public interface is. Every base URL is configurable so tests and the local
// stack point the checkers at the public-API stand-in (src/devkit/sites/public-api.ts).
import type { SiteId } from '../../shared/api.ts'

export interface ClaimCheckers {
  /** Bluesky's public AppView. */
  bluesky: string
  /**
   * null: each handle's own instance (https://<instance>). A base URL: the instance is served at
   * <base>/<instance>, as the stand-in does for every instance at once.
   */
  mastodon: string | null
  /** X's oEmbed service. */
  x: string
}

export const PUBLIC_CHECKERS: ClaimCheckers = {
  bluesky: 'https://public.api.bsky.app',
  mastodon: null,
  x: 'https://publish.twitter.com',
}

export type ClaimCheckerBases = Partial<Record<SiteId, string>>

export function claimCheckers(bases: ClaimCheckerBases = {}): ClaimCheckers {
  const trim = (url: string) => url.replace(/\/+$/, '')
  return {
    bluesky: trim(bases.bluesky ?? PUBLIC_CHECKERS.bluesky),
    mastodon: bases.mastodon ? trim(bases.mastodon) : PUBLIC_CHECKERS.mastodon,
    x: trim(bases.x ?? PUBLIC_CHECKERS.x),
  }
}

/**
 * Does this site's checker read the real site rather than a configured base? A real site is only
 * read at public addresses; a configured base (the stand-in, a test's server) is wherever the
 * operator put it, loopback included.
 */
export function readsRealSite(checkers: ClaimCheckers, site: SiteId): boolean {
  return checkers[site] === PUBLIC_CHECKERS[site]
}

/** What a checker is asked: does this handle show this code, in its bio or in the post at proofUrl? */
export interface ProofQuestion {
  handle: string
  code: string
  proofUrl: URL | null
}
