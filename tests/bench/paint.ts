// When an extension page first shows something: the benchmarks open a page and note the moment each
// watched selector first holds text, measured in the page itself (performance.now()).
import type { BrowserContext } from '@playwright/test'

// Installed before any page script: notes when each watched selector first holds text.
const PAINT_WATCH = `
  window.__paintAt = {};
  new MutationObserver(() => {
    for (const [name, selector] of Object.entries(window.__watch || {})) {
      if (window.__paintAt[name] === undefined && document.querySelector(selector)?.textContent?.trim()) {
        window.__paintAt[name] = performance.now();
      }
    }
  }).observe(document, { childList: true, subtree: true, characterData: true });
`
type PaintWindow = { __paintAt: Record<string, number> }

/** Opens url in a new page and returns, per watched name, when its selector first held text (ms). */
export async function paintTimes(
  context: BrowserContext,
  url: string,
  watch: Record<string, string>,
  timeoutMs = 30_000,
): Promise<Record<string, number>> {
  const page = await context.newPage()
  await page.addInitScript(`window.__watch = ${JSON.stringify(watch)};${PAINT_WATCH}`)
  await page.goto(url)
  const names = Object.keys(watch)
  await page.waitForFunction((n) => n.every((name) => (window as unknown as PaintWindow).__paintAt[name] !== undefined), names, {
    timeout: timeoutMs,
  })
  const times = await page.evaluate(() => (window as unknown as PaintWindow).__paintAt)
  await page.close()
  return times
}
