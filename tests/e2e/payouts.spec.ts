import AxeBuilder from '@axe-core/playwright'
import { test, expect } from './fixtures.ts'
import { Payouts } from './pages/payouts.ts'

/** t() wraps each amount in Unicode isolates (FSI … PDI), so it keeps its order inside Arabic sentences. */
const isolated = (amount: string) => `\u2068${amount}\u2069`

test('a creator connects Stripe through the hosted onboarding page and withdraws a tip to it', async ({ context, popup, x, options, stack }) => {
  // A tip to a handle nobody has claimed yet; claiming it moves the tip into this creator's earnings.
  await popup.topUp('10.00')
  await popup.open()
  await expect(popup.balance).toHaveText('$10.00')
  await x.open()
  await x.post('nour_writes').tip('8.00')
  await expect(popup.balance).toHaveText('$2.00')
  await options.claim('x', 'nour_writes')
  await expect(options.tipsReceived).toContainText('$8.00')

  const dashboard = await options.open()
  const payouts = new Payouts(context, dashboard)
  await expect(payouts.readiness).toHaveText('Connect a Stripe account to move your earnings to your bank.')
  await expect(payouts.withdrawButton('USD')).toBeDisabled()
  await expect(payouts.withdrawButton('USD')).toHaveAccessibleDescription('Finish setting up payouts with Stripe to withdraw.')

  await payouts.connect()
  await expect(payouts.readiness).toHaveText('Your Stripe account is ready for payouts.')
  await expect(payouts.withdrawButton('USD')).toHaveText(`Withdraw ${isolated('$8.00')}`)
  await payouts.withdrawButton('USD').click()

  await expect(payouts.status).toHaveText(`${isolated('$8.00')} is on its way to your Stripe account.`)
  await expect(payouts.history).toContainText('$8.00')
  await expect(payouts.history).toContainText('Sent')
  await expect(payouts.withdrawButton('USD')).toHaveText(`Withdraw ${isolated('$0.00')}`)
  await expect(payouts.withdrawButton('USD')).toHaveAccessibleDescription(`Withdrawals in this currency start at ${isolated('$5.00')}.`)
  await expect(dashboard.getByTestId('earnings')).toHaveText('$0.00')
  const axe = await new AxeBuilder({ page: dashboard }).include('[data-testid="payouts"]').withTags(['wcag2a', 'wcag2aa']).analyze()
  expect(axe.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')).toEqual([])

  // The money reached the creator's connected account at Stripe, once.
  const { rows } = await stack.api.db.query<{ stripe_account: string }>('SELECT stripe_account FROM payout_accounts')
  const transfers = await fetch(`${stack.stripe.url}/v1/transfers?destination=${rows[0]!.stripe_account}`, {
    headers: { authorization: `Bearer ${stack.stripe.secretKey}` },
  }).then((response) => response.json() as Promise<{ data: Array<{ amount: number; currency: string }> }>)
  expect(transfers.data).toEqual([expect.objectContaining({ amount: 800, currency: 'usd' })])
})
