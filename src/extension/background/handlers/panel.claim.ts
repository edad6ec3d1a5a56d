// The panel page redeems its token, once, from the tab it was issued to, and learns what to show.
import browser from 'webextension-polyfill'
import { WalletView } from '../../../shared/api.ts'
import { db } from '../../db.ts'
import { BackgroundError } from '../errors.ts'
import { claimPanelToken } from '../panel-tokens.ts'
import { presetsFor } from '../presets.ts'
import { tabOf, type Caller, type Handler } from './caller.ts'

/** The panel's page as the manifest lists it under web_accessible_resources. */
export const PANEL_PAGE = 'src/extension/panel/index.html'

export const panelClaim: Handler<'panel.claim'> = async ({ token }, caller) => {
  if (!isPanelPage(caller)) throw new BackgroundError('bad_sender', 'Only the tip panel can claim a panel token.')
  const { post } = await claimPanelToken(token, tabOf(caller))
  const cached = await db.wallet.get('me')
  const wallet = cached ? WalletView.parse(cached) : null
  return { post, wallet, presets: await presetsFor(wallet?.currency ?? null) }
}

function isPanelPage(caller: Caller): boolean {
  if (caller.url === null) return false
  const url = new URL(caller.url)
  return url.origin + url.pathname === browser.runtime.getURL(PANEL_PAGE)
}
