// The typed client for the payments API's authenticated routes. Each route's response is parsed
// with the shared contract's schema; a 401 renews the session and tries once more.
import { z } from 'zod'
import {
  ActivityPage,
  BudgetRequest,
  ClaimRequest,
  ClaimStarted,
  ClaimVerifyRequest,
  CreatorView,
  Payout,
  PayoutOnboarding,
  PayoutRequest,
  PayoutsView,
  Product,
  ProductRequest,
  Order,
  ReceivedTipsPage,
  TipReceipt,
  TopupRequest,
  TopupResponse,
  WalletView,
  routes,
  type TipRequest,
} from '../../shared/api.ts'
import { ApiClientError } from './errors.ts'
import { callApi, callApiIfChanged } from './http.ts'
import { renewSession, sessionToken } from './session.ts'

type Reads = {
  [routes.wallet]: WalletView
  [routes.activity]: z.infer<typeof ActivityPage>
  [routes.creator]: CreatorView
  [routes.payouts]: PayoutsView
  [routes.products]: { products: Product[] }
  [routes.orders]: { orders: Order[] }
  [routes.creatorTips]: ReceivedTipsPage
}
const reads: { [R in keyof Reads]: z.ZodType<Reads[R]> } = {
  [routes.wallet]: WalletView,
  [routes.activity]: ActivityPage,
  [routes.creator]: CreatorView,
  [routes.payouts]: PayoutsView,
  [routes.products]: z.object({ products: z.array(Product) }),
  [routes.orders]: z.object({ orders: z.array(Order) }),
  [routes.creatorTips]: ReceivedTipsPage,
}

type Writes = {
  [routes.tips]: { body: TipRequest; answer: TipReceipt }
  [routes.topups]: { body: z.infer<typeof TopupRequest>; answer: z.infer<typeof TopupResponse> }
  // The contract does not fix what a dev claim answers; callers re-read the creator view after it.
  [routes.devClaim]: { body: z.infer<typeof ClaimRequest>; answer: unknown }
  [routes.claims]: { body: z.infer<typeof ClaimRequest>; answer: ClaimStarted }
  [routes.claimsVerify]: { body: ClaimVerifyRequest; answer: CreatorView }
  [routes.claimsRelease]: { body: z.infer<typeof ClaimRequest>; answer: CreatorView }
  [routes.payouts]: { body: PayoutRequest; answer: Payout }
  [routes.payoutAccount]: { body: Record<string, never>; answer: z.infer<typeof PayoutOnboarding> }
  [routes.products]: { body: ProductRequest; answer: Product }
}
const answers: { [R in keyof Writes]: z.ZodType<Writes[R]['answer']> } = {
  [routes.tips]: TipReceipt,
  [routes.topups]: TopupResponse,
  [routes.devClaim]: z.unknown(),
  [routes.claims]: ClaimStarted,
  [routes.claimsVerify]: CreatorView,
  [routes.claimsRelease]: CreatorView,
  [routes.payouts]: Payout,
  [routes.payoutAccount]: PayoutOnboarding,
  [routes.products]: Product,
}

export const api = {
  get<R extends keyof Reads>(route: R): Promise<Reads[R]> {
    return withSession((token) => callApi('GET', route, reads[route], { token }))
  },

  /** A read that is null when the API's ETag still matches the one the cache was filled from. */
  getIfChanged<R extends typeof routes.wallet | typeof routes.creator>(
    route: R,
    etag: string | null,
  ): Promise<{ value: Reads[R]; etag: string | null } | null> {
    return withSession((token) => callApiIfChanged(route, reads[route], { token, etag }))
  },

  /** Activity newer than the item with id `newest`, newest first; a full page means ask again. */
  activitySince(newest: string): Promise<Reads[typeof routes.activity]> {
    const path = `${routes.activity}?since=${encodeURIComponent(newest)}`
    return withSession((token) => callApi('GET', path, reads[routes.activity], { token }))
  },

  /** One page of a cursor-paged read; null asks for the first. */
  page(route: typeof routes.creatorTips, cursor: string | null): Promise<ReceivedTipsPage> {
    const path = cursor === null ? route : `${route}?cursor=${encodeURIComponent(cursor)}`
    return withSession((token) => callApi('GET', path, reads[route], { token }))
  },

  /** Replaces a setting the API keeps; the same request twice is the same state, so no idempotency key. */
  put(route: typeof routes.budget, body: BudgetRequest): Promise<BudgetRequest> {
    return withSession((token) => callApi('PUT', route, BudgetRequest, { body, token }))
  },

  post<R extends keyof Writes>(
    route: R,
    body: Writes[R]['body'],
    options: { idempotencyKey?: string } = {},
  ): Promise<Writes[R]['answer']> {
    return withSession((token) => callApi('POST', route, answers[route], { ...options, body, token }))
  },
}

async function withSession<T>(call: (token: string) => Promise<T>): Promise<T> {
  const token = await sessionToken()
  try {
    return await call(token)
  } catch (error) {
    if (!(error instanceof ApiClientError && error.status === 401)) throw error
    return call(await renewSession())
  }
}
