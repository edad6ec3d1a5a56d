// The toolbar popup, opened as a tab on its own URL (headless Chromium has no toolbar to click).
import type { BrowserContext, Locator, Page } from '@playwright/test'
import { Checkout } from './checkout.ts'

export class Popup {
  constructor(
    private readonly context: BrowserContext,
    private readonly extensionId: string,
  ) {}

  private page: Page | null = null

  async open(): Promise<Page> {
    if (this.page && !this.page.isClosed()) return this.page
    this.page = await this.context.newPage()
    await this.page.goto(`chrome-extension://${this.extensionId}/src/extension/popup/index.html`)
    return this.page
  }

  /** Closes and opens the popup again, as a person does: it paints from the cache and syncs. */
  async reopen(): Promise<Page> {
    if (this.page && !this.page.isClosed()) await this.page.close()
    this.page = null
    return this.open()
  }

  get pendingTips(): Locator {
    if (!this.page) throw new Error('open the popup first')
    return this.page.getByTestId('pending-tip')
  }

  /** Tips waiting in escrow for a creator to claim their handle. */
  get escrowedTips(): Locator {
    if (!this.page) throw new Error('open the popup first')
    return this.page.getByTestId('escrowed-tips')
  }

  get balance(): Locator {
    if (!this.page) throw new Error('open the popup first')
    return this.page.getByTestId('balance')
  }

  /** Adds funds through the hosted checkout page with the given test card; returns when Stripe redirects back. */
  async topUp(amount: string, card = '4242 4242 4242 4242'): Promise<Checkout> {
    const page = await this.open()
    await page.getByTestId('add-funds-custom').fill(amount)
    const checkoutTab = this.context.waitForEvent('page')
    await page.getByTestId('add-funds-submit').click()
    const checkout = new Checkout(await checkoutTab)
    await checkout.pay(card)
    return checkout
  }
}
