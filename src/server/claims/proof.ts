// Does the site show the claim's code on this handle? Each site's checker reads only its public
// interface; a refusal is an ApiFailure that names what failed.
import type { SiteId } from '../../shared/api.ts'
import type { Logger } from '../services.ts'
import { checkBluesky } from './bluesky.ts'
import { readsRealSite, type ClaimCheckers, type ProofQuestion } from './checkers.ts'
import { checkMastodon } from './mastodon.ts'
import { PUBLIC_ONLY } from './public-address.ts'
import { publicJsonReader } from './public-json.ts'
import { checkX } from './x.ts'

export function checkProof(checkers: ClaimCheckers, site: SiteId, q: ProofQuestion, log: Logger): Promise<void> {
  const read = publicJsonReader(readsRealSite(checkers, site) ? PUBLIC_ONLY : null, log)
  switch (site) {
    case 'bluesky':
      return checkBluesky(checkers.bluesky, q, read)
    case 'mastodon':
      return checkMastodon(checkers.mastodon, q, read)
    case 'x':
      return checkX(checkers.x, q, read)
  }
}
