// What a tip panel shows for its post: the cached wallet, the preset amounts and the month's budget.
import { WalletView } from '../../shared/api.ts'
import type { PanelContext, PostRef } from '../../shared/messages.ts'
import { db } from '../db.ts'
import { budgetView } from './budget.ts'
import { presetsFor } from './presets.ts'

export async function panelContext(post: PostRef): Promise<PanelContext> {
  const cached = await db.wallet.get('me')
  const wallet = cached ? WalletView.parse(cached) : null
  const currency = wallet?.currency ?? null
  return { post, wallet, presets: await presetsFor(currency), budget: await budgetView(currency) }
}
