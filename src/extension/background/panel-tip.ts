// The tip a panel confirms, made into the API's request for the post its token was issued for.
// The post comes from the token, never from the panel's message.
import type { TipRequest } from '../../shared/api.ts'
import type { PanelTip, PostRef } from '../../shared/messages.ts'
import { noteNameFromPost } from './creators.ts'
import { usePanelToken } from './panel-tokens.ts'

export async function panelTipRequest(tip: PanelTip, tabId: number): Promise<TipRequest> {
  const { post } = await usePanelToken(tip.token, tabId)
  await noteNameFromPost(post)
  return tipRequest(post, tip)
}

function tipRequest(post: PostRef, { amount, currency, note, overBudget }: PanelTip): TipRequest {
  return {
    site: post.site,
    handle: post.handle,
    postId: post.postId,
    postUrl: post.postUrl,
    amount,
    currency,
    note,
    ...(overBudget ? { overBudget } : {}),
  }
}
