// What every handler gets: its validated input, and who asked.
import type { MessageName, Messages } from '../../../shared/messages.ts'
import { BackgroundError } from '../errors.ts'

export interface Caller {
  /** The tab the message came from: a content script's tab, or the tab a panel iframe sits in. */
  tabId: number | null
  /** The sending frame's URL. */
  url: string | null
  /** Popup, options or panel: a page of this extension, not a content script on a site. */
  fromExtensionPage: boolean
}

export type Handler<N extends MessageName> = (input: Messages[N]['input'], caller: Caller) => Promise<Messages[N]['output']>

/** The caller's tab, for messages that only make sense from inside one. */
export function tabOf(caller: Caller): number {
  if (caller.tabId === null) throw new BackgroundError('bad_sender', 'This message must come from a tab.')
  return caller.tabId
}
