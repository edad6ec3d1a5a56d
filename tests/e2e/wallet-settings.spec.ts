// The Settings section on the options page: what is saved there shapes the panel and the page at
// once, wrong amounts are named next to their field, and signing out asks first.
import { escapeTipPanel } from './pages/tip-panel.ts'
import { test, expect, plain } from './wallet-fixtures.ts'

test('presets and site switches saved in Settings reach the panel and the page without a reload', async ({ popup, x, options }) => {
  await popup.topUp('10.00')
  await popup.open()
  await expect(popup.balance).toHaveText('$10.00')

  const settings = await options.open()
  const presets = settings.getByTestId('settings-presets')
  await expect(presets).toHaveValue('1.00 3.00 5.00')
  await presets.fill('2 4 1.5.0')
  await settings.getByTestId('settings-save').click()
  await expect.poll(() => plain(settings.getByTestId('settings').getByRole('alert'))).toContain('“1.5.0”')
  await expect(presets).toHaveAttribute('aria-invalid', 'true')
  await presets.fill('2 4')
  await settings.getByTestId('settings-save').click()
  await expect(settings.getByTestId('settings-status')).toHaveText('Settings saved.')

  const timeline = await x.open()
  const post = x.post('nour_writes')
  await post.button.getByRole('button').click()
  const panel = await post.panel()
  await expect(panel.getByTestId('preset-200')).toBeVisible()
  await expect(panel.getByTestId('preset-400')).toBeVisible()
  await expect(panel.getByTestId('preset-100')).toHaveCount(0)
  await escapeTipPanel(timeline)

  await settings.getByTestId('settings-site-x').uncheck()
  await settings.getByTestId('settings-save').click()
  await expect(settings.getByTestId('settings-status')).toHaveText('Settings saved.')
  await expect(timeline.locator('tipline-button')).toHaveCount(0)
})

test('sign out asks first, then forgets this device: the popup starts over with no funds', async ({ popup, options }) => {
  await popup.topUp('10.00')
  await popup.open()
  await expect(popup.balance).toHaveText('$10.00')

  const settings = await options.open()
  await settings.getByTestId('sign-out').click()
  await settings.getByTestId('sign-out-keep').click()
  await expect(settings.getByTestId('sign-out-status')).toBeEmpty()
  await settings.getByTestId('sign-out').click()
  await settings.getByTestId('sign-out-yes').click()
  await expect(settings.getByTestId('sign-out-status')).toContainText('Signed out.')

  await popup.reopen()
  await expect(popup.balance).toHaveText('No funds yet')
})
