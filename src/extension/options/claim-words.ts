// Why a claim failed, in the creator's language: the API's refusal codes for claims, each a
// sentence that says what to fix. Anything else falls back to the shared error words.
import type { SiteId } from '../../shared/api.ts'
import { t, type MessageKey } from '../i18n.ts'
import { errorWords } from '../ui/words.ts'

const CLAIM_WORDS: Record<string, MessageKey> = {
  claim_code_not_found: 'claimErrorCodeNotFound',
  claim_proof_not_found: 'claimErrorProofNotFound',
  claim_proof_url_invalid: 'claimErrorProofUrlInvalid',
  claim_handle_invalid: 'claimErrorHandleInvalid',
  claim_code_expired: 'claimErrorCodeExpired',
  claim_not_started: 'claimErrorCodeExpired',
  handle_taken: 'claimErrorHandleTaken',
  handle_already_yours: 'claimErrorAlreadyYours',
  handle_not_yours: 'claimErrorNotYours',
}

export function claimErrorWords(code: string, site: SiteId, handle: string): string {
  if (code === 'claim_handle_mismatch') return t('claimErrorHandleMismatch', `@${handle}`)
  if (code === 'claim_site_unreachable') return t('claimErrorSiteUnreachable', t(`site_${site}`))
  const key = CLAIM_WORDS[code]
  return key ? t(key) : errorWords(code)
}

/** Where the code goes on each site: X has no public bio lookup, so there it must be a post. */
export const WHERE_TO_POST: Record<SiteId, MessageKey> = {
  x: 'claimWhereX',
  bluesky: 'claimWhereBluesky',
  mastodon: 'claimWhereMastodon',
}

/** The proof link is optional where the bio can be checked instead. */
export const needsPostLink = (site: SiteId) => site === 'x'
