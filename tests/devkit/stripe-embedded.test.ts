// Embedded Checkout on the Stripe stand-in, through the real `stripe` SDK: the session's
// parameters as Stripe checks them, the payment form's frame at the client secret's address, and
// the substitute Stripe.js that loadStripe gets in tests.
import Stripe from 'stripe'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startStripeStandIn, TEST_CARDS, type StripeStandIn } from '../../src/devkit/stripe/index.ts'

const RETURN_URL = 'https://shop.tipline.test/p/prd_1/paid?session_id={CHECKOUT_SESSION_ID}'
const LINE_ITEMS: Stripe.Checkout.SessionCreateParams.LineItem[] = [
  { price_data: { currency: 'usd', unit_amount: 1500, product_data: { name: 'Night Trains zine' } }, quantity: 1 },
]

let standIn: StripeStandIn
let stripe: Stripe

beforeAll(async () => {
  standIn = await startStripeStandIn({ port: 0 })
  const { hostname, port } = new URL(standIn.url)
  stripe = new Stripe(standIn.secretKey, { host: hostname, port: Number(port), protocol: 'http', maxNetworkRetries: 0 })
})

afterAll(async () => {
  await standIn?.close()
})

const embedded = (extra: Partial<Stripe.Checkout.SessionCreateParams> = {}) =>
  stripe.checkout.sessions.create({ mode: 'payment', line_items: LINE_ITEMS, ui_mode: 'embedded_page', return_url: RETURN_URL, ...extra })

/** What the SDK raised, as Stripe's error fields. */
const refusal = (attempt: Promise<unknown>) =>
  attempt.then(
    () => null,
    (error: unknown) => {
      expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError)
      const { param, message } = error as Stripe.errors.StripeInvalidRequestError
      return { param, message }
    },
  )

const form = (fields: Record<string, string>) => ({ method: 'POST', body: new URLSearchParams(fields) })
const card = (number: string) => ({ email: 'buyer@example.com', card: number, expiry: '12 / 40', cvc: '123', name: 'Nour Buyer' })

describe('embedded Checkout Sessions', () => {
  test('an embedded session has a client secret and a return_url, and no url; a hosted one the reverse', async () => {
    const session = await embedded()
    expect(session).toMatchObject({
      ui_mode: 'embedded_page',
      return_url: RETURN_URL,
      url: null,
      success_url: null,
      cancel_url: null,
      status: 'open',
      amount_total: 1500,
    })
    expect(session.client_secret).toMatch(new RegExp(`^${session.id}_secret_[A-Za-z0-9]+$`))
    expect((await stripe.checkout.sessions.retrieve(session.id)).client_secret).toBe(session.client_secret)

    const hosted = await stripe.checkout.sessions.create({ mode: 'payment', line_items: LINE_ITEMS, success_url: 'https://shop.tipline.test/done' })
    expect(hosted).toMatchObject({ ui_mode: 'hosted_page', client_secret: null, url: `${standIn.url}/c/pay/${hosted.id}` })
    expect(hosted.return_url).toBeUndefined()
  })

  test('each mode refuses the other mode’s URLs, and the names older API versions used', async () => {
    expect(await refusal(embedded({ success_url: 'https://shop.tipline.test/done' }))).toMatchObject({ param: 'success_url' })
    expect(await refusal(embedded({ cancel_url: 'https://shop.tipline.test/p/prd_1' }))).toMatchObject({ param: 'cancel_url' })
    expect(await refusal(embedded({ return_url: undefined }))).toMatchObject({ param: 'return_url', message: 'Missing required param: return_url.' })
    expect(await refusal(embedded({ return_url: 'not a url' }))).toMatchObject({ param: 'return_url' })
    const hostedWithReturn = stripe.checkout.sessions.create({
      mode: 'payment',
      line_items: LINE_ITEMS,
      success_url: 'https://shop.tipline.test/done',
      return_url: RETURN_URL,
    })
    expect(await refusal(hostedWithReturn)).toMatchObject({ param: 'return_url' })
    expect(await refusal(embedded({ ui_mode: 'embedded' }))).toMatchObject({ param: 'ui_mode' })
  })
})

describe('the embedded payment form', () => {
  test('is served at its client secret only, to be framed by the merchant’s page only', async () => {
    const session = await embedded()
    const frame = await fetch(`${standIn.url}/c/embedded/${session.client_secret}`)
    expect(frame.status).toBe(200)
    expect(frame.headers.get('content-security-policy')).toContain('frame-ancestors https://shop.tipline.test')
    expect(await frame.text()).toContain('Pay $15.00')

    const guessed = `${session.id}_secret_${'A'.repeat(24)}`
    expect((await fetch(`${standIn.url}/c/embedded/${guessed}`)).status).toBe(404)
    expect((await fetch(`${standIn.url}/c/pay/${session.id}`)).status).toBe(404)
  })

  test('a declined card shows the error in the frame; a good card ends on the page that sends the buyer to return_url', async () => {
    const session = await embedded()
    const address = `${standIn.url}/c/embedded/${session.client_secret}`
    const declined = await fetch(address, form(card(TEST_CARDS.declined)))
    expect(await declined.text()).toContain('Your card was declined.')
    expect((await stripe.checkout.sessions.retrieve(session.id)).status).toBe('open')

    const paid = await fetch(address, form(card(TEST_CARDS.succeeds)))
    expect(paid.status).toBe(200)
    const page = await paid.text()
    expect(page).toContain(`data-return-url="https://shop.tipline.test/p/prd_1/paid?session_id=${session.id}"`)
    expect(page).toContain('data-merchant-origin="https://shop.tipline.test"')
    expect(page).toContain('<script src="/js/checkout-complete.js"></script>')
    expect(await stripe.checkout.sessions.retrieve(session.id)).toMatchObject({ status: 'complete', payment_status: 'paid' })
    expect(standIn.events().some((e) => e.type === 'checkout.session.completed' && e.data.object.id === session.id)).toBe(true)
    // A second visit (a reload in the frame) sends the buyer on again rather than charging twice.
    expect(await (await fetch(address)).text()).toContain('data-return-url=')
  })

  test('a card that asks for authentication is answered in the frame, then ends as a good card does', async () => {
    const session = await embedded()
    const address = `${standIn.url}/c/embedded/${session.client_secret}`
    const asked = await (await fetch(address, form(card(TEST_CARDS.requiresAuthentication)))).text()
    expect(asked).toContain('Authenticate this payment')
    expect(asked).toContain(`action="/c/embedded/${session.client_secret}/authenticate"`)
    const token = /name="token" value="([^"]+)"/.exec(asked)?.[1] ?? ''
    const answered = await fetch(`${address}/authenticate`, form({ token, decision: 'complete' }))
    expect(await answered.text()).toContain(`data-return-url="https://shop.tipline.test/p/prd_1/paid?session_id=${session.id}"`)
    expect((await stripe.checkout.sessions.retrieve(session.id)).payment_status).toBe('paid')
  })
})

test('the substitute Stripe.js is served per release train with the stand-in’s origin and publishable key', async () => {
  const script = await fetch(`${standIn.url}/js/endive/stripe.js`)
  expect(script.headers.get('content-type')).toMatch(/^text\/javascript/)
  const body = await script.text()
  expect(body).toContain('function installStripe(standIn)')
  expect(body.trim().split('\n').at(-1)).toBe(
    `installStripe(${JSON.stringify({ origin: standIn.url, publishableKey: standIn.publishableKey, train: 'endive' })})`,
  )
  expect(standIn.publishableKey).toMatch(/^pk_test_/)
  expect((await fetch(`${standIn.url}/js/..%2F/stripe.js`)).status).toBe(404)
})
