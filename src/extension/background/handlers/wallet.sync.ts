// Refresh everything the popup shows and answer with the fresh wallet. The server just answered,
// so tips that queued while it was out of reach are sent now rather than at their next alarm.
import { sendWaitingNow } from '../outbox.ts'
import { syncAll } from '../sync.ts'
import type { Handler } from './caller.ts'

export const walletSync: Handler<'wallet.sync'> = async () => {
  const wallet = await syncAll()
  sendWaitingNow().catch((error: unknown) => console.warn('Tipline: sending waiting tips failed', error))
  return wallet
}
