// The Stripe stand-in, driven by the real `stripe` SDK over real HTTP, with webhooks received by
// a real local endpoint and verified the way the payments API verifies them.
import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import Stripe from 'stripe'
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import { startStripeStandIn, TEST_CARDS, type StripeStandIn } from '../../src/devkit/stripe/index.ts'

const WEBHOOK_SECRET = 'whsec_standin_test'
const SUCCESS_URL = 'https://tipline.test/topup/done?session={CHECKOUT_SESSION_ID}'
const CANCEL_URL = 'https://tipline.test/topup/cancelled'

interface Receiver {
  url: string
  received: { headers: IncomingHttpHeaders; body: string }[]
  close(): Promise<void>
}

/** A webhook endpoint answering with `statuses` in turn, then 200. */
async function startReceiver(statuses: number[] = []): Promise<Receiver> {
  const received: Receiver['received'] = []
  const server = createServer((request, response) => {
    let body = ''
    request.setEncoding('utf8')
    request.on('data', (chunk: string) => (body += chunk))
    request.on('end', () => {
      received.push({ headers: request.headers, body })
      response.writeHead(statuses.shift() ?? 200).end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/webhooks/stripe`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

function sdkFor(standIn: StripeStandIn, key = standIn.secretKey): Stripe {
  const { hostname, port } = new URL(standIn.url)
  return new Stripe(key, { host: hostname, port: Number(port), protocol: 'http', maxNetworkRetries: 0 })
}

function topUp(stripe: Stripe, amount = 500, extra: Partial<Stripe.Checkout.SessionCreateParams> = {}) {
  return stripe.checkout.sessions.create({
    mode: 'payment',
    line_items: [{ price_data: { currency: 'usd', unit_amount: amount, product_data: { name: 'Tipline wallet top-up' } }, quantity: 1 }],
    metadata: { accountId: 'acct_reader_1', purpose: 'topup' },
    client_reference_id: 'acct_reader_1',
    success_url: SUCCESS_URL,
    cancel_url: CANCEL_URL,
    ...extra,
  })
}

/** The fields the tests read from whatever the control API answers: a Stripe object or an error. */
interface ControlReply {
  id: string
  status: string
  payment_status: string
  payment_intent: string
  error: { type: string; code: string; message: string; decline_code?: string }
}

async function control(standIn: StripeStandIn, path: string, body: object = {}) {
  const response = await fetch(`${standIn.url}/_control${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
  return { status: response.status, body: (await response.json()) as ControlReply }
}

async function payWithForm(standIn: StripeStandIn, sessionId: string, fields: Record<string, string>) {
  const form = { email: 'reader@example.com', expiry: '12 / 40', cvc: '123', name: 'Nour Reader', ...fields }
  return fetch(`${standIn.url}/c/pay/${sessionId}`, { method: 'POST', body: new URLSearchParams(form), redirect: 'manual' })
}

async function paidSession(standIn: StripeStandIn, stripe: Stripe, amount = 500) {
  const session = await topUp(stripe, amount)
  const paid = await control(standIn, `/checkout/sessions/${session.id}/pay`, { card: TEST_CARDS.succeeds })
  expect(paid.status).toBe(200)
  const intent = await stripe.paymentIntents.retrieve(paid.body.payment_intent)
  return { session, intent, chargeId: intent.latest_charge as string }
}

/** Webhooks arrive after the API call returns; give them a few seconds on a busy machine. */
function eventually<T>(check: () => T | Promise<T>): Promise<T> {
  return vi.waitFor(check, { timeout: 5_000, interval: 20 })
}

let standIn: StripeStandIn
let receiver: Receiver
let stripe: Stripe

beforeAll(async () => {
  receiver = await startReceiver()
  standIn = await startStripeStandIn({
    port: 0,
    webhooks: [{ url: receiver.url, secret: WEBHOOK_SECRET }],
    retry: { baseMs: 20, maxAttempts: 3 },
  })
  stripe = sdkFor(standIn)
})

afterAll(async () => {
  await standIn.close()
  await receiver.close()
})

describe('Checkout Sessions', () => {
  test('a created session looks like Stripe\'s and points at the hosted page', async () => {
    const session = await topUp(stripe, 750, { customer_email: 'reader@example.com' })
    expect(session).toMatchObject({
      object: 'checkout.session',
      mode: 'payment',
      status: 'open',
      payment_status: 'unpaid',
      amount_total: 750,
      currency: 'usd',
      metadata: { accountId: 'acct_reader_1', purpose: 'topup' },
      client_reference_id: 'acct_reader_1',
      customer_email: 'reader@example.com',
      success_url: SUCCESS_URL,
      cancel_url: CANCEL_URL,
      payment_intent: null,
      livemode: false,
    })
    expect(session.id).toMatch(/^cs_test_/)
    expect(session.url).toBe(`${standIn.url}/c/pay/${session.id}`)
    expect(session.expires_at - session.created).toBe(24 * 60 * 60)

    const retrieved = await stripe.checkout.sessions.retrieve(session.id)
    expect(retrieved.id).toBe(session.id)
    expect(retrieved.amount_total).toBe(750)
  })

  test('line items list what was sold, with quantity and unit price', async () => {
    const session = await stripe.checkout.sessions.create({
      mode: 'payment',
      line_items: [{ price_data: { currency: 'EUR', unit_amount: 300, product_data: { name: 'Zine, issue 4' } }, quantity: 2 }],
      success_url: SUCCESS_URL,
    })
    expect(session.amount_total).toBe(600)
    expect(session.currency).toBe('eur')
    const items = await stripe.checkout.sessions.listLineItems(session.id)
    expect(items.object).toBe('list')
    expect(items.has_more).toBe(false)
    expect(items.data).toHaveLength(1)
    expect(items.data[0]).toMatchObject({ object: 'item', description: 'Zine, issue 4', quantity: 2, amount_total: 600 })
    expect(items.data[0]?.price?.unit_amount).toBe(300)
  })

  test('sessions list newest first and page with limit and starting_after', async () => {
    const created = [await topUp(stripe, 101), await topUp(stripe, 102), await topUp(stripe, 103)]
    const first = await stripe.checkout.sessions.list({ limit: 2 })
    expect(first.data.map((s) => s.id)).toEqual([created[2]!.id, created[1]!.id])
    expect(first.has_more).toBe(true)
    const next = await stripe.checkout.sessions.list({ limit: 1, starting_after: created[1]!.id })
    expect(next.data.map((s) => s.id)).toEqual([created[0]!.id])
  })

  test('expiring a session closes it, tells the webhook, and cannot be done twice', async () => {
    const session = await topUp(stripe)
    const expired = await stripe.checkout.sessions.expire(session.id)
    expect(expired.status).toBe('expired')
    expect(expired.url).toBeNull()
    expect(standIn.events().some((e) => e.type === 'checkout.session.expired' && e.data.object.id === session.id)).toBe(true)
    await expect(stripe.checkout.sessions.expire(session.id)).rejects.toBeInstanceOf(Stripe.errors.StripeInvalidRequestError)
  })

  test('the control API expires a session the way time would', async () => {
    const session = await topUp(stripe)
    const { status, body } = await control(standIn, `/checkout/sessions/${session.id}/expire`)
    expect(status).toBe(200)
    expect(body.status).toBe('expired')
    expect((await stripe.checkout.sessions.retrieve(session.id)).status).toBe('expired')
  })

  test('bad parameters are refused naming the parameter, as Stripe does', async () => {
    const unknown = topUp(stripe, 500, { submit_type: 'pay' } as Partial<Stripe.Checkout.SessionCreateParams>)
    await expect(unknown).rejects.toMatchObject({ type: 'StripeInvalidRequestError', param: 'submit_type', statusCode: 400 })

    const noItems = stripe.checkout.sessions.create({ mode: 'payment', success_url: SUCCESS_URL })
    await expect(noItems).rejects.toMatchObject({ param: 'line_items', code: 'parameter_missing' })

    const fils = stripe.checkout.sessions.create({
      mode: 'payment',
      line_items: [{ price_data: { currency: 'kwd', unit_amount: 1005, product_data: { name: 'Tip' } }, quantity: 1 }],
      success_url: SUCCESS_URL,
    })
    await expect(fils).rejects.toMatchObject({ message: 'Amounts in kwd must be a multiple of 10.' })
  })
})

describe('paying through the control API', () => {
  test('4242 4242 4242 4242 pays: the session completes with a succeeded PaymentIntent and a captured charge', async () => {
    const session = await topUp(stripe, 1200)
    const { status, body } = await control(standIn, `/checkout/sessions/${session.id}/pay`, { card: '4242 4242 4242 4242' })
    expect(status).toBe(200)
    expect(body).toMatchObject({ status: 'complete', payment_status: 'paid' })

    const paid = await stripe.checkout.sessions.retrieve(session.id, { expand: ['payment_intent.latest_charge'] })
    const intent = paid.payment_intent as Stripe.PaymentIntent
    expect(intent).toMatchObject({ object: 'payment_intent', status: 'succeeded', amount: 1200, amount_received: 1200, currency: 'usd' })
    expect(intent.id).toMatch(/^pi_/)
    const charge = intent.latest_charge as Stripe.Charge
    expect(charge).toMatchObject({ object: 'charge', paid: true, captured: true, amount: 1200, amount_refunded: 0, refunded: false })
    expect(charge.id).toMatch(/^ch_/)
    expect((await stripe.charges.retrieve(charge.id)).payment_intent).toBe(intent.id)
  })

  test('payment_intent_data reaches the PaymentIntent made on payment', async () => {
    const session = await topUp(stripe, 500, { payment_intent_data: { description: 'Wallet top-up', metadata: { topupId: 'tu_1' } } })
    const { body } = await control(standIn, `/checkout/sessions/${session.id}/pay`, { card: TEST_CARDS.succeeds, email: 'reader@example.com' })
    const intent = await stripe.paymentIntents.retrieve(body.payment_intent)
    expect(intent).toMatchObject({ description: 'Wallet top-up', metadata: { topupId: 'tu_1' }, receipt_email: 'reader@example.com' })
  })

  test.each([
    [TEST_CARDS.declined, 'card_declined', 'generic_decline', 'Your card was declined.'],
    [TEST_CARDS.insufficientFunds, 'card_declined', 'insufficient_funds', 'Your card has insufficient funds.'],
    ['4111 1111 1111 1112', 'invalid_number', undefined, 'Your card number is invalid.'],
  ])('card %s is refused with %s and the session stays open', async (card, code, declineCode, message) => {
    const session = await topUp(stripe)
    const { status, body } = await control(standIn, `/checkout/sessions/${session.id}/pay`, { card })
    expect(status).toBe(402)
    expect(body.error).toEqual({ type: 'card_error', code, message, ...(declineCode && { decline_code: declineCode }) })
    const after = await stripe.checkout.sessions.retrieve(session.id)
    expect(after).toMatchObject({ status: 'open', payment_status: 'unpaid', payment_intent: null })
  })

  test('the authentication card pays once authenticated, and fails when authentication fails', async () => {
    const unanswered = await topUp(stripe)
    const asked = await control(standIn, `/checkout/sessions/${unanswered.id}/pay`, { card: TEST_CARDS.requiresAuthentication })
    expect(asked.status).toBe(402)
    expect(asked.body.error.code).toBe('authentication_required')

    const failing = await topUp(stripe)
    const failed = await control(standIn, `/checkout/sessions/${failing.id}/pay`, {
      card: TEST_CARDS.requiresAuthentication,
      authentication: 'fail',
    })
    expect(failed.status).toBe(402)
    expect(failed.body.error.code).toBe('payment_intent_authentication_failure')
    expect((await stripe.checkout.sessions.retrieve(failing.id)).status).toBe('open')

    const passing = await topUp(stripe)
    const passed = await control(standIn, `/checkout/sessions/${passing.id}/pay`, {
      card: TEST_CARDS.requiresAuthentication,
      authentication: 'complete',
    })
    expect(passed.status).toBe(200)
    expect(passed.body.payment_status).toBe('paid')
  })

  test('plain HTTP clients may use expand[] and HTTP Basic auth, as with curl', async () => {
    const { session, intent } = await paidSession(standIn, stripe)
    const response = await fetch(`${standIn.url}/v1/checkout/sessions/${session.id}?expand[]=payment_intent`, {
      headers: { Authorization: `Basic ${Buffer.from(`${standIn.secretKey}:`).toString('base64')}` },
    })
    expect(response.status).toBe(200)
    const body = (await response.json()) as { payment_intent: { id: string; object: string } }
    expect(body.payment_intent).toMatchObject({ id: intent.id, object: 'payment_intent' })
  })

  test('a paid session cannot be paid again', async () => {
    const { session } = await paidSession(standIn, stripe)
    const again = await control(standIn, `/checkout/sessions/${session.id}/pay`, { card: TEST_CARDS.succeeds })
    expect(again.status).toBe(400)
    expect(again.body.error.type).toBe('invalid_request_error')
  })
})

describe('the hosted checkout page', () => {
  test('shows the amount, the item and a labelled form, with nothing loaded from elsewhere', async () => {
    const session = await stripe.checkout.sessions.create({
      mode: 'payment',
      line_items: [{ price_data: { currency: 'usd', unit_amount: 500, product_data: { name: '<b>Tip</b> for @nour' } }, quantity: 1 }],
      success_url: SUCCESS_URL,
      cancel_url: CANCEL_URL,
    })
    const response = await fetch(session.url!)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'")
    const html = await response.text()
    expect(html).toContain('<html lang="en">')
    expect(html).toContain('Pay $5.00')
    expect(html).toContain('&#60;b&#62;Tip&#60;/b&#62; for @nour')
    expect(html).not.toContain('<b>Tip</b>')
    for (const field of ['email', 'card', 'expiry', 'cvc', 'name']) {
      expect(html).toContain(`<label for="${field}">`)
      expect(html).toContain(`id="${field}" name="${field}"`)
    }
    expect(html).toContain(`<a href="${CANCEL_URL}">`)
    expect(html).not.toMatch(/<script|src=|<link/)
  })

  test('paying with 4242 redirects to success_url with the session id, and the session is paid', async () => {
    const session = await topUp(stripe)
    const response = await payWithForm(standIn, session.id, { card: '4242 4242 4242 4242' })
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe(SUCCESS_URL.replace('{CHECKOUT_SESSION_ID}', session.id))
    const paid = await stripe.checkout.sessions.retrieve(session.id)
    expect(paid).toMatchObject({ status: 'complete', payment_status: 'paid' })
    expect(paid.customer_details).toMatchObject({ email: 'reader@example.com', name: 'Nour Reader' })
    const page = await (await fetch(`${standIn.url}/c/pay/${session.id}`)).text()
    expect(page).toContain('This checkout has already been paid.')
  })

  test.each([
    [TEST_CARDS.declined, 'Your card was declined.'],
    [TEST_CARDS.insufficientFunds, 'Your card has insufficient funds.'],
    ['1234 5678 9012 3456', 'Your card number is invalid.'],
  ])('paying with %s shows "%s" and leaves the session open', async (card, message) => {
    const session = await topUp(stripe)
    const response = await payWithForm(standIn, session.id, { card })
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain(`role="alert">${message.replace("'", '&#39;')}</p>`)
    expect(html).toContain('id="card" name="card"')
    expect(html).toMatch(/id="card"[^>]*aria-invalid="true" aria-describedby="payment-error"/)
    expect((await stripe.checkout.sessions.retrieve(session.id)).status).toBe('open')
  })

  test('an expiry in the past is refused before the card is tried', async () => {
    const session = await topUp(stripe)
    const html = await (await payWithForm(standIn, session.id, { card: TEST_CARDS.succeeds, expiry: '01 / 20' })).text()
    expect(html).toContain('Your card&#39;s expiration year is in the past.')
    expect((await stripe.checkout.sessions.retrieve(session.id)).status).toBe('open')
  })

  test('the authentication card asks to Complete or Fail; Complete pays, Fail shows why', async () => {
    const session = await topUp(stripe)
    const challenge = await (await payWithForm(standIn, session.id, { card: '4000 0025 0000 3155' })).text()
    expect(challenge).toContain('Authenticate this payment')
    expect(challenge).toContain('value="complete">Complete</button>')
    expect(challenge).toContain('value="fail" class="secondary">Fail</button>')
    const token = /name="token" value="([^"]+)"/.exec(challenge)?.[1] ?? ''

    const answer = (decision: string, answeredToken = token) =>
      fetch(`${standIn.url}/c/pay/${session.id}/authenticate`, {
        method: 'POST',
        body: new URLSearchParams({ token: answeredToken, decision }),
        redirect: 'manual',
      })
    const failed = await answer('fail')
    expect(await failed.text()).toContain('We are unable to authenticate your payment method.')
    expect((await stripe.checkout.sessions.retrieve(session.id)).status).toBe('open')
    expect((await answer('complete')).status).toBe(400)

    const retry = await (await payWithForm(standIn, session.id, { card: TEST_CARDS.requiresAuthentication })).text()
    const completed = await answer('complete', /name="token" value="([^"]+)"/.exec(retry)?.[1])
    expect(completed.status).toBe(303)
    expect((await stripe.checkout.sessions.retrieve(session.id)).payment_status).toBe('paid')
  })
})

describe('webhooks', () => {
  test('checkout.session.completed arrives signed so that constructEvent accepts it', async () => {
    const session = await topUp(stripe)
    await payWithForm(standIn, session.id, { card: TEST_CARDS.succeeds })
    const delivery = await eventually(() => {
      const found = receiver.received.find((r) => r.body.includes(session.id) && r.body.includes('checkout.session.completed'))
      if (!found) throw new Error('not delivered yet')
      return found
    })
    expect(delivery.headers['content-type']).toContain('application/json')
    const event = stripe.webhooks.constructEvent(delivery.body, delivery.headers['stripe-signature'] as string, WEBHOOK_SECRET)
    expect(event).toMatchObject({ object: 'event', type: 'checkout.session.completed', livemode: false, api_version: Stripe.API_VERSION })
    expect(event.id).toMatch(/^evt_/)
    const completed = event.data.object as Stripe.Checkout.Session
    expect(completed).toMatchObject({ id: session.id, payment_status: 'paid', metadata: { accountId: 'acct_reader_1' } })
    expect(() => stripe.webhooks.constructEvent(delivery.body, delivery.headers['stripe-signature'] as string, 'whsec_other')).toThrow(
      Stripe.errors.StripeSignatureVerificationError,
    )

    await eventually(async () => expect((await stripe.events.retrieve(event.id)).pending_webhooks).toBe(0))
    const listed = await stripe.events.list({ type: 'checkout.session.completed', limit: 100 })
    expect(listed.data.map((e) => e.id)).toContain(event.id)
    expect(listed.data.every((e) => e.type === 'checkout.session.completed')).toBe(true)
  })

  test('an endpoint answering 500 twice then 200 gets three attempts', async () => {
    const flaky = await startReceiver([500, 500])
    const local = await startStripeStandIn({ port: 0, webhooks: [{ url: flaky.url, secret: WEBHOOK_SECRET }], retry: { baseMs: 20, maxAttempts: 5 } })
    try {
      const session = await topUp(sdkFor(local))
      await control(local, `/checkout/sessions/${session.id}/pay`, { card: TEST_CARDS.succeeds })
      await eventually(() => expect(local.deliveries().map((d) => [d.status, d.attempt])).toEqual([[500, 1], [500, 2], [200, 3]]))
      expect(flaky.received).toHaveLength(3)
      for (const { body, headers } of flaky.received) {
        expect(stripe.webhooks.constructEvent(body, headers['stripe-signature'] as string, WEBHOOK_SECRET).type).toBe('checkout.session.completed')
      }
    } finally {
      await local.close()
      await flaky.close()
    }
  })

  test('an unreachable endpoint is retried up to maxAttempts', async () => {
    const gone = await startReceiver()
    await gone.close()
    const local = await startStripeStandIn({ port: 0, webhooks: [{ url: gone.url, secret: WEBHOOK_SECRET }], retry: { baseMs: 10, maxAttempts: 3 } })
    try {
      const session = await topUp(sdkFor(local))
      await control(local, `/checkout/sessions/${session.id}/expire`)
      await eventually(() => expect(local.deliveries().map((d) => [d.status, d.attempt])).toEqual([[0, 1], [0, 2], [0, 3]]))
      expect(local.events()[0]?.pending_webhooks).toBe(1)
    } finally {
      await local.close()
    }
  })

  test('an endpoint added after start gets the events emitted from then on', async () => {
    const late = await startReceiver()
    const local = await startStripeStandIn({ port: 0, retry: { baseMs: 20, maxAttempts: 2 } })
    try {
      const before = await topUp(sdkFor(local))
      await control(local, `/checkout/sessions/${before.id}/expire`)
      local.addWebhook({ url: late.url, secret: WEBHOOK_SECRET })
      const after = await topUp(sdkFor(local))
      await control(local, `/checkout/sessions/${after.id}/expire`)
      await eventually(() => expect(late.received).toHaveLength(1))
      const event = stripe.webhooks.constructEvent(late.received[0]!.body, late.received[0]!.headers['stripe-signature'] as string, WEBHOOK_SECRET)
      expect((event.data.object as Stripe.Checkout.Session).id).toBe(after.id)
      // The first event had no endpoint to wait on; the second's count falls once the endpoint answers.
      await eventually(() => expect(local.events().map((e) => e.pending_webhooks)).toEqual([0, 0]))
    } finally {
      await local.close()
      await late.close()
    }
  })

  test('closing the stand-in stops pending redeliveries', async () => {
    const failing = await startReceiver([500, 500, 500, 500, 500])
    const local = await startStripeStandIn({ port: 0, webhooks: [{ url: failing.url, secret: WEBHOOK_SECRET }], retry: { baseMs: 200, maxAttempts: 5 } })
    const session = await topUp(sdkFor(local))
    await control(local, `/checkout/sessions/${session.id}/expire`)
    await eventually(() => expect(local.deliveries()).toHaveLength(1))
    await local.close()
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(failing.received).toHaveLength(1)
    await failing.close()
  })

  test('the control API redelivers an event', async () => {
    const session = await topUp(stripe)
    const { body: expired } = await control(standIn, `/checkout/sessions/${session.id}/expire`)
    const event = standIn.events().find((e) => e.type === 'checkout.session.expired' && e.data.object.id === expired.id)!
    await eventually(() => expect(standIn.deliveries().filter((d) => d.eventId === event.id)).toHaveLength(1))
    const { status } = await control(standIn, `/events/${event.id}/redeliver`)
    expect(status).toBe(202)
    await eventually(() => expect(standIn.deliveries().filter((d) => d.eventId === event.id && d.status === 200)).toHaveLength(2))
  })
})

describe('idempotency, authentication and missing objects', () => {
  const walletTopUp = (amount: number): Stripe.Checkout.SessionCreateParams => ({
    mode: 'payment',
    line_items: [{ price_data: { currency: 'usd', unit_amount: amount, product_data: { name: 'Top-up' } }, quantity: 1 }],
    success_url: SUCCESS_URL,
  })

  test('the same Idempotency-Key and parameters replay the first response', async () => {
    const once = await stripe.checkout.sessions.create(walletTopUp(900), { idempotencyKey: 'topup-acct_reader_1-0001' })
    const again = await stripe.checkout.sessions.create(walletTopUp(900), { idempotencyKey: 'topup-acct_reader_1-0001' })
    expect(again.id).toBe(once.id)
    expect(again.lastResponse.headers['idempotent-replayed']).toBe('true')
    expect(once.lastResponse.headers['idempotent-replayed']).toBeUndefined()
    const other = await stripe.checkout.sessions.create(walletTopUp(900), { idempotencyKey: 'topup-acct_reader_1-0003' })
    expect(other.id).not.toBe(once.id)
  })

  test('the same Idempotency-Key with other parameters is an idempotency error', async () => {
    await stripe.checkout.sessions.create(walletTopUp(1000), { idempotencyKey: 'topup-acct_reader_1-0002' })
    const conflict = stripe.checkout.sessions.create(walletTopUp(2000), { idempotencyKey: 'topup-acct_reader_1-0002' })
    await expect(conflict).rejects.toBeInstanceOf(Stripe.errors.StripeIdempotencyError)
    await expect(conflict).rejects.toMatchObject({ statusCode: 400, rawType: 'idempotency_error' })
  })

  test('a wrong secret key is refused with 401', async () => {
    const intruder = sdkFor(standIn, 'sk_test_not_the_right_key')
    const refused = intruder.checkout.sessions.list()
    await expect(refused).rejects.toBeInstanceOf(Stripe.errors.StripeAuthenticationError)
    await expect(refused).rejects.toMatchObject({ statusCode: 401, message: expect.stringMatching(/^Invalid API Key provided: sk_test_\*+_key$/) })

    const anonymous = await fetch(`${standIn.url}/v1/checkout/sessions`)
    expect(anonymous.status).toBe(401)
    expect(((await anonymous.json()) as { error: { type: string } }).error.type).toBe('invalid_request_error')
  })

  test('unknown ids are 404 resource_missing', async () => {
    const missing = stripe.checkout.sessions.retrieve('cs_test_does_not_exist')
    await expect(missing).rejects.toBeInstanceOf(Stripe.errors.StripeInvalidRequestError)
    await expect(missing).rejects.toMatchObject({ statusCode: 404, code: 'resource_missing', message: "No such checkout.session: 'cs_test_does_not_exist'" })
    await expect(stripe.paymentIntents.retrieve('pi_nope')).rejects.toMatchObject({ statusCode: 404, code: 'resource_missing' })
    await expect(stripe.refunds.retrieve('re_nope')).rejects.toMatchObject({ statusCode: 404 })
  })
})

describe('refunds and disputes', () => {
  test('refunds update the charge and each one emits charge.refunded with the charge', async () => {
    const { intent, chargeId } = await paidSession(standIn, stripe, 1000)
    const partial = await stripe.refunds.create({ payment_intent: intent.id, amount: 300 })
    expect(partial).toMatchObject({ object: 'refund', amount: 300, charge: chargeId, status: 'succeeded', payment_intent: intent.id })
    expect(partial.id).toMatch(/^re_/)
    expect(await stripe.charges.retrieve(chargeId)).toMatchObject({ amount_refunded: 300, refunded: false })

    await expect(stripe.refunds.create({ charge: chargeId, amount: 800 })).rejects.toMatchObject({ code: 'amount_too_large', param: 'amount' })

    const rest = await stripe.refunds.create({ charge: chargeId })
    expect(rest.amount).toBe(700)
    expect(await stripe.charges.retrieve(chargeId)).toMatchObject({ amount_refunded: 1000, refunded: true })
    expect((await stripe.refunds.retrieve(rest.id)).amount).toBe(700)
    await expect(stripe.refunds.create({ charge: chargeId })).rejects.toMatchObject({ code: 'charge_already_refunded' })

    const refunded = standIn.events().filter((e) => e.type === 'charge.refunded' && e.data.object.id === chargeId)
    expect(refunded.map((e) => (e.data.object as { amount_refunded: number }).amount_refunded)).toEqual([300, 1000])
  })

  test('the control API refunds a charge as if from the dashboard', async () => {
    const { chargeId } = await paidSession(standIn, stripe, 800)
    const { status, body } = await control(standIn, `/charges/${chargeId}/refund`, { amount: 250 })
    expect(status).toBe(200)
    expect(body).toMatchObject({ object: 'refund', amount: 250, charge: chargeId })
    expect((await stripe.charges.retrieve(chargeId)).amount_refunded).toBe(250)
    expect(standIn.events().some((e) => e.type === 'charge.refunded' && e.data.object.id === chargeId)).toBe(true)
  })

  test('a dispute opens with charge.dispute.created, blocks refunds, and closes with charge.dispute.closed', async () => {
    const { chargeId } = await paidSession(standIn, stripe, 1500)
    const opened = await control(standIn, `/charges/${chargeId}/dispute`, { amount: 1500 })
    expect(opened.status).toBe(200)
    expect(opened.body).toMatchObject({ object: 'dispute', amount: 1500, charge: chargeId, status: 'needs_response' })
    expect((await stripe.charges.retrieve(chargeId)).disputed).toBe(true)
    await expect(stripe.refunds.create({ charge: chargeId })).rejects.toMatchObject({ code: 'charge_disputed' })

    const closed = await control(standIn, `/disputes/${opened.body.id}/close`, { status: 'lost' })
    expect(closed.body.status).toBe('lost')
    const types = standIn.events().filter((e) => e.data.object.id === opened.body.id).map((e) => e.type)
    expect(types).toEqual(['charge.dispute.created', 'charge.dispute.closed'])
    expect((await control(standIn, `/disputes/${opened.body.id}/close`, { status: 'won' })).status).toBe(400)
  })
})
