// The wallet's promises, end to end with the built extension, the real API and the Stripe
// stand-in: a tip is delivered exactly once whatever happens to the worker or the server, a
// declined card changes nothing, and every open popup tells the same story.
import { stopServiceWorker } from './pages/service-worker.ts'
import { Checkout } from './pages/checkout.ts'
import { escapeTipPanel } from './pages/tip-panel.ts'
import { test, expect, plain } from './wallet-fixtures.ts'

// Each story restarts the API or the worker and waits out real undo holds and retry alarms: on a
// busy 2-core machine that can pass the default minute without anything being wrong.
test.describe.configure({ timeout: 120_000 })

test('the worker stopped between queueing a tip and delivering it: the tip is delivered exactly once', async ({ popup, x, server, context, extensionId }) => {
  await popup.topUp('10.00')
  await popup.open()
  await expect(popup.balance).toHaveText('$10.00')

  await server.stop()
  await x.open()
  const post = x.post('nour_writes')
  await post.tip('2.00')
  const panel = await post.panel()
  await expect(panel.getByTestId('panel-status')).toHaveText('Will be sent when Tipline can reach the server.', { timeout: 15_000 })

  await stopServiceWorker(context, extensionId)
  await server.start()
  // Opening the popup wakes a fresh worker; its sync reaches the server, and the waiting tip goes.
  await popup.reopen()
  await expect(popup.balance).toHaveText('$8.00')
  await expect(popup.pendingTips).toHaveCount(0)
  expect(await server.ledger()).toEqual({ tips: 1, walletBalances: [800] })

  // Nothing is left to send twice: another wake, another sync, still one tip.
  await stopServiceWorker(context, extensionId)
  await popup.reopen()
  await expect(popup.balance).toHaveText('$8.00')
  expect(await server.ledger()).toEqual({ tips: 1, walletBalances: [800] })
})

test('the API down for a while: tips queue, the popup says so, and they go through after', async ({ popup, x, server }) => {
  await popup.topUp('10.00')
  await popup.open()
  await expect(popup.balance).toHaveText('$10.00')

  await server.stop()
  const timeline = await x.open()
  const first = x.post('nour_writes')
  await first.tip('1.00')
  await expect.poll(async () => plain((await first.panel()).getByTestId('panel-status'))).toContain('Sending $1.00')
  await escapeTipPanel(timeline)
  await x.post('ada_lovelace').tip('2.00')
  const page = await popup.reopen()
  await expect(page.getByTestId('sync-problem')).toContainText("can't reach its server")
  await expect(popup.pendingTips).toHaveCount(2, { timeout: 15_000 })
  await expect(popup.pendingTips.first()).toContainText('Will be sent when Tipline can reach the server.', { timeout: 15_000 })
  await expect(popup.pendingTips.nth(1)).toContainText('Will be sent when Tipline can reach the server.', { timeout: 15_000 })

  await server.start()
  await page.getByRole('button', { name: 'Try again' }).click()
  await expect(popup.pendingTips).toHaveCount(0)
  await expect(popup.balance).toHaveText('$7.00')
  expect(await server.ledger()).toEqual({ tips: 2, walletBalances: [700] })
})

test('a declined card shows the decline and changes no balance', async ({ popup, server }) => {
  const checkout = await popup.topUp('10.00', '4000 0000 0000 0002')
  await expect(checkout.page.getByText('Your card was declined.')).toBeVisible()
  const page = await popup.reopen()
  await expect(popup.balance).toHaveText('$0.00')
  await expect(page.getByTestId('add-funds-status')).toBeEmpty()
  expect((await server.ledger()).walletBalances.every((balance) => balance === 0)).toBe(true)
})

test('a cancelled payment adds nothing, and the popup has already said so', async ({ popup, context, server }) => {
  const page = await popup.open()
  await page.getByTestId('add-funds-custom').fill('10.00')
  const checkoutTab = context.waitForEvent('page')
  await page.getByTestId('add-funds-submit').click()
  const checkout = await checkoutTab
  await expect(page.getByTestId('add-funds-status')).toContainText('if it is cancelled or declined, no funds are added')
  await checkout.getByRole('link', { name: 'Cancel and go back' }).click()
  await expect(checkout.getByText('Payment cancelled, nothing was charged.')).toBeVisible()
  await popup.reopen()
  await expect(popup.balance).toHaveText('$0.00')
  expect((await server.ledger()).walletBalances.every((balance) => balance === 0)).toBe(true)
})

test('two popups open at once show the same top-up and the same tip', async ({ popup, x, context, extensionId }) => {
  const second = await context.newPage()
  await second.goto(`chrome-extension://${extensionId}/src/extension/popup/index.html`)
  await popup.topUp('10.00')
  await popup.open()
  await expect(popup.balance).toHaveText('$10.00')
  await expect(second.getByTestId('balance')).toHaveText('$10.00')

  await x.open()
  await x.post('nour_writes').tip('2.00')
  await expect(popup.balance).toHaveText('$8.00')
  await expect(second.getByTestId('balance')).toHaveText('$8.00')
  await expect.poll(() => plain(second.getByTestId('activity'))).toContain('Tip to @nour_writes')
})

test('top up and tip: one checkout for the shortfall, and the tip completes after the payment', async ({ popup, x, server, context }) => {
  await popup.topUp('5.00')
  await popup.open()
  await expect(popup.balance).toHaveText('$5.00')

  await x.open()
  const post = x.post('nour_writes')
  await post.button.getByRole('button').click()
  const panel = await post.panel()
  await panel.getByTestId('custom-amount').fill('12.00')
  await expect.poll(() => plain(panel.getByTestId('confirm'))).toBe('Add $7.00 and send $12.00')
  const checkoutTab = context.waitForEvent('page')
  await panel.getByTestId('confirm').click()
  await expect(panel.getByTestId('panel-status')).toContainText('goes out as soon as your payment lands')
  await new Checkout(await checkoutTab).pay('4242 4242 4242 4242')

  await expect.poll(() => plain(panel.getByTestId('panel-status')), { timeout: 20_000 }).toBe('Sent $12.00 to @nour_writes')
  await expect(popup.balance).toHaveText('$0.00')
  expect(await server.ledger()).toEqual({ tips: 1, walletBalances: [0] })
})

test('undo inside the five seconds sends nothing; a double click on Confirm sends one tip', async ({ popup, x, server }) => {
  await popup.topUp('10.00')
  await popup.open()
  await expect(popup.balance).toHaveText('$10.00')
  await x.open()
  const post = x.post('nour_writes')
  await post.tip('2.00')
  const panel = await post.panel()
  await expect.poll(() => plain(panel.getByTestId('panel-status'))).toBe('Sending $2.00 to @nour_writes…')
  await panel.getByTestId('undo').click()
  await expect(panel.getByTestId('confirm')).toBeEnabled()
  await panel.waitForTimeout(6_000)
  expect((await server.ledger()).tips).toBe(0)

  await panel.getByTestId('custom-amount').fill('3.00')
  await panel.getByTestId('confirm').dblclick()
  await expect.poll(() => plain(panel.getByTestId('panel-status')), { timeout: 15_000 }).toContain('Sent $3.00')
  await expect(popup.balance).toHaveText('$7.00')
  expect(await server.ledger()).toEqual({ tips: 1, walletBalances: [700] })
})

test('a tip past the monthly budget asks first, and goes when the reader says so', async ({ popup, x, options, server }) => {
  await popup.topUp('10.00')
  await popup.open()
  await expect(popup.balance).toHaveText('$10.00')
  const settings = await options.open()
  await settings.getByTestId('settings-budget').fill('3.00')
  await settings.getByTestId('settings-save').click()
  await expect(settings.getByTestId('settings-status')).toHaveText('Settings saved.')

  const timeline = await x.open()
  const first = x.post('nour_writes')
  await first.tip('2.00')
  await expect(popup.balance).toHaveText('$8.00')
  await escapeTipPanel(timeline)

  const second = x.post('ada_lovelace')
  await second.tip('2.00')
  const panel = await second.panel()
  await expect.poll(() => plain(panel.getByTestId('budget-question'))).toContain('This tip passes your monthly budget: $1.00 left. Send anyway?')
  await panel.getByTestId('send-anyway').click()
  await expect.poll(() => plain(panel.getByTestId('panel-status')), { timeout: 15_000 }).toContain('Sent $2.00')
  await expect(popup.balance).toHaveText('$6.00')
  expect(await server.ledger()).toEqual({ tips: 2, walletBalances: [600] })
})
