// Test controls that Stripe's API has no equivalent for: things the customer, the bank, Stripe's
// verification team or time would do (pay, dispute, expire, fail a transfer or a payout, restrict
// an account) and redelivering a webhook. JSON in, Stripe objects out.
import { Hono, type Context } from 'hono'
import { z } from 'zod'
import type { Account } from '../account.ts'
import { finishAuthentication, expireSession, payWithCard } from '../checkout.ts'
import { restrictAccount, REVERIFICATION_REQUIREMENTS } from '../connected-accounts.ts'
import { cardError, invalidRequest } from '../errors.ts'
import { closeDispute, openDispute } from '../disputes.ts'
import { failPayout, PAYOUT_FAILURES, type PayoutFailure } from '../payouts.ts'
import { refundCharge } from '../refunds.ts'
import { reverseTransfer } from '../transfers.ts'
import type { WebhookDispatcher } from '../webhooks.ts'

const Refund = z.object({ amount: z.number().int().positive().optional() })
const Dispute = z.object({
  amount: z.number().int().positive().optional(),
  status: z.enum(['warning_needs_response', 'needs_response', 'under_review']).optional(),
})
const CloseDispute = z.object({ status: z.enum(['won', 'lost']) })
const FailPayout = z.object({
  failure_code: z.enum(Object.keys(PAYOUT_FAILURES) as [PayoutFailure, ...PayoutFailure[]]).optional(),
})
const Restrict = z.object({ requirements: z.array(z.string().min(1)).min(1).optional() })
const Pay = z.object({
  card: z.string(),
  email: z.string().optional(),
  name: z.string().optional(),
  /** How the customer answers the authentication step, for cards that ask for one. */
  authentication: z.enum(['complete', 'fail']).optional(),
})

export function controlApi(account: Account, webhooks: WebhookDispatcher): Hono {
  const { store } = account
  const control = new Hono()

  control.post('/charges/:id/refund', async (c) => {
    const { amount } = await body(c, Refund)
    return c.json(refundCharge(account, store.charge(c.req.param('id')), amount))
  })

  control.post('/charges/:id/dispute', async (c) => {
    const options = await body(c, Dispute)
    return c.json(openDispute(account, c.req.param('id'), options))
  })

  control.post('/disputes/:id/close', async (c) => {
    const { status } = await body(c, CloseDispute)
    return c.json(closeDispute(account, c.req.param('id'), status))
  })

  control.post('/events/:id/redeliver', (c) => {
    const event = store.event(c.req.param('id'))
    webhooks.send(event)
    return c.json(event, 202)
  })

  // Same outcomes as the hosted form; a card that asks for authentication needs `authentication`.
  control.post('/checkout/sessions/:id/pay', async (c) => {
    const { card, email, name, authentication } = await body(c, Pay)
    const id = c.req.param('id')
    const nextYear = new Date().getUTCFullYear() + 1
    const customer = { email: email ?? null, name: name ?? null }
    const authenticate = (token: string) => {
      if (!authentication) {
        throw cardError(
          'authentication_required',
          "This card requires authentication; pass authentication: 'complete' or 'fail'.",
          'authentication_required',
        )
      }
      return finishAuthentication(account, id, token, authentication === 'complete')
    }
    const first = payWithCard(account, id, { number: card, expMonth: 12, expYear: nextYear }, customer)
    const result = first.kind === 'authentication_required' ? authenticate(first.token) : first
    if (result.kind === 'declined') throw result.error
    return c.json(result.session)
  })

  control.post('/checkout/sessions/:id/expire', (c) => c.json(expireSession(account, c.req.param('id'))))

  // The money never reached the creator: the whole transfer is reversed, with transfer.reversed.
  control.post('/transfers/:id/fail', (c) => {
    const failed = store.transfer(c.req.param('id'))
    reverseTransfer(account, failed, undefined, { reason: 'failed' })
    return c.json(failed)
  })

  control.post('/payouts/:id/fail', async (c) => {
    const { failure_code } = await body(c, FailPayout)
    return c.json(failPayout(account, c.req.param('id'), failure_code ?? 'account_closed'))
  })

  // Stripe wants more from the creator: the account stops until onboarding is done again.
  control.post('/accounts/:id/restrict', async (c) => {
    const { requirements } = await body(c, Restrict)
    return c.json(restrictAccount(account, c.req.param('id'), requirements ?? REVERIFICATION_REQUIREMENTS))
  })

  return control
}

async function body<T>(c: Context, schema: z.ZodType<T>): Promise<T> {
  const text = await c.req.text()
  let json: unknown
  try {
    json = text.trim() === '' ? {} : JSON.parse(text)
  } catch {
    throw invalidRequest('The control API takes a JSON body.')
  }
  const parsed = schema.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw invalidRequest(`Invalid ${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`, issue?.path.join('.'))
  }
  return parsed.data
}
