// Pay under a post: the API makes the product's hosted Checkout Session (a public route: the
// buyer needs no Tipline account) and it opens in a new tab, as a top-up does.
import browser from 'webextension-polyfill'
import { ProductCheckout, routes } from '../../../shared/api.ts'
import { callApi } from '../http.ts'
import type { Handler } from './caller.ts'

export const productCheckout: Handler<'product.checkout'> = async ({ productId }) => {
  // A fresh key per click: a repeated click is a new checkout, a network retry inside one is not.
  const { checkoutUrl } = await callApi('POST', routes.productCheckout(productId), ProductCheckout, {
    idempotencyKey: crypto.randomUUID(),
  })
  await browser.tabs.create({ url: checkoutUrl })
  return { checkoutUrl }
}
