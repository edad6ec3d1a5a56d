// Why a claim could not be verified, in words that name what failed: a code for programs, a
// sentence for the creator that says what to fix.
import { ApiFailure } from '../http/errors.ts'

export const codeNotFound = (where: string, code: string) =>
  new ApiFailure(422, 'claim_code_not_found', `The code ${code} is not in ${where}. Post it exactly as shown, then verify again.`)

export const proofNotFound = (what: string) =>
  new ApiFailure(422, 'claim_proof_not_found', `${what} could not be found. Check that it is public and the address is right.`, 'proofUrl')

export const handleMismatch = (claimed: string, shown: string) =>
  new ApiFailure(422, 'claim_handle_mismatch', `The proof belongs to @${shown}, not to @${claimed}.`, 'proofUrl')

export const siteUnreachable = (site: string, why: string) =>
  new ApiFailure(502, 'claim_site_unreachable', `${site} could not be checked right now (${why}). Try again in a moment.`)

// The same code as unreachable, so the creator's page says the site could not be reached; the
// sentence says why retrying will not help.
export const siteNotPublic = (site: string, host: string) =>
  new ApiFailure(
    502,
    'claim_site_unreachable',
    `${site} could not be checked: ${host} is not at a public internet address, and claims are only checked on public sites.`,
  )

export const proofUrlInvalid = (why: string) => new ApiFailure(400, 'claim_proof_url_invalid', `proofUrl: ${why}`, 'proofUrl')

export const handleInvalid = (why: string) => new ApiFailure(400, 'claim_handle_invalid', `handle: ${why}`, 'handle')
