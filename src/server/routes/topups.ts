import { routes, TopupRequest } from '../../shared/api.ts'
import { requireAccount } from '../auth/middleware.ts'
import type { ApiApp } from '../http/env.ts'
import { limitMoney } from '../http/rate-limit.ts'
import { body, idempotencyKey } from '../http/validate.ts'
import type { Services } from '../services.ts'
import { fulfilCheckoutSession, type TopupStatus } from '../stripe/fulfil.ts'
import { startTopup } from '../stripe/topups.ts'
import { noticePage, type Notice } from '../http/notice-page.ts'

const SESSION_ID = /^cs_[A-Za-z0-9_]{1,200}$/

const MESSAGES: Record<TopupStatus, Notice> = {
  paid: { title: 'Funds added', detail: 'Your Tipline wallet has been topped up. You can close this tab.' },
  processing: { title: 'Payment is processing', detail: 'Your wallet will be topped up as soon as the payment clears.' },
  failed: { title: 'Payment failed', detail: 'Nothing was added to your wallet.' },
  expired: { title: 'Checkout expired', detail: 'Nothing was charged.' },
  unknown: { title: 'Unknown checkout', detail: 'This page does not recognise that checkout session.' },
}

export function topupRoutes(app: ApiApp, s: Services): void {
  app.post(routes.topups, requireAccount(s), limitMoney(s.limiters), async (c) => {
    const key = idempotencyKey(c)
    const request = await body(c, TopupRequest)
    return c.json(await startTopup(s, c.var.accountId, key, request), 201)
  })

  // Checkout's success_url. It fulfils too, so the wallet is credited even if the webhook is late.
  app.get(routes.topupReturn, async (c) => {
    const sessionId = c.req.query('session_id') ?? ''
    const status = SESSION_ID.test(sessionId) ? await fulfilCheckoutSession(s, sessionId) : 'unknown'
    return c.html(noticePage(MESSAGES[status]), status === 'unknown' ? 404 : 200)
  })

  app.get(`${routes.topups}/cancelled`, (c) =>
    c.html(noticePage({ title: 'Payment cancelled', detail: 'Payment cancelled, nothing was charged. You can close this tab.' })),
  )
}
