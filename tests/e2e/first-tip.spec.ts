import { test, expect } from './fixtures.ts'
import { Checkout } from './pages/checkout.ts'

test('a tip under a post lowers the balance and reaches the creator', async ({ popup, x, options }) => {
  await popup.topUp('10.00')
  await popup.open()
  await expect(popup.balance).toHaveText('$10.00')

  await x.open()
  const post = x.post('nour_writes')
  await post.tip('2.00', 'Thanks for the thread')
  const panel = await post.panel()
  await expect(panel.getByTestId('panel-status')).toContainText('$2.00')
  // While the tip is held the panel grows by its Undo, and its frame with it: nothing scrolls out of view.
  await expect(panel.getByRole('button', { name: 'Undo' })).toBeVisible()
  const overflow = () => panel.evaluate(() => document.documentElement.scrollHeight - innerHeight)
  // Within the 5 s hold: afterwards the panel shrinks again and would pass without a fit.
  await expect.poll(overflow, { timeout: 3_000, message: 'panel content taller than its frame while the tip is held' }).toBeLessThanOrEqual(0)

  await expect(popup.balance).toHaveText('$8.00')
  // Nobody has claimed @nour_writes yet: the popup says the tip waits, and for how long.
  await expect(popup.escrowedTips).toContainText('@nour_writes')
  await expect(popup.escrowedTips).toContainText('in 90 days')

  // The creator claims the handle, and the tip moves from escrow to their earnings.
  await options.claim('x', 'nour_writes')
  await expect(options.tipsReceived).toContainText('nour_writes')
  await expect(options.tipsReceived).toContainText('$2.00')
  await expect(options.tipsReceived).toContainText('Thanks for the thread')
})

test('funds added from an open panel: once they land, the same panel shows them and offers the tip', async ({ context, x }) => {
  await x.open()
  const post = x.post('nour_writes')
  await post.button.getByRole('button').click()
  const panel = await post.panel()
  await expect(panel.getByTestId('panel-status')).toHaveText('Add funds first: tips are paid from your Tipline balance.')

  const checkoutTab = context.waitForEvent('page')
  await panel.getByTestId('panel-topup').click()
  await new Checkout(await checkoutTab).pay('4242 4242 4242 4242')

  // Without closing it: the panel now holds the tip form, with the new balance.
  await expect(panel.getByTestId('preset-100')).toBeVisible()
  await expect(panel.getByText('Balance: $5.00')).toBeVisible()
})
