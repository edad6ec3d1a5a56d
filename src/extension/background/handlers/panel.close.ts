// The panel asks to be taken down: the content script in its tab removes the iframe, and the
// token stops working.
import browser from 'webextension-polyfill'
import type { ContentCommand } from '../../../shared/messages.ts'
import { revokePanelToken } from '../panel-tokens.ts'
import { tabOf, type Handler } from './caller.ts'

export const panelClose: Handler<'panel.close'> = async ({ token }, caller) => {
  const { tabId } = await revokePanelToken(token, tabOf(caller))
  const command: ContentCommand = { type: 'panel.remove', token }
  // The tab may have navigated away already, taking the iframe with it: nothing left to remove.
  await browser.tabs.sendMessage(tabId, command).catch((error: unknown) => console.warn('Tipline: panel.remove not delivered', error))
  return null
}
