// What the extension knows about each creator a reader meets: the name a post showed, and whether
// the handle is claimed. A tip receipt says it (earnings: claimed, escrow: not yet), and so does
// the creator's own view for their handles. The popup shows the names beside the handles.
import type { CreatorView, SiteId, TipReceipt } from '../../shared/api.ts'
import type { PostRef } from '../../shared/messages.ts'
import { db, type KnownCreator } from '../db.ts'

type Change = Partial<Pick<KnownCreator, 'claimed' | 'displayName'>>

/** The site's name for the post's author; a post without one leaves an earlier name in place. */
export function noteNameFromPost(post: PostRef): Promise<void> {
  return post.displayName ? learn(post.site, post.handle, { displayName: post.displayName }) : Promise.resolve()
}

export function noteReceipt(receipt: TipReceipt): Promise<void> {
  return learn(receipt.site, receipt.handle, { claimed: receipt.credited === 'earnings' })
}

export async function noteOwnHandles(view: CreatorView): Promise<void> {
  for (const { site, handle } of view.handles) await learn(site, handle, { claimed: true })
}

/** Writes only when something changed, so a repeated sync does not repaint the popup. */
function learn(site: SiteId, handle: string, change: Change): Promise<void> {
  return db.transaction('rw', db.creators, async () => {
    const known = await db.creators.get([site, handle])
    const next: KnownCreator = { site, handle, claimed: null, displayName: null, ...known, ...change }
    if (known && known.claimed === next.claimed && known.displayName === next.displayName) return
    await db.creators.put(next)
  })
}
