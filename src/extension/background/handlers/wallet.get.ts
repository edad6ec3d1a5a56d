// The wallet as last synced, without waiting on the network; null before the first sync.
import { WalletView } from '../../../shared/api.ts'
import { db } from '../../db.ts'
import type { Handler } from './caller.ts'

export const walletGet: Handler<'wallet.get'> = async () => {
  const cached = await db.wallet.get('me')
  return cached ? WalletView.parse(cached) : null
}
