// A product's public page on the API, as a buyer without the extension sees it: embedded Checkout
// when Stripe.js loads, the Pay button (hosted checkout) when it does not.
import type { Locator, Page } from '@playwright/test'
import { Checkout } from './checkout.ts'

export class ProductPage {
  constructor(readonly page: Page) {}

  async open(url: string): Promise<this> {
    await this.page.goto(url, { waitUntil: 'domcontentloaded' })
    return this
  }

  /** The frame embedded Checkout mounts. */
  get embeddedFrame(): Locator {
    return this.page.getByTestId('embedded-checkout').locator('iframe')
  }

  get embedded(): Checkout {
    return new Checkout(this.page, this.page.getByTestId('embedded-checkout').frameLocator('iframe'))
  }

  get status(): Locator {
    return this.page.getByRole('status')
  }

  payButton(price: string): Locator {
    return this.page.getByRole('button', { name: `Pay ${price}` })
  }
}
