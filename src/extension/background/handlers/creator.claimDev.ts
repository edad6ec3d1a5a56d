// Development builds only (the API refuses unless started with dev claims): claim a handle
// without posting a code, so a creator's side of the product can be tried locally.
import { routes } from '../../../shared/api.ts'
import { api } from '../api.ts'
import { syncCreator } from '../sync.ts'
import type { Handler } from './caller.ts'

export const creatorClaimDev: Handler<'creator.claimDev'> = async (claim) => {
  await api.post(routes.devClaim, claim)
  return syncCreator()
}
