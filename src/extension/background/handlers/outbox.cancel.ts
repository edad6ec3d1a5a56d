// Cancel in the popup: a tip not yet delivered and not in flight leaves the outbox.
import { cancelTip } from '../outbox.ts'
import type { Handler } from './caller.ts'

export const outboxCancel: Handler<'outbox.cancel'> = async ({ id }) => {
  await cancelTip(id)
  return null
}
