// The panel confirms a tip for the post its token was issued for. The tip is saved in the outbox
// under the panel's key and held for the undo window; the outbox then sends it until the API has
// it. The panel follows the item in the outbox (it reads the cache live) for what happens next.
import { noteNameFromPost } from '../creators.ts'
import { holdTip } from '../outbox.ts'
import { usePanelToken } from '../panel-tokens.ts'
import { tabOf, type Handler } from './caller.ts'

export const tipCreate: Handler<'tip.create'> = async ({ token, key, amount, currency, note, overBudget }, caller) => {
  const { post } = await usePanelToken(token, tabOf(caller))
  await noteNameFromPost(post)
  const item = await holdTip(key, {
    site: post.site,
    handle: post.handle,
    postId: post.postId,
    postUrl: post.postUrl,
    amount,
    currency,
    note,
    ...(overBudget ? { overBudget } : {}),
  })
  return { id: item.id, holdUntil: item.nextAttemptAt }
}
