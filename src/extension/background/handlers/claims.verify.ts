// The API reads the posted code back from the site; on success the handle is the creator's and
// what waited in its escrow is in their earnings, so the dashboard's cache is refreshed at once.
import { routes } from '../../../shared/api.ts'
import { api } from '../api.ts'
import { syncCreator } from '../sync.ts'
import type { Handler } from './caller.ts'

export const claimsVerify: Handler<'claims.verify'> = async (proof) => {
  await api.post(routes.claimsVerify, proof)
  return syncCreator()
}
