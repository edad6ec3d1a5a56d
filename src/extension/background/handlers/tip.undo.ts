// Undo in the panel: the tip is dropped unless it is already in flight or delivered.
import { cancelTip } from '../outbox.ts'
import type { Handler } from './caller.ts'

export const tipUndo: Handler<'tip.undo'> = async ({ id }) => {
  await cancelTip(id)
  return null
}
