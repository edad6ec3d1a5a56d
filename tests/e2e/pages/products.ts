// The options page's Products and Orders sections, driven as a creator would.
import type { Locator, Page } from '@playwright/test'

export class Products {
  constructor(private readonly page: Page) {}

  get list(): Locator {
    return this.page.getByTestId('product-list')
  }

  get orders(): Locator {
    return this.page.getByTestId('orders')
  }

  /** Fills the new-product form and submits it; resolves to the product's public page address. */
  async create(product: { title: string; price: string; currency?: string; description: string }): Promise<string> {
    const section = this.page.getByTestId('products')
    await section.getByTestId('product-title').fill(product.title)
    await section.getByTestId('product-price').fill(product.price)
    if (product.currency) await section.getByTestId('product-currency').selectOption(product.currency)
    await section.getByTestId('product-description').fill(product.description)
    await section.getByTestId('product-create').click()
    const link = this.list.getByTestId('product').filter({ hasText: product.title }).getByTestId('product-link')
    return (await link.getAttribute('href')) ?? ''
  }
}
