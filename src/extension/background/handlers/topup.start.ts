// A top-up is paid on Stripe's hosted Checkout page in a new tab; the wallet is then watched
// until the API's webhook credits it.
import browser from 'webextension-polyfill'
import { routes } from '../../../shared/api.ts'
import { api } from '../api.ts'
import { watchTopup } from '../topup-watch.ts'
import type { Handler } from './caller.ts'

export const topupStart: Handler<'topup.start'> = async (input) => {
  // A fresh key per request: a repeated click is a new top-up, a network retry inside one is not.
  const { checkoutUrl } = await api.post(routes.topups, input, { idempotencyKey: crypto.randomUUID() })
  await watchTopup()
  await browser.tabs.create({ url: checkoutUrl })
  return { checkoutUrl }
}
