// Accessibility of the wallet's pages: axe finds no serious or critical violation in the popup
// or the tip panel, in English and in Arabic (right to left, Arabic-Indic digits), and the
// whole tip — open, choose, confirm, undo, confirm again — works from the keyboard alone.
import AxeBuilder from '@axe-core/playwright'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import type { Frame } from '@playwright/test'
import { Checkout } from './pages/checkout.ts'
import { escapeTipPanel } from './pages/tip-panel.ts'
import { test, expect } from './wallet-fixtures.ts'

/** Presses Tab until the element with this test id has the focus (a few presses at most). */
async function tabTo(frame: Frame, testId: string): Promise<void> {
  for (let presses = 0; presses < 8; presses++) {
    if (await frame.getByTestId(testId).evaluate((element) => element === document.activeElement)) return
    await frame.page().keyboard.press('Tab')
  }
  await expect(frame.getByTestId(testId)).toBeFocused()
}

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']
type Violation = { id: string; impact?: string | null; nodes: unknown[] }
const serious = (violations: Violation[]) =>
  violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }))

/**
 * The panel's iframe sits in a closed shadow root on the site, out of AxeBuilder's reach, so axe
 * runs inside the panel's own frame (evaluated through the debugger, which the page's CSP allows).
 */
async function axeInFrame(frame: Frame): Promise<Violation[]> {
  const source = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
  await frame.evaluate(source)
  return frame.evaluate(async (tags) => {
    const axe = (globalThis as unknown as { axe: { run: (context: Document, options: unknown) => Promise<{ violations: Violation[] }> } }).axe
    return (await axe.run(document, { runOnly: { type: 'tag', values: tags } })).violations
  }, WCAG)
}

for (const lang of ['en', 'ar'] as const) {
  test.describe(`in ${lang === 'en' ? 'English' : 'Arabic'}`, () => {
    test.use({ lang })

    test('the popup and the tip panel have no serious or critical violations', async ({ popup, x, server }) => {
      await popup.topUp('10.00')
      const page = await popup.open()
      await expect(page.locator('html')).toHaveAttribute('dir', lang === 'ar' ? 'rtl' : 'ltr')
      await expect(popup.balance).toHaveText(lang === 'ar' ? /١٠٫٠٠/ : '$10.00')
      await server.stop()
      await x.open()
      const post = x.post('nour_writes')
      await post.tipPreset(100)
      const panel = await post.panel()
      await expect(panel.locator('[data-testid="undo"]')).toBeVisible()
      await page.reload()
      await expect(popup.pendingTips).toHaveCount(1, { timeout: 15_000 })
      await expect(page.getByTestId('sync-problem')).toBeVisible()

      const popupResults = await new AxeBuilder({ page }).withTags(WCAG).analyze()
      expect(serious(popupResults.violations)).toEqual([])
      expect(serious(await axeInFrame(panel))).toEqual([])

      // The form itself, with a typed amount's problem showing.
      await escapeTipPanel(panel.page())
      await expect.poll(() => panel.isDetached()).toBe(true)
      const again = x.post('ada_lovelace')
      await again.button.getByRole('button').click()
      const form = await again.panel()
      await form.getByTestId('custom-amount').fill('1.234')
      await form.getByTestId('note').focus()
      await expect(form.getByRole('alert')).toBeVisible()
      expect(serious(await axeInFrame(form))).toEqual([])
    })
  })
}

test('a whole tip by keyboard: open, choose, confirm, undo, confirm again, and the popup by keyboard', async ({ popup, x, context, server }) => {
  const page = await popup.open()
  // Add funds by keyboard: Tab to the custom amount, type, Enter opens the checkout.
  await page.getByTestId('add-funds-custom').focus()
  await page.keyboard.type('10.00')
  const checkoutTab = context.waitForEvent('page')
  await page.keyboard.press('Enter')
  await new Checkout(await checkoutTab).pay('4242 4242 4242 4242')
  await expect(popup.balance).toHaveText('$10.00')

  const timeline = await x.open()
  const post = x.post('nour_writes')
  await post.button.getByRole('button').focus()
  await timeline.keyboard.press('Enter')
  const panel = await post.panel()
  const keyboard = panel.page().keyboard
  // Focus starts on the first preset; Tab to the second, Space picks it, Tab on to Confirm.
  await expect(panel.getByTestId('preset-100')).toBeFocused()
  await keyboard.press('Tab')
  await expect(panel.getByTestId('preset-300')).toBeFocused()
  await keyboard.press('Space')
  await expect(panel.getByTestId('preset-300')).toHaveAttribute('aria-pressed', 'true')
  await tabTo(panel, 'confirm')
  await keyboard.press('Enter')
  // Undo takes the focus while the tip is held; Enter undoes it and the amounts are back.
  await expect(panel.getByTestId('undo')).toBeFocused()
  await keyboard.press('Enter')
  await expect(panel.getByTestId('preset-100')).toBeFocused()
  expect((await server.ledger()).tips).toBe(0)

  await keyboard.press('Space')
  await tabTo(panel, 'confirm')
  await keyboard.press('Enter')
  await expect(popup.balance).toHaveText('$9.00', { timeout: 15_000 })
  expect((await server.ledger()).tips).toBe(1)
  // Escape closes the panel.
  await escapeTipPanel(timeline)
})
