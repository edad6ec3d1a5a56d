// The panel page redeems its token, once, from the tab it was issued to, and learns what to show.
import { BackgroundError } from '../errors.ts'
import { isPanelPage } from '../extension-pages.ts'
import { panelContext } from '../panel-context.ts'
import { claimPanelToken } from '../panel-tokens.ts'
import { tabOf, type Handler } from './caller.ts'

export const panelClaim: Handler<'panel.claim'> = async ({ token }, caller) => {
  if (!isPanelPage(caller.url)) throw new BackgroundError('bad_sender', 'Only the tip panel can claim a panel token.')
  const { post } = await claimPanelToken(token, tabOf(caller))
  return panelContext(post)
}
