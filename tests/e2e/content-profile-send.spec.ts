// On a person's profile, a Send button in the header pays them directly: the same tip panel,
// for the person rather than a post.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { test, expect } from './fixtures.ts'
import { routeSavedPage } from '../../src/devkit/sites/route.ts'
import { XPost } from './pages/x-timeline.ts'

const SAVED_PROFILE = resolve(import.meta.dirname, '../../../shared/sites/x/cpft-pr777-profile-badlogicgames.html')

test('Send on a profile opens the panel for the person and the money leaves the wallet', async ({ context, popup }) => {
  await popup.topUp('10.00')
  await popup.open()
  await expect(popup.balance).toHaveText('$10.00')

  const page = await context.newPage()
  await page.goto('https://x.com/nour_writes', { waitUntil: 'domcontentloaded' })
  const send = page.locator('tipline-button[data-kind="send"]')
  await expect(send).toHaveCount(1)
  await expect(send.getByRole('button', { name: 'Send money to نور Nour' })).toHaveText('Send')
  // It sits with the Follow button, and the posts below keep their own Tip buttons.
  await expect(page.locator('div:has(> [data-testid="placementTracking"]) > tipline-button')).toHaveCount(1)
  await expect(page.locator('tipline-button[data-kind="tip"][data-handle="nour_writes"]').first()).toBeAttached()

  const person = new XPost(page, send)
  await person.tip('1.50', 'For the essays')
  await expect((await person.panel()).getByTestId('panel-status')).toContainText('$1.50')
  await expect(popup.balance).toHaveText('$8.50')
})

test('the saved real profile page gets one Send button for its person, trusted only at its own address', async ({ context }) => {
  const html = readFileSync(SAVED_PROFILE, 'utf8')
  const page = await context.newPage()
  await routeSavedPage(page, 'https://x.com/badlogicgames', html)
  await page.goto('https://x.com/badlogicgames', { waitUntil: 'domcontentloaded' })
  const send = page.locator('tipline-button[data-kind="send"]')
  await expect(send).toHaveCount(1)
  await expect(send).toHaveAttribute('data-handle', 'badlogicgames')
  await expect(send.getByRole('button', { name: 'Send money to Mario Zechner' })).toBeAttached()
  await expect(page.locator('tipline-button[data-kind="tip"]')).toHaveCount(9)

  // The same markup at another address: the @handle on the page is not the page's person, so no Send.
  const elsewhere = await context.newPage()
  await routeSavedPage(elsewhere, 'https://x.com/someone_else', html)
  await elsewhere.goto('https://x.com/someone_else', { waitUntil: 'domcontentloaded' })
  await expect(elsewhere.locator('tipline-button[data-kind="tip"]').first()).toBeAttached()
  await expect(elsewhere.locator('tipline-button[data-kind="send"]')).toHaveCount(0)
})
