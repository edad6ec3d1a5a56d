// The X stand-in timeline at https://x.com/home, with the extension's buttons under each post.
import { expect, type BrowserContext, type Frame, type Locator, type Page } from '@playwright/test'

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

  /**
   * The open tip panel. Its iframe sits in a closed shadow root (page scripts must not reach it),
   * so locators cannot pierce to it: find the frame by its extension page address instead.
   */
  async panel(): Promise<Frame> {
    let panel: Frame | undefined
    await expect
      .poll(() => (panel = this.page.frames().find((frame) => frame.url().includes('/src/extension/panel/index.html'))))
      .toBeTruthy()
    return panel as Frame
  }

  /** Opens the panel, types an amount as a person would ("2.00"), adds the note and confirms. */
  async tip(amount: string, note?: string): Promise<void> {
    await this.button.getByRole('button').click()
    const panel = await this.panel()
    await panel.getByTestId('custom-amount').fill(amount)
    if (note) await panel.getByTestId('note').fill(note)
    await panel.getByTestId('confirm').click()
  }

  /** Opens the panel and confirms one of its preset amounts (minor units). */
  async tipPreset(amountMinor: number): Promise<void> {
    await this.button.getByRole('button').click()
    const panel = await this.panel()
    await panel.getByTestId(`preset-${amountMinor}`).click()
    await panel.getByTestId('confirm').click()
  }
}
