// The options page's product form: its key is made once per submitted form, so a retry is one product.
import { routes } from '../../../shared/api.ts'
import { api } from '../api.ts'
import type { Handler } from './caller.ts'

export const productsCreate: Handler<'products.create'> = async ({ key, ...product }) =>
  api.post(routes.products, product, { idempotencyKey: key })
