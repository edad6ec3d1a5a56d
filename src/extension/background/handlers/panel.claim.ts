// The panel page redeems its token, once, from the tab it was issued to, and learns what to show.
import { WalletView } from '../../../shared/api.ts'
import { db } from '../../db.ts'
import { BackgroundError } from '../errors.ts'
import { isPanelPage } from '../extension-pages.ts'
import { budgetView } from '../budget.ts'
import { claimPanelToken } from '../panel-tokens.ts'
import { presetsFor } from '../presets.ts'
import { tabOf, type Handler } from './caller.ts'

export const panelClaim: Handler<'panel.claim'> = async ({ token }, caller) => {
  if (!isPanelPage(caller.url)) throw new BackgroundError('bad_sender', 'Only the tip panel can claim a panel token.')
  const { post } = await claimPanelToken(token, tabOf(caller))
  const cached = await db.wallet.get('me')
  const wallet = cached ? WalletView.parse(cached) : null
  const currency = wallet?.currency ?? null
  return { post, wallet, presets: await presetsFor(currency), budget: await budgetView(currency) }
}
