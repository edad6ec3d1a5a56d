// Claims: a creator asks for a one-time code, posts it publicly, and asks for it to be verified;
// the API reads it back through the site's public interface, then the handle becomes theirs and
// its escrow moves to their earnings in one transaction. A handle can be released again.
import { ClaimRequest, ClaimVerifyRequest, routes } from '../../shared/api.ts'
import { requireAccount } from '../auth/middleware.ts'
import { claimCheckers } from '../claims/checkers.ts'
import { pendingCode, dropCode, startClaim } from '../claims/codes.ts'
import { mastodonAccount } from '../claims/mastodon.ts'
import { checkProof } from '../claims/proof.ts'
import { releaseHandle } from '../claims/release.ts'
import { ApiFailure } from '../http/errors.ts'
import type { ApiApp } from '../http/env.ts'
import { limitMoney } from '../http/rate-limit.ts'
import { body } from '../http/validate.ts'
import { claimHandle, normaliseHandle } from '../ledger/index.ts'
import { ownerOf } from '../ledger/handles.ts'
import type { Services } from '../services.ts'
import { creatorView } from '../views/creator.ts'

export function claimRoutes(app: ApiApp, s: Services): void {
  const checkers = s.claimCheckers ?? claimCheckers()

  app.get(routes.claimsConfig, (c) => c.json({ devClaims: s.devClaims }))

  app.post(routes.claims, requireAccount(s), limitMoney(s.limiters), async (c) => {
    const request = await body(c, ClaimRequest)
    const handle = normaliseHandle(request.handle)
    const accountId = c.var.accountId
    // Said now rather than after the creator has posted a code where it cannot be checked.
    if (request.site === 'mastodon') mastodonAccount(handle)
    const started = await s.db.transaction(async (tx) => {
      const owner = await ownerOf(tx, request.site, handle)
      if (owner === accountId) throw new ApiFailure(409, 'handle_already_yours', `@${handle} on ${request.site} is already yours.`, 'handle')
      if (owner !== null) throw handleTaken(request.site, handle)
      return startClaim(tx, accountId, request.site, handle)
    })
    return c.json(started, 201)
  })

  app.post(routes.claimsVerify, requireAccount(s), limitMoney(s.limiters), async (c) => {
    const request = await body(c, ClaimVerifyRequest)
    const { site } = request
    const handle = normaliseHandle(request.handle)
    const accountId = c.var.accountId
    // Verified already (a retry whose first answer was lost): the same state, so the same answer.
    const owner = await ownerOf(s.db, site, handle)
    if (owner === accountId) return c.json(await creatorView(s.db, accountId))
    if (owner !== null) throw handleTaken(site, handle)
    const { code } = await pendingCode(s.db, accountId, site, handle)
    // Outside any transaction: a slow site must not hold a database connection.
    await checkProof(checkers, site, { handle, code, proofUrl: request.proofUrl ? new URL(request.proofUrl) : null }, s.log)
    const view = await s.db.transaction(async (tx) => {
      await claimHandle(tx, accountId, site, handle)
      await dropCode(tx, accountId, site, handle)
      return creatorView(tx, accountId)
    })
    s.log({ msg: 'handle claimed', site, handle, accountId, proof: request.proofUrl ? 'post' : 'bio' })
    return c.json(view)
  })

  app.post(routes.claimsRelease, requireAccount(s), limitMoney(s.limiters), async (c) => {
    const request = await body(c, ClaimRequest)
    const handle = normaliseHandle(request.handle)
    const accountId = c.var.accountId
    const view = await s.db.transaction(async (tx) => {
      await releaseHandle(tx, accountId, request.site, handle)
      return creatorView(tx, accountId)
    })
    return c.json(view)
  })
}

// The same words as the ledger's refusal when a claim loses the race at the last moment.
const handleTaken = (site: string, handle: string) =>
  new ApiFailure(409, 'handle_taken', `${handle} on ${site} is already claimed by another account.`, 'handle')
