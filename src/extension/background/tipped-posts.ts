// After a tip is delivered, every tab's content script hears of it, so the post's button shows
// "Tipped" at once wherever the post is on screen. The outbox does not know which tab a tip came
// from (a retry may run long after), and the same post may be open in several tabs.
import browser from 'webextension-polyfill'
import type { SiteId } from '../../shared/api.ts'
import type { ContentCommand } from '../../shared/messages.ts'

/** Never rejects: the mark is a courtesy, and the tip is booked whether or not a tab hears of it. */
export async function announceTipped(site: SiteId, postId: string): Promise<void> {
  const command: ContentCommand = { type: 'post.tipped', site, postId }
  try {
    const tabs = await browser.tabs.query({})
    // Most tabs have no content script of ours to answer: their refusal means nothing.
    await Promise.all(tabs.map((tab) => tab.id !== undefined && browser.tabs.sendMessage(tab.id, command).catch(() => undefined)))
  } catch (error) {
    console.warn('Tipline: could not tell the tabs about a delivered tip', error)
  }
}
