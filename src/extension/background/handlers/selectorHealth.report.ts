// A content script says its site's selectors missed on a page: count it where the options page
// reads it. Reports can arrive together from several tabs, so each read-and-write waits its turn.
import browser from 'webextension-polyfill'
import { countMiss, readSelectorHealth, SELECTOR_HEALTH_STORAGE_KEY } from '../../../shared/selector-health.ts'
import type { Handler } from './caller.ts'

let turn: Promise<unknown> = Promise.resolve()

export const selectorHealthReport: Handler<'selectorHealth.report'> = (report) => {
  const counted = turn.then(async () => {
    const stored = await browser.storage.local.get(SELECTOR_HEALTH_STORAGE_KEY)
    const health = countMiss(readSelectorHealth(stored[SELECTOR_HEALTH_STORAGE_KEY]), report, new Date())
    await browser.storage.local.set({ [SELECTOR_HEALTH_STORAGE_KEY]: health })
    return null
  })
  turn = counted.catch(() => undefined)
  return counted
}
