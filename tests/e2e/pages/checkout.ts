// The Stripe stand-in's checkout form, driven as a person would: on the hosted page, or in
// embedded Checkout's frame on a product page.
import type { FrameLocator, Page } from '@playwright/test'

/** Who pays in the tests, besides the card: what the checkout form asks for. */
export const TEST_PAYER = { email: 'reader@example.com', expiry: '12 / 34', cvc: '123', name: 'Test Reader' } as const

export class Checkout {
  /** `form`: where the payment form is; the page itself for hosted checkout. */
  constructor(
    readonly page: Page,
    readonly form: Page | FrameLocator = page,
  ) {}

  async pay(card: string): Promise<void> {
    await this.page.waitForLoadState('domcontentloaded')
    await this.form.getByLabel('Email').fill(TEST_PAYER.email)
    await this.form.getByLabel('Card number').fill(card)
    await this.form.getByLabel('Expiry').fill(TEST_PAYER.expiry)
    await this.form.getByLabel('CVC').fill(TEST_PAYER.cvc)
    await this.form.getByLabel('Name on card').fill(TEST_PAYER.name)
    await this.form.getByRole('button', { name: /^Pay/ }).click()
  }
}
