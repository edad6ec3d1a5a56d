// An open panel asks again what to show, with the token it claimed: the wallet changed under it
// (a top-up it started landed), so its balance, or its form where it offered funds first, is due.
import { BackgroundError } from '../errors.ts'
import { isPanelPage } from '../extension-pages.ts'
import { panelContext } from '../panel-context.ts'
import { usePanelToken } from '../panel-tokens.ts'
import { tabOf, type Handler } from './caller.ts'

export const panelContextAgain: Handler<'panel.context'> = async ({ token }, caller) => {
  if (!isPanelPage(caller.url)) throw new BackgroundError('bad_sender', 'Only the tip panel can ask for its context.')
  const { post } = await usePanelToken(token, tabOf(caller))
  return panelContext(post)
}
