// The Stripe stand-in's hosted checkout page, driven as a person would.
import type { Page } from '@playwright/test'

export class Checkout {
  constructor(readonly page: Page) {}

  async pay(card: string): Promise<void> {
    await this.page.waitForLoadState('domcontentloaded')
    await this.page.getByLabel('Email').fill('reader@example.com')
    await this.page.getByLabel('Card number').fill(card)
    await this.page.getByLabel('Expiry').fill('12 / 34')
    await this.page.getByLabel('CVC').fill('123')
    await this.page.getByLabel('Name on card').fill('Test Reader')
    await this.page.getByRole('button', { name: /^Pay/ }).click()
  }
}
