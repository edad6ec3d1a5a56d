// The X stand-in timeline at https://x.com/home, with the extension's buttons under each post.
import type { BrowserContext, FrameLocator, Locator, Page } from '@playwright/test'

export class XTimeline {
  constructor(private readonly context: BrowserContext) {}

  private page: Page | null = null

  async open(): Promise<Page> {
    if (this.page && !this.page.isClosed()) return this.page
    this.page = await this.context.newPage()
    await this.page.goto('https://x.com/home', { waitUntil: 'domcontentloaded' })
    return this.page
  }

  /** The nth post (1-based) by this author that carries a Tip button. */
  post(handle: string, nth = 1): XPost {
    if (!this.page) throw new Error('open the timeline first')
    return new XPost(this.page, this.page.locator(`tipline-button[data-handle="${handle}"]`).nth(nth - 1))
  }
}

export class XPost {
  constructor(
    private readonly page: Page,
    readonly button: Locator,
  ) {}

  get panel(): FrameLocator {
    return this.page.frameLocator('iframe[title="Tipline tip panel"]')
  }

  /** Opens the panel, picks a preset (minor units) and confirms; resolves when the panel says it was sent. */
  async tip(amountMinor: number, note?: string): Promise<void> {
    await this.button.getByRole('button').click()
    await this.panel.getByTestId(`preset-${amountMinor}`).click()
    if (note) await this.panel.getByTestId('note').fill(note)
    await this.panel.getByTestId('confirm').click()
  }
}
