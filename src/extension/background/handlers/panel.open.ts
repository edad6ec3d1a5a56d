// A content script asks for a tip panel over a post: the token it gets is good for this tab only.
import { issuePanelToken } from '../panel-tokens.ts'
import { tabOf, type Handler } from './caller.ts'

export const panelOpen: Handler<'panel.open'> = async ({ post }, caller) => ({
  token: await issuePanelToken(tabOf(caller), post),
})
