// Connecting a payout account happens on Stripe's hosted onboarding page, in a new tab; the
// options page learns the outcome from the API once Stripe tells it (account.updated).
import browser from 'webextension-polyfill'
import { routes } from '../../../shared/api.ts'
import { api } from '../api.ts'
import type { Handler } from './caller.ts'

export const payoutsConnect: Handler<'payouts.connect'> = async () => {
  // Onboarding links are single-use, so every click asks for a fresh one; the account itself is made once.
  const { onboardingUrl } = await api.post(routes.payoutAccount, {})
  await browser.tabs.create({ url: onboardingUrl })
  return { onboardingUrl }
}
