// Releasing a handle: it stops being this account's, so tips to it wait in escrow again until
// someone claims it. What it already earned stays earned. Taken under the handle's lock, so a tip
// in flight lands either before (in earnings) or after (in escrow), never in between.
import type { SiteId } from '../../shared/api.ts'
import type { Tx } from '../db/index.ts'
import { ApiFailure } from '../http/errors.ts'
import { lockHandle, ownerOf } from '../ledger/handles.ts'

/** Releasing a handle nobody holds is done already, so a retried release succeeds. */
export async function releaseHandle(tx: Tx, accountId: string, site: SiteId, handle: string): Promise<void> {
  await lockHandle(tx, site, handle)
  const owner = await ownerOf(tx, site, handle)
  if (owner === null) return
  if (owner !== accountId) throw new ApiFailure(404, 'handle_not_yours', `@${handle} on ${site} is not one of your handles.`, 'handle')
  await tx.query('DELETE FROM handle_claims WHERE site = $1 AND handle = $2', [site, handle])
}
