// The options page's Payouts section, and Stripe's hosted onboarding page it opens, driven as a creator would.
import type { BrowserContext, Locator, Page } from '@playwright/test'

export class Payouts {
  constructor(
    private readonly context: BrowserContext,
    private readonly page: Page,
  ) {}

  get section(): Locator {
    return this.page.getByTestId('payouts')
  }

  get readiness(): Locator {
    return this.section.getByTestId('payouts-readiness')
  }

  get status(): Locator {
    return this.section.getByRole('status')
  }

  get history(): Locator {
    return this.section.getByTestId('payout-list')
  }

  withdrawButton(currency: string): Locator {
    return this.section.getByTestId(`payout-withdraw-${currency}`)
  }

  /** Connects a payout account: Stripe's onboarding opens in a new tab and the creator completes it there. */
  async connect(): Promise<void> {
    const onboardingTab = this.context.waitForEvent('page')
    await this.section.getByTestId('payouts-connect').click()
    const onboarding = await onboardingTab
    await onboarding.waitForLoadState('domcontentloaded')
    await onboarding.getByRole('button', { name: 'Complete onboarding' }).click()
    await onboarding.getByRole('heading', { name: 'Back from Stripe' }).waitFor()
    await onboarding.close()
    await this.page.bringToFront()
  }
}
