// The Stripe stand-in's checkout form, driven as a person would: on the hosted page, or in
// embedded Checkout's frame on a product page.
import type { FrameLocator, Page } from '@playwright/test'

export class Checkout {
  /** `form`: where the payment form is; the page itself for hosted checkout. */
  constructor(
    readonly page: Page,
    readonly form: Page | FrameLocator = page,
  ) {}

  async pay(card: string): Promise<void> {
    await this.page.waitForLoadState('domcontentloaded')
    await this.form.getByLabel('Email').fill('reader@example.com')
    await this.form.getByLabel('Card number').fill(card)
    await this.form.getByLabel('Expiry').fill('12 / 34')
    await this.form.getByLabel('CVC').fill('123')
    await this.form.getByLabel('Name on card').fill('Test Reader')
    await this.form.getByRole('button', { name: /^Pay/ }).click()
  }
}
