// The creator's payouts as the API has them now: payout account readiness, what each currency
// can withdraw and its minimum, and past payouts. Not cached: money about to leave should be read fresh.
import { routes } from '../../../shared/api.ts'
import { api } from '../api.ts'
import type { Handler } from './caller.ts'

export const payoutsGet: Handler<'payouts.get'> = () => api.get(routes.payouts)
