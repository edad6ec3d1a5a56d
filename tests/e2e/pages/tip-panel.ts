// Closing the tip panel from the keyboard, as a reader does, without hanging the test.
import { expect, type Page } from '@playwright/test'

/**
 * Escape inside the page's tip panel: down, then up once the panel is gone. The panel closes on
 * keydown, and a key-up sent to its frame while Chromium removes it can leave Playwright waiting
 * for an answer that never comes (seen 1 time in 6 under CPU stress with press()).
 */
export async function escapeTipPanel(page: Page): Promise<void> {
  await page.keyboard.down('Escape')
  await expect(page.locator('tipline-panel')).toHaveCount(0)
  await page.keyboard.up('Escape')
}
