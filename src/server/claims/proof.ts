// Does the site show the claim's code on this handle? Each site's checker reads only its public
// interface; a refusal is an ApiFailure that names what failed.
import type { SiteId } from '../../shared/api.ts'
import { checkBluesky } from './bluesky.ts'
import type { ClaimCheckers, ProofQuestion } from './checkers.ts'
import { checkMastodon } from './mastodon.ts'
import { checkX } from './x.ts'

export function checkProof(checkers: ClaimCheckers, site: SiteId, q: ProofQuestion): Promise<void> {
  switch (site) {
    case 'bluesky':
      return checkBluesky(checkers.bluesky, q)
    case 'mastodon':
      return checkMastodon(checkers.mastodon, q)
    case 'x':
      return checkX(checkers.x, q)
  }
}
