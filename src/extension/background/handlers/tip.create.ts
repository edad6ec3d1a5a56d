// The panel confirms a tip for the post its token was issued for. The tip goes through the
// outbox: it is saved before the first attempt and retried until the API has it.
import { BackgroundError } from '../errors.ts'
import { sendTip } from '../outbox.ts'
import { usePanelToken } from '../panel-tokens.ts'
import { tabOf, type Handler } from './caller.ts'

export const tipCreate: Handler<'tip.create'> = async ({ token, amount, currency, note }, caller) => {
  const { post } = await usePanelToken(token, tabOf(caller))
  const item = await sendTip({
    site: post.site,
    handle: post.handle,
    postId: post.postId,
    postUrl: post.postUrl,
    amount,
    currency,
    note,
  })
  if (item.state === 'delivered' && item.receipt) return item.receipt
  if (item.state === 'failed' && item.lastError) throw new BackgroundError(item.lastError.code, item.lastError.message)
  throw new BackgroundError('queued', 'Your tip is saved and will be sent as soon as Tipline can reach its server.')
}
