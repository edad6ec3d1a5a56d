// Payouts: connecting a Stripe Express account through hosted onboarding, the creator's payout
// view, Withdraw, the pages Stripe's onboarding sends the creator back to, and the Connect webhook.
import { PayoutRequest, routes } from '../../shared/api.ts'
import { requireAccount } from '../auth/middleware.ts'
import type { ApiApp } from '../http/env.ts'
import { limitMoney } from '../http/rate-limit.ts'
import { body, bodyText, idempotencyKey } from '../http/validate.ts'
import { onboardingLink } from '../payouts/accounts.ts'
import { handleConnectEvent } from '../payouts/events.ts'
import { payoutsView } from '../payouts/view.ts'
import { withdraw } from '../payouts/withdraw.ts'
import type { Services } from '../services.ts'
import { verifyEvent } from '../stripe/webhook.ts'
import { noticePage } from '../http/notice-page.ts'

export function payoutRoutes(app: ApiApp, s: Services): void {
  app.get(routes.payouts, requireAccount(s), async (c) => c.json(await payoutsView(s.db, c.var.accountId)))

  // Makes the Express account on the first call; every call gives a fresh link, as links are single-use.
  app.post(routes.payoutAccount, requireAccount(s), limitMoney(s.limiters), async (c) =>
    c.json({ onboardingUrl: await onboardingLink(s, c.var.accountId) }, 201),
  )

  app.post(routes.payouts, requireAccount(s), limitMoney(s.limiters), async (c) => {
    const key = idempotencyKey(c)
    const request = await body(c, PayoutRequest)
    const payout = await withdraw(s, c.var.accountId, key, request)
    // 202: Stripe's answer did not arrive; the same request again finishes it.
    return c.json(payout, payout.status === 'pending' ? 202 : 201)
  })

  app.get(routes.payoutOnboardingDone, (c) =>
    c.html(noticePage({ title: 'Back from Stripe', detail: 'Your payout account is updated in Tipline as soon as Stripe confirms it. You can close this tab.' })),
  )
  app.get(routes.payoutOnboardingExpired, (c) =>
    c.html(noticePage({ title: 'This link has expired', detail: 'Open Tipline’s options page and choose Continue setup to get a new one.' })),
  )

  app.post(routes.stripeConnectWebhook, async (c) => {
    const event = verifyEvent(s.stripe, s.connectWebhookSecret, await bodyText(c), c.req.header('Stripe-Signature'))
    s.log({ msg: 'stripe connect event', requestId: c.var.requestId, eventId: event.id, type: event.type, account: event.account })
    await handleConnectEvent(s, event)
    return c.json({ received: true })
  })
}
