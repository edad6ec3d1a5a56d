// Refresh everything the popup shows and answer with the fresh wallet.
import { syncAll } from '../sync.ts'
import type { Handler } from './caller.ts'

export const walletSync: Handler<'wallet.sync'> = () => syncAll()
