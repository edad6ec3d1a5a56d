// A content script shows "Pay <price>" for a product a post links to: the price comes from the
// API's public product read, so the page's own text about the product is never trusted. It is
// written here, so the currency table stays out of the script every page loads.
import { Product, routes } from '../../../shared/api.ts'
import { formatMoney } from '../../../shared/money.ts'
import { callApi } from '../http.ts'
import type { Handler } from './caller.ts'

export const productGet: Handler<'product.get'> = async ({ productId }) => {
  const { title, price, currency } = await callApi('GET', routes.product(productId), Product)
  return { title, price: formatMoney(price, currency, navigator.language) }
}
