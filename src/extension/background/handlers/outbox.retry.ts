// Retry in the popup: a queued or refused tip is sent now.
import { retryTip } from '../outbox.ts'
import type { Handler } from './caller.ts'

export const outboxRetry: Handler<'outbox.retry'> = async ({ id }) => {
  await retryTip(id)
  return null
}
