// The creator gives a handle up; later tips to it wait in escrow for whoever claims it next.
import { routes } from '../../../shared/api.ts'
import { api } from '../api.ts'
import { syncCreator } from '../sync.ts'
import type { Handler } from './caller.ts'

export const claimsRelease: Handler<'claims.release'> = async (claim) => {
  await api.post(routes.claimsRelease, claim)
  return syncCreator()
}
