import { html } from 'hono/html'
import { routes, TopupRequest } from '../../shared/api.ts'
import { requireAccount } from '../auth/middleware.ts'
import type { ApiApp } from '../http/env.ts'
import { limitMoney } from '../http/rate-limit.ts'
import { body, idempotencyKey } from '../http/validate.ts'
import type { Services } from '../services.ts'
import { fulfilCheckoutSession, type TopupStatus } from '../stripe/fulfil.ts'
import { startTopup } from '../stripe/topups.ts'

const SESSION_ID = /^cs_[A-Za-z0-9_]{1,200}$/

const MESSAGES: Record<TopupStatus, { title: string; detail: string }> = {
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
    return c.html(page(MESSAGES[status]), status === 'unknown' ? 404 : 200)
  })

  app.get(`${routes.topups}/cancelled`, (c) =>
    c.html(page({ title: 'Payment cancelled', detail: 'Payment cancelled, nothing was charged. You can close this tab.' })),
  )
}

// Self-contained: no scripts, fonts or images from anywhere.
const page = ({ title, detail }: { title: string; detail: string }) => html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title} · Tipline</title>
    <style>
      body { font: 16px/1.5 system-ui, sans-serif; max-width: 32rem; margin: 4rem auto; padding: 0 1rem; color: #1b1b1f; }
      h1 { font-size: 1.5rem; }
    </style>
  </head>
  <body>
    <main>
      <h1>${title}</h1>
      <p>${detail}</p>
    </main>
  </body>
</html>`
