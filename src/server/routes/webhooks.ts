import { routes } from '../../shared/api.ts'
import type { ApiApp } from '../http/env.ts'
import { bodyText } from '../http/validate.ts'
import type { Services } from '../services.ts'
import { handleEvent, verifyEvent } from '../stripe/webhook.ts'

export function webhookRoutes(app: ApiApp, s: Services): void {
  app.post(routes.stripeWebhook, async (c) => {
    // The signature covers the exact bytes Stripe sent, so the body is read raw, never re-serialised.
    const event = verifyEvent(s.stripe, s.webhookSecret, await bodyText(c), c.req.header('Stripe-Signature'))
    s.log({ msg: 'stripe event', requestId: c.var.requestId, eventId: event.id, type: event.type })
    await handleEvent(s, event)
    return c.json({ received: true })
  })
}
