// The panel asks after its tip once the undo window is over. Sending it here, if it is due and
// nobody else is, means the answer does not wait on the worker's timer or alarm.
import { db } from '../../db.ts'
import { deliver } from '../outbox.ts'
import type { Handler } from './caller.ts'

export const tipStatus: Handler<'tip.status'> = async ({ id }) => {
  if (!(await db.outbox.get(id))) return { state: 'cancelled', error: null }
  const item = await deliver(id)
  return { state: item.state, error: item.state === 'delivered' ? null : item.lastError }
}
