// A content script asks for a tip panel over a post: the token it gets is good for this tab only.
import { BackgroundError } from '../errors.ts'
import { isWebPage } from '../extension-pages.ts'
import { issuePanelToken } from '../panel-tokens.ts'
import { tabOf, type Handler } from './caller.ts'

export const panelOpen: Handler<'panel.open'> = async ({ post }, caller) => {
  // The shared schema accepts any URL; a post's link is shown in the panel, so only the web's will do.
  if (post.postUrl !== null && !isWebPage(post.postUrl)) {
    throw new BackgroundError('bad_input', 'post.postUrl: a post link must be an http(s) address.')
  }
  return { token: await issuePanelToken(tabOf(caller), post) }
}
