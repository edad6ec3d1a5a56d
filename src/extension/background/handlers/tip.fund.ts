// Top up and tip: the tip is saved in the outbox waiting for funds, and one hosted checkout for
// the shortfall opens in a tab. When the top-up watch sees the money land, the tip is sent.
import browser from 'webextension-polyfill'
import { routes } from '../../../shared/api.ts'
import { api } from '../api.ts'
import { holdForFunds } from '../outbox.ts'
import { panelTipRequest } from '../panel-tip.ts'
import { watchTopup } from '../topup-watch.ts'
import { tabOf, type Handler } from './caller.ts'

export const tipFund: Handler<'tip.fund'> = async (tip, caller) => {
  const item = await holdForFunds(tip.key, await panelTipRequest(tip, tabOf(caller)))
  // The top-up's own key: a second click on the panel's button is the same checkout, not a second one.
  const { checkoutUrl } = await api.post(
    routes.topups,
    { amount: tip.topup, currency: tip.currency },
    { idempotencyKey: `topup-for-${tip.key}` },
  )
  await watchTopup()
  await browser.tabs.create({ url: checkoutUrl })
  return { id: item.id, checkoutUrl }
}
