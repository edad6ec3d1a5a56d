// Stripe's idempotent requests: a POST repeated with the same Idempotency-Key and the same
// parameters gets the first response again (marked `Idempotent-Replayed: true`); the same key
// with different parameters is refused. Keys belong to the secret key that used them and to the
// connected account it acted for (the Stripe-Account header). As at
// Stripe, only requests that ran are remembered: a rejected one may be retried with its key.
import type { MiddlewareHandler } from 'hono'
import { idempotencyError } from './errors.ts'
import type { FormObject } from './form.ts'

interface SavedResponse {
  request: string
  status: number
  body: string
}

export type ApiEnv = { Variables: { params: FormObject; secretKey: string; stripeAccount: string | undefined } }

export function idempotentPosts(): MiddlewareHandler<ApiEnv> {
  const saved = new Map<string, SavedResponse>()
  return async (c, next) => {
    const key = c.req.header('Idempotency-Key')
    if (c.req.method !== 'POST' || !key) return next()
    const scope = `${c.get('secretKey')}\n${c.get('stripeAccount') ?? ''}\n${key}`
    const request = `${c.req.path}\n${JSON.stringify(c.get('params'))}`
    const earlier = saved.get(scope)
    if (earlier) {
      if (earlier.request !== request) throw idempotencyError(key)
      c.header('Idempotency-Key', key)
      c.header('Idempotent-Replayed', 'true')
      c.header('Content-Type', 'application/json')
      return c.body(earlier.body, earlier.status as 200)
    }
    await next()
    c.header('Idempotency-Key', key)
    if (c.res.status < 400) saved.set(scope, { request, status: c.res.status, body: await c.res.clone().text() })
  }
}
