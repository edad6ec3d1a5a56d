// Products and orders over real HTTP: the API on PGlite (and on Postgres when DATABASE_URL is
// set), the real stripe SDK against the Stripe stand-in. The stand-in delivers connected
// accounts' events (onboarding readiness) by itself; the platform's checkout events are
// delivered by the test, signed as Stripe signs them, so it decides when and how often.
import { randomBytes } from 'node:crypto'
import Stripe from 'stripe'
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import { startStripeStandIn, TEST_CARDS, type StripeStandIn } from '../../src/devkit/stripe/index.ts'
import { startApi, type RunningApi } from '../../src/server/index.ts'
import type { RateLimits } from '../../src/server/http/rate-limit.ts'
import { routes } from '../../src/shared/api.ts'
import { call, newDevice, type Device } from './support/device.ts'
import { deliver } from './support/webhooks.ts'

const targets: Array<{ name: string; databaseUrl?: string }> = [{ name: 'PGlite' }]
if (process.env.DATABASE_URL) targets.push({ name: 'Postgres (DATABASE_URL)', databaseUrl: process.env.DATABASE_URL })

const key = () => randomBytes(12).toString('hex')
const FEE_BPS = 500
const eventually = <T>(check: () => Promise<T>) => vi.waitFor(check, { timeout: 8_000, interval: 50 })

interface ProductsStack {
  api: RunningApi
  standIn: StripeStandIn
  stripe: Stripe
  webhookSecret: string
  close(): Promise<void>
}

/**
 * The API with the stand-in delivering connected accounts' events to it; platform events are the
 * test's to deliver. `embedded: false` leaves out the publishable key, as an operator may.
 */
async function startProductsStack(options: { databaseUrl?: string; rateLimits: RateLimits; embedded?: boolean }): Promise<ProductsStack> {
  const webhookSecret = `whsec_${key()}`
  const connectWebhookSecret = `whsec_${key()}`
  const standIn = await startStripeStandIn({ port: 0, secretKey: `sk_test_${key()}`, retry: { baseMs: 50, maxAttempts: 5 } })
  const { hostname, port: standInPort } = new URL(standIn.url)
  const where = { host: hostname, port: Number(standInPort), protocol: 'http' as const }
  const api = await startApi({
    port: 0,
    ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}),
    feeBasisPoints: FEE_BPS,
    stripe: {
      secretKey: standIn.secretKey,
      webhookSecret,
      connectWebhookSecret,
      ...(options.embedded === false ? {} : { publishableKey: standIn.publishableKey }),
      ...where,
    },
    rateLimits: options.rateLimits,
    logger: () => undefined,
  })
  standIn.addWebhook({ url: `${api.url}${routes.stripeConnectWebhook}`, secret: connectWebhookSecret, connect: true })
  return {
    api,
    standIn,
    stripe: new Stripe(standIn.secretKey, where),
    webhookSecret,
    async close() {
      await api.close()
      await standIn.close()
    },
  }
}

/** A creator whose Express account finished the hosted onboarding page and is ready for charges. */
async function readyCreator(api: RunningApi): Promise<Device & { stripeAccount: string }> {
  const creator = await newDevice(api.url)
  const started = await creator.post(routes.payoutAccount, {})
  expect(started.status).toBe(201)
  const answered = await fetch(started.body.onboardingUrl, {
    method: 'POST',
    body: new URLSearchParams({ decision: 'complete' }),
    redirect: 'manual',
  })
  expect(answered.status).toBe(303)
  await eventually(async () => expect((await creator.get(routes.payouts)).body.account.payoutsEnabled).toBe(true))
  const { rows } = await api.db.query<{ stripe_account: string }>(
    'SELECT stripe_account FROM payout_accounts WHERE account_id = $1',
    [creator.accountId],
  )
  return Object.assign(creator, { stripeAccount: rows[0]!.stripe_account })
}

const zine = { title: 'Night Trains — a zine', price: 1500, currency: 'USD', description: 'Forty pages <b>of</b> sleepers.' }
const create = (creator: Device, body: object, idempotencyKey = key()) =>
  creator.post(routes.products, body, { 'Idempotency-Key': idempotencyKey })

for (const target of targets) {
  describe(`products on ${target.name}`, () => {
    let stack: ProductsStack
    let api: RunningApi
    let standIn: StripeStandIn
    let stripe: Stripe
    let webhookSecret: string

    beforeAll(async () => {
      stack = await startProductsStack({
        ...(target.databaseUrl ? { databaseUrl: target.databaseUrl } : {}),
        rateLimits: { authPerMinute: 0, moneyPerMinute: 0 },
      })
      ;({ api, standIn, stripe, webhookSecret } = stack)
    })

    afterAll(async () => {
      await stack?.close()
    })

    async function pay(sessionId: string): Promise<void> {
      const paid = await fetch(`${standIn.url}/_control/checkout/sessions/${sessionId}/pay`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ card: TEST_CARDS.succeeds }),
      })
      expect(paid.status).toBe(200)
    }

    async function availableAt(stripeAccount: string): Promise<number> {
      const balance = await stripe.balance.retrieve({}, { stripeAccount })
      return [...balance.available, ...balance.pending]
        .filter((entry) => entry.currency === 'usd')
        .reduce((sum, entry) => sum + entry.amount, 0)
    }

    test('only a creator Stripe can pay makes products; the same key makes one; prices are checked', async () => {
      const notConnected = await newDevice(api.url)
      const refused = await create(notConnected, zine)
      expect(refused.status).toBe(409)
      expect(refused.body.error.code).toBe('payouts_not_ready')
      expect((await call(api.url, 'POST', routes.products, zine, { 'Idempotency-Key': key() })).status).toBe(401)

      const creator = await readyCreator(api)
      expect((await creator.post(routes.products, zine)).body.error.code).toBe('idempotency_key_required')
      const sameKey = key()
      const made = await create(creator, zine, sameKey)
      expect(made.status, JSON.stringify(made.body)).toBe(201)
      expect(made.body).toMatchObject({ ...zine, pageUrl: `${api.url}/p/${made.body.id}` })
      expect((await create(creator, zine, sameKey)).body.id).toBe(made.body.id)
      expect((await create(creator, { ...zine, price: 1600 }, sameKey)).status).toBe(409)

      const tooCheap = await create(creator, { ...zine, price: 50 })
      expect(tooCheap.body.error).toMatchObject({ code: 'invalid_amount', field: 'price' })
      const kwdNotRounded = await create(creator, { ...zine, price: 5005, currency: 'KWD' })
      expect(kwdNotRounded.body.error).toMatchObject({ code: 'invalid_amount', field: 'price' })
      expect((await create(creator, { ...zine, currency: 'XXX' })).status).toBe(400)
      expect((await create(creator, { ...zine, price: 15.5 })).body.error.field).toBe('price')
      expect((await create(creator, { ...zine, title: '  ' })).body.error.field).toBe('title')

      const mine = await creator.get(routes.products)
      expect(mine.body.products.map((p: { id: string }) => p.id)).toEqual([made.body.id])
      expect((await notConnected.get(routes.products)).body.products).toEqual([])
    })

    test('anyone reads a product as JSON and on its public page, written-in markup escaped', async () => {
      const creator = await readyCreator(api)
      const { body: product } = await create(creator, zine)
      const read = await call(api.url, 'GET', routes.product(product.id))
      expect(read.status).toBe(200)
      expect(read.body).toEqual(product)
      expect((await call(api.url, 'GET', routes.product('prd_missing'))).status).toBe(404)

      const page = await fetch(`${api.url}${routes.productPage(product.id)}`)
      expect(page.status).toBe(200)
      const text = await page.text()
      expect(text).toContain('Night Trains — a zine')
      expect(text).toContain('$15.00')
      expect(text).toContain('Forty pages &lt;b&gt;of&lt;/b&gt; sleepers.')
      expect(text).not.toContain('<b>of</b>')
      expect((await fetch(`${api.url}${routes.productPage('prd_missing')}`)).status).toBe(404)
    })

    test('checkout is a destination charge: the creator’s account gets the price less the platform fee', async () => {
      const creator = await readyCreator(api)
      const { body: product } = await create(creator, zine)
      const before = await availableAt(creator.stripeAccount)
      const attempt = key()
      const started = await call(api.url, 'POST', routes.productCheckout(product.id), undefined, { 'Idempotency-Key': attempt })
      expect(started.status, JSON.stringify(started.body)).toBe(201)
      const again = await call(api.url, 'POST', routes.productCheckout(product.id), undefined, { 'Idempotency-Key': attempt })
      expect(again.body.checkoutSessionId).toBe(started.body.checkoutSessionId)

      const session = await stripe.checkout.sessions.retrieve(started.body.checkoutSessionId)
      expect(session).toMatchObject({ amount_total: 1500, currency: 'usd', metadata: { purpose: 'product', productId: product.id } })
      await pay(session.id)
      const paid = await stripe.checkout.sessions.retrieve(session.id, { expand: ['payment_intent'] })
      const intent = paid.payment_intent as Stripe.PaymentIntent
      expect(intent.application_fee_amount).toBe(75)
      expect(intent.transfer_data?.destination).toBe(creator.stripeAccount)
      expect(await availableAt(creator.stripeAccount)).toBe(before + 1500 - 75)
    })

    test('the webhook (twice) and the return page record one order, listed for its creator only', async () => {
      const creator = await readyCreator(api)
      const { body: product } = await create(creator, zine)
      const started = await call(api.url, 'POST', routes.productCheckout(product.id))
      const sessionId: string = started.body.checkoutSessionId
      const early = await fetch(`${api.url}${routes.productPaid(product.id)}?session_id=${sessionId}`)
      expect(await early.text()).toContain('Payment is processing')
      expect((await creator.get(routes.orders)).body.orders).toEqual([])

      await pay(sessionId)
      const completed = standIn.events().find((e) => e.type === 'checkout.session.completed' && (e.data.object as { id: string }).id === sessionId)
      expect(completed).toBeDefined()
      const deliveries = await Promise.all([
        deliver(api.url, webhookSecret, completed as unknown as Record<string, unknown>),
        fetch(`${api.url}${routes.productPaid(product.id)}?session_id=${sessionId}`),
        deliver(api.url, webhookSecret, completed as unknown as Record<string, unknown>),
      ])
      expect(deliveries.map((d) => d.status)).toEqual([200, 200, 200])

      const orders = await creator.get(routes.orders)
      expect(orders.body.orders).toEqual([
        { id: sessionId, productId: product.id, title: zine.title, amount: 1500, fee: 75, currency: 'USD', at: expect.any(String) },
      ])
      const returned = await fetch(`${api.url}${routes.productPaid(product.id)}?session_id=${sessionId}`)
      expect(await returned.text()).toContain('Thank you')
      expect((await creator.get(routes.orders)).body.orders).toHaveLength(1)
      expect((await (await newDevice(api.url)).get(routes.orders)).body.orders).toEqual([])
    })

    test('the public page pays without the extension or any script: its form sends the buyer to hosted checkout', async () => {
      const creator = await readyCreator(api)
      const { body: product } = await create(creator, zine)
      const page = await (await fetch(`${api.url}${routes.productPage(product.id)}`)).text()
      const attempt = /name="attempt" value="([0-9a-f]+)"/.exec(page)?.[1]
      expect(attempt).toBeDefined()
      const submit = () =>
        fetch(`${api.url}${routes.productPage(product.id)}`, {
          method: 'POST',
          body: new URLSearchParams({ attempt: attempt! }),
          redirect: 'manual',
        })
      const first = await submit()
      expect(first.status).toBe(303)
      const hosted = first.headers.get('location')!
      expect(hosted.startsWith(standIn.url)).toBe(true)
      expect((await submit()).headers.get('location')).toBe(hosted)
      expect(await (await fetch(hosted)).text()).toContain('Night Trains')
    })

    test('embedded checkout answers a client secret for the page’s Stripe.js; paying it records the order once', async () => {
      const creator = await readyCreator(api)
      const { body: product } = await create(creator, zine)
      const attempt = key()
      const embedded = () =>
        call(api.url, 'POST', routes.productCheckout(product.id), { ui: 'embedded' }, { 'Idempotency-Key': attempt })
      const started = await embedded()
      expect(started.status, JSON.stringify(started.body)).toBe(201)
      expect(started.body).toEqual({ checkoutSessionId: expect.stringMatching(/^cs_test_/), clientSecret: expect.any(String) })
      expect(started.body.clientSecret.startsWith(`${started.body.checkoutSessionId}_secret_`)).toBe(true)
      expect((await embedded()).body.checkoutSessionId).toBe(started.body.checkoutSessionId)
      // The page's Pay form shares the attempt key, but is its own (hosted) session.
      const hosted = await call(api.url, 'POST', routes.productCheckout(product.id), { ui: 'hosted' }, { 'Idempotency-Key': attempt })
      expect(hosted.body.checkoutSessionId).not.toBe(started.body.checkoutSessionId)
      expect(hosted.body.checkoutUrl.startsWith(standIn.url)).toBe(true)

      const sessionId: string = started.body.checkoutSessionId
      const session = await stripe.checkout.sessions.retrieve(sessionId, { expand: ['payment_intent'] })
      expect(session).toMatchObject({
        ui_mode: 'embedded_page',
        return_url: `${api.url}${routes.productPaid(product.id)}?session_id={CHECKOUT_SESSION_ID}`,
        metadata: { purpose: 'product', productId: product.id },
        amount_total: 1500,
      })
      await pay(sessionId)
      const paid = await stripe.checkout.sessions.retrieve(sessionId, { expand: ['payment_intent'] })
      expect((paid.payment_intent as Stripe.PaymentIntent).transfer_data?.destination).toBe(creator.stripeAccount)

      const completed = standIn.events().find((e) => e.type === 'checkout.session.completed' && (e.data.object as { id: string }).id === sessionId)
      const returned = await fetch(`${api.url}${routes.productPaid(product.id)}?session_id=${sessionId}`)
      expect(await returned.text()).toContain('Thank you')
      expect((await deliver(api.url, webhookSecret, completed as unknown as Record<string, unknown>)).status).toBe(200)
      expect((await creator.get(routes.orders)).body.orders).toEqual([
        { id: sessionId, productId: product.id, title: zine.title, amount: 1500, fee: 75, currency: 'USD', at: expect.any(String) },
      ])

      const wrong = await call(api.url, 'POST', routes.productCheckout(product.id), { ui: 'popup' })
      expect(wrong.status).toBe(400)
      expect(wrong.body.error).toMatchObject({ code: 'invalid_request', field: 'ui' })
    })

    test('the page mounts Stripe.js from the API’s own origin, under a CSP that lets in only Stripe and the stand-in', async () => {
      const creator = await readyCreator(api)
      const { body: product } = await create(creator, zine)
      const page = await fetch(`${api.url}${routes.productPage(product.id)}`)
      const csp = page.headers.get('content-security-policy') ?? ''
      expect(csp).toContain("script-src 'self' https://js.stripe.com;")
      expect(csp).toContain(`frame-src 'self' https://js.stripe.com https://checkout.stripe.com ${standIn.url};`)
      expect(csp).toContain("default-src 'none'")
      const text = await page.text()
      expect(text).toContain(`data-publishable-key="${standIn.publishableKey}"`)
      expect(text).toContain(`data-checkout-url="${routes.productCheckout(product.id)}"`)
      expect(text).toContain('<script type="module" src="/assets/product-page.js"></script>')
      expect(text).not.toMatch(/<script>/)
      // The Pay form's attempt keys the embedded session too.
      const attempt = /name="attempt" value="([0-9a-f]+)"/.exec(text)?.[1]
      expect(text).toContain(`data-attempt="${attempt}"`)

      const loader = await fetch(`${api.url}/assets/stripe-js.mjs`)
      expect(loader.headers.get('content-type')).toMatch(/^text\/javascript/)
      const loaderText = await loader.text()
      expect(loaderText).toContain("var ORIGIN = 'https://js.stripe.com'")
      expect(loaderText).toContain('export { loadStripe }')
      const script = await (await fetch(`${api.url}/assets/product-page.js`)).text()
      expect(script).toContain("import { loadStripe } from '/assets/stripe-js.mjs'")
    })
  })
}

test('without a publishable key the page offers hosted checkout only, with no script, and embedded checkout is refused', async () => {
  const stack = await startProductsStack({ rateLimits: { authPerMinute: 0, moneyPerMinute: 0 }, embedded: false })
  try {
    const creator = await readyCreator(stack.api)
    const { body: product } = await create(creator, zine)
    const page = await fetch(`${stack.api.url}${routes.productPage(product.id)}`)
    expect(page.headers.get('content-security-policy')).not.toContain('script-src')
    const text = await page.text()
    expect(text).toContain('Pay $15.00')
    expect(text).not.toContain('<script')
    const refused = await call(stack.api.url, 'POST', routes.productCheckout(product.id), { ui: 'embedded' })
    expect(refused.status).toBe(409)
    expect(refused.body.error.code).toBe('embedded_checkout_unavailable')
  } finally {
    await stack.close()
  }
})

test('public checkouts count against the per-address budget, so nobody can make Stripe sessions without end', async () => {
  // Registering the creator's device takes three of the six (register, challenge, session).
  const stack = await startProductsStack({ rateLimits: { authPerMinute: 6, moneyPerMinute: 0 } })
  try {
    const creator = await readyCreator(stack.api)
    const { body: product } = await create(creator, zine)
    const answers = []
    for (let i = 0; i < 4; i++) answers.push((await call(stack.api.url, 'POST', routes.productCheckout(product.id))).status)
    expect(answers).toEqual([201, 201, 201, 429])
    const page = await fetch(`${stack.api.url}${routes.productPage(product.id)}`, { method: 'POST', body: new URLSearchParams({}), redirect: 'manual' })
    expect(page.status).toBe(429)
  } finally {
    await stack.close()
  }
})
