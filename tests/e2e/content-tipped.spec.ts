// A post the reader has tipped says so under it: right after the tip is delivered, and on every
// later visit, while every other post still just says Tip.
import { test, expect } from './fixtures.ts'

test('the tipped mark appears after a tip and after a reload', async ({ popup, x }) => {
  await popup.topUp('10.00')
  await popup.open()
  await expect(popup.balance).toHaveText('$10.00')

  const page = await x.open()
  const post = x.post('nour_writes')
  const postId = await post.button.getAttribute('data-post-id')
  const tipped = page.locator(`tipline-button[data-post-id="${postId}"]`)
  await expect(tipped.getByRole('button')).toHaveText('Tip')

  await post.tip('1.00')
  await expect((await post.panel()).getByTestId('panel-status')).toContainText('$1.00')
  await expect(tipped).toHaveAttribute('data-tipped', '')
  await expect(tipped.getByRole('button', { name: 'You tipped نور Nour: tip again' })).toHaveText('Tipped')
  // Only that post: every other button on screen still just says Tip.
  await expect(page.locator('tipline-button[data-tipped]')).toHaveCount(1)
  expect(await page.locator('tipline-button:not([data-tipped])').count()).toBeGreaterThan(2)

  await page.reload({ waitUntil: 'domcontentloaded' })
  await expect(tipped.getByRole('button')).toHaveText('Tipped')
  await expect(page.locator('tipline-button[data-tipped]')).toHaveCount(1)
})
