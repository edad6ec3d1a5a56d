// The panel confirms a tip for the post its token was issued for. The tip is saved in the outbox
// under the panel's key and held for the undo window; the outbox then sends it until the API has
// it. The panel follows the item in the outbox (it reads the cache live) for what happens next.
import { holdTip } from '../outbox.ts'
import { panelTipRequest } from '../panel-tip.ts'
import { tabOf, type Handler } from './caller.ts'

export const tipCreate: Handler<'tip.create'> = async (tip, caller) => {
  const item = await holdTip(tip.key, await panelTipRequest(tip, tabOf(caller)))
  return { id: item.id, holdUntil: item.nextAttemptAt }
}
