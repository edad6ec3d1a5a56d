// A tip with the keyboard alone: Tab to a post's Tip button, Enter opens the panel and focus goes
// into it, Tab and Enter pick an amount and confirm; Escape afterwards hands focus back to the
// button. No mouse anywhere.
import type { Frame, Page } from '@playwright/test'
import { test, expect } from './fixtures.ts'
import { escapeTipPanel } from './pages/tip-panel.ts'

/** What has focus, seen from the page: a Tipline button's host, the panel's host, or something else. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const active = document.activeElement
    if (active?.localName === 'tipline-button') return `tip:${(active as HTMLElement).dataset.handle}`
    return active?.localName ?? 'none'
  })
}

/** The data-testid of whatever has focus inside the panel. */
function focusedInPanel(panel: Frame): Promise<string> {
  return panel.evaluate(() => (document.hasFocus() ? (document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.localName ?? '') : 'panel not focused'))
}

async function tabUntil(page: Page, done: () => Promise<boolean>, most = 40): Promise<void> {
  for (let i = 0; i < most && !(await done()); i++) await page.keyboard.press('Tab')
  expect(await done()).toBe(true)
}

test('Tab to Tip, Enter, pick an amount and confirm, all from the keyboard', async ({ popup, x }) => {
  await popup.topUp('10.00')
  await popup.open()
  await expect(popup.balance).toHaveText('$10.00')

  const page = await x.open()
  await page.bringToFront()
  await expect(page.locator('tipline-button').first()).toBeAttached()
  await tabUntil(page, async () => (await focused(page)).startsWith('tip:'))
  const handle = (await focused(page)).slice('tip:'.length)

  await page.keyboard.press('Enter')
  const panel = await x.post(handle).panel()
  await expect.poll(() => focused(page)).toBe('tipline-panel')
  // The panel puts focus on its first amount; Tab moves through the amounts to the one we want.
  await expect.poll(() => focusedInPanel(panel)).toMatch(/^preset-/)
  await page.keyboard.press('Tab')
  const amount = await focusedInPanel(panel)
  expect(amount).toMatch(/^preset-\d+$/)
  await page.keyboard.press('Enter')
  await tabUntil(page, async () => (await focusedInPanel(panel)) === 'confirm')
  await page.keyboard.press('Enter')
  await expect(panel.getByTestId('panel-status')).toBeVisible()

  const spent = Number(amount.slice('preset-'.length))
  const left = `$${((1000 - spent) / 100).toFixed(2)}`
  await expect(popup.balance).toHaveText(left)

  // Escape closes the panel from inside it, and focus is back on the button it came from.
  await page.bringToFront()
  await escapeTipPanel(panel.page())
  await expect.poll(() => focused(page)).toBe(`tip:${handle}`)
})
