// A claim begins: the API hands out the one-time code the creator posts on the site. Asking again
// while it is still good returns the same code.
import { routes } from '../../../shared/api.ts'
import { api } from '../api.ts'
import type { Handler } from './caller.ts'

export const claimsStart: Handler<'claims.start'> = (claim) => api.post(routes.claims, claim)
