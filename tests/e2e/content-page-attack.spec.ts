// The page is hostile: its own scripts can find and click our buttons, but money never moves
// without the reader acting inside the extension's panel. Everything here runs as the site's own
// script (page.evaluate runs in the page's main world), and the ledger is checked afterwards.
import { test, expect } from './fixtures.ts'

interface Attempts {
  panelHostSeen: boolean
  panelShadowRoot: string
  iframesInDocument: number
  frameDocuments: string[]
  runtime: string
  ownFrameAdded: boolean
}

test('a page script that clicks Tip, pokes at the panel and forges messages moves no money', async ({ popup, x, extensionId, stack, context }) => {
  await popup.topUp('10.00')
  await popup.open()
  await expect(popup.balance).toHaveText('$10.00')
  const page = await x.open()
  await expect(page.locator('tipline-button').first()).toBeAttached()

  const attempts: Attempts = await page.evaluate(async (extensionId) => {
    const forged = { tipline: 'tip.create', input: { token: 'forged', key: crypto.randomUUID(), amount: 500, currency: 'USD', note: null, overBudget: true } }
    // The button's shadow root is open: the page can find and click it. That only opens a panel.
    const host = document.querySelector('tipline-button')
    host?.shadowRoot?.querySelector('button')?.click()
    await new Promise((resolve) => setTimeout(resolve, 1500))
    const panelHost = document.querySelector('tipline-panel')
    // Keys and clicks the page makes land in the page, never inside the panel's frame.
    for (const key of ['Tab', 'Enter', ' ']) document.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }))
    const frameDocuments: string[] = []
    for (let i = 0; i < window.frames.length; i++) {
      const frame = window.frames[i]!
      try {
        frameDocuments.push(`read: ${frame.document.body.innerText.slice(0, 40)}`)
      } catch {
        frameDocuments.push('blocked')
      }
      frame.postMessage(forged, '*')
      frame.postMessage({ type: 'confirm', amount: 500 }, '*')
    }
    window.postMessage(forged, '*')
    // The panel's frame says how tall it is; the page says so too, to squash it.
    window.postMessage({ tipline: 'panel.height', height: 4 }, '*')
    let runtime: string
    try {
      const chromeApi = (globalThis as { chrome?: { runtime?: { sendMessage?: (id: string, message: unknown) => Promise<unknown> } } }).chrome
      if (!chromeApi?.runtime?.sendMessage) runtime = 'no runtime.sendMessage in the page'
      else runtime = `answered: ${JSON.stringify(await chromeApi.runtime.sendMessage(extensionId, forged))}`
    } catch (error) {
      runtime = `threw: ${String(error)}`
    }
    // Its own copy of the panel, with a made-up token and with none.
    for (const hash of ['#forged-token', '']) {
      const own = document.createElement('iframe')
      own.src = `chrome-extension://${extensionId}/src/extension/panel/index.html${hash}`
      own.dataset.attacker = hash || 'none'
      document.body.append(own)
    }
    await new Promise((resolve) => setTimeout(resolve, 1500))
    return {
      panelHostSeen: panelHost !== null,
      panelShadowRoot: String(panelHost?.shadowRoot ?? null),
      iframesInDocument: document.querySelectorAll('iframe:not([data-attacker])').length,
      frameDocuments,
      runtime,
      ownFrameAdded: document.querySelectorAll('iframe[data-attacker]').length === 2,
    }
  }, extensionId)

  // The click did open our panel, but in a closed shadow root, in a frame the page cannot read.
  expect(attempts.panelHostSeen).toBe(true)
  expect(attempts.panelShadowRoot).toBe('null')
  expect(attempts.iframesInDocument).toBe(0)
  // A frame inside a shadow tree is not in window.frames either: the page cannot even address it.
  expect(attempts.frameDocuments).toEqual([])
  const realPanel = page.frames().find((frame) => /\/src\/extension\/panel\/index\.html#(?!forged-token)./.test(frame.url()))
  await expect(realPanel!.getByTestId('confirm')).toBeVisible()
  // Neither the page's forged height nor its own panel copies (which post theirs) resized ours: it still fits its content.
  const room = await realPanel!.evaluate(() => innerHeight - Math.ceil(document.getElementById('app')!.getBoundingClientRect().height))
  expect(room).toBeGreaterThanOrEqual(0)
  expect(room).toBeLessThanOrEqual(1)
  expect(attempts.runtime).not.toMatch(/^answered: .*"ok":true/)
  expect(attempts.ownFrameAdded).toBe(true)

  // The page's own copies of the panel get no tip form: the forged token is refused, no token is no panel.
  const forgedToken = page.frames().find((frame) => frame.url().endsWith('/src/extension/panel/index.html#forged-token'))
  const noToken = page.frames().find((frame) => frame.url().endsWith('/src/extension/panel/index.html'))
  await expect(forgedToken!.getByTestId('panel-status')).toBeVisible()
  await expect(forgedToken!.getByTestId('confirm')).toHaveCount(0)
  await expect(noToken!.getByText('This panel can only be opened from a Tip button.')).toBeVisible()
  await expect(noToken!.getByTestId('confirm')).toHaveCount(0)

  // Nothing reached the ledger, and the wallet still holds all of it.
  await page.waitForTimeout(1000)
  const tips = await stack.api.db.query<{ n: number }>('select count(*)::int as n from tips')
  expect(tips.rows[0]?.n).toBe(0)
  const fresh = await context.newPage()
  await fresh.goto(`chrome-extension://${extensionId}/src/extension/popup/index.html`)
  await expect(fresh.getByTestId('balance')).toHaveText('$10.00')
})
