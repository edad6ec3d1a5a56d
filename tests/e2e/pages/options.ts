// The options page: the creator's dashboard.
import type { BrowserContext, Locator, Page } from '@playwright/test'

export class Options {
  constructor(
    private readonly context: BrowserContext,
    private readonly extensionId: string,
  ) {}

  private page: Page | null = null

  async open(): Promise<Page> {
    if (this.page && !this.page.isClosed()) {
      await this.page.reload()
      return this.page
    }
    this.page = await this.context.newPage()
    await this.page.goto(`chrome-extension://${this.extensionId}/src/extension/options/index.html`)
    return this.page
  }

  /** The development shortcut: claim a handle without posting a code. */
  async claim(site: 'x' | 'bluesky' | 'mastodon', handle: string): Promise<void> {
    const page = await this.open()
    await page.getByTestId('claim-site').selectOption(site)
    await page.getByTestId('claim-handle').fill(handle)
    await page.getByTestId('claim-submit').click()
    await page.getByTestId('handles').getByText(handle).waitFor()
  }

  get tipsReceived(): Locator {
    if (!this.page) throw new Error('open the options page first')
    return this.page.getByTestId('tips-received')
  }
}
