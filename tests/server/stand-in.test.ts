// The API against the project's Stripe stand-in (src/devkit/stripe) with the stand-in delivering its own webhooks:
// Checkout paid through the stand-in's controls, and refunds, disputes and expiry arriving as the
// stand-in's own signed webhooks, so the event shapes the API handles are the ones it really gets.
import { randomBytes } from 'node:crypto'
import Stripe from 'stripe'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { routes } from '../../src/shared/api.ts'
import { startStripeStandIn, TEST_CARDS, type StripeStandIn } from '../../src/devkit/stripe/index.ts'
import { startApi, type RunningApi } from '../../src/server/index.ts'
import { call, newDevice, type Device } from './support/device.ts'

let standIn: StripeStandIn
let api: RunningApi
let stripe: Stripe

beforeAll(async () => {
  const webhookSecret = `whsec_${randomBytes(16).toString('hex')}`
  standIn = await startStripeStandIn({ port: 0, retry: { baseMs: 100, maxAttempts: 5 } })
  const { hostname, port } = new URL(standIn.url)
  const stripeConfig = { secretKey: standIn.secretKey, webhookSecret, host: hostname, port: Number(port), protocol: 'http' as const }
  api = await startApi({ port: 0, stripe: stripeConfig, devClaims: true, logger: () => undefined })
  standIn.addWebhook({ url: `${api.url}${routes.stripeWebhook}`, secret: webhookSecret })
  stripe = new Stripe(standIn.secretKey, { host: hostname, port: Number(port), protocol: 'http' })
})
afterAll(async () => {
  await api?.close()
  await standIn?.close()
})

async function control<T>(path: string, body: unknown = {}): Promise<T> {
  const res = await fetch(`${standIn.url}/_control${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  if (!res.ok) throw new Error(`stand-in control ${path} answered ${res.status}: ${await res.text()}`)
  return (await res.json()) as T
}

/** Webhooks arrive when the stand-in sends them; wait for the wallet to show their effect. */
async function walletBecomes(device: Device, expected: Record<string, unknown>): Promise<void> {
  const deadline = Date.now() + 10_000
  for (;;) {
    const { body } = await device.get(routes.wallet)
    try {
      expect(body).toMatchObject(expected)
      return
    } catch (error) {
      if (Date.now() > deadline) throw error
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }
}

async function paidTopUp(device: Device, amount: number): Promise<{ chargeId: string }> {
  const started = await device.post(routes.topups, { amount, currency: 'USD' }, { 'Idempotency-Key': randomBytes(8).toString('hex') })
  expect(started.status).toBe(201)
  const session = await control<{ payment_intent: string }>(`/checkout/sessions/${started.body.checkoutSessionId}/pay`, {
    card: TEST_CARDS.succeeds,
  })
  const paymentIntent = await stripe.paymentIntents.retrieve(session.payment_intent)
  return { chargeId: String(paymentIntent.latest_charge) }
}

describe('payments API with the Stripe stand-in', () => {
  test('a paid Checkout tops up the wallet, and the return page agrees', async () => {
    const reader = await newDevice(api.url)
    const started = await reader.post(routes.topups, { amount: 1500, currency: 'USD' }, { 'Idempotency-Key': randomBytes(8).toString('hex') })
    await control(`/checkout/sessions/${started.body.checkoutSessionId}/pay`, { card: TEST_CARDS.succeeds })
    const page = await call(api.url, 'GET', `${routes.topupReturn}?session_id=${started.body.checkoutSessionId}`)
    expect(page.body).toContain('Funds added')
    await walletBecomes(reader, { currency: 'USD', balance: 1500, debt: 0 })
  })

  test('a full refund after part was tipped away leaves a debt that the next top-up pays off', async () => {
    const reader = await newDevice(api.url)
    const { chargeId } = await paidTopUp(reader, 1000)
    await walletBecomes(reader, { balance: 1000 })
    const tip = { site: 'x', handle: 'refund_case', postId: null, postUrl: null, amount: 400, currency: 'USD', note: null }
    expect((await reader.post(routes.tips, tip, { 'Idempotency-Key': randomBytes(8).toString('hex') })).status).toBe(201)

    await control(`/charges/${chargeId}/refund`, { amount: 300 })
    await walletBecomes(reader, { balance: 300, debt: 0 })
    await control(`/charges/${chargeId}/refund`)
    await walletBecomes(reader, { balance: 0, debt: 400 })

    await paidTopUp(reader, 500)
    await walletBecomes(reader, { balance: 100, debt: 0 })
  })

  test('a dispute takes the top-up back; a lost one keeps it taken, a won one returns it', async () => {
    const loser = await newDevice(api.url)
    const lost = await paidTopUp(loser, 600)
    await walletBecomes(loser, { balance: 600 })
    const lostDispute = await control<{ id: string }>(`/charges/${lost.chargeId}/dispute`)
    await walletBecomes(loser, { balance: 0 })
    await control(`/disputes/${lostDispute.id}/close`, { status: 'lost' })

    const winner = await newDevice(api.url)
    const won = await paidTopUp(winner, 700)
    await walletBecomes(winner, { balance: 700 })
    const wonDispute = await control<{ id: string }>(`/charges/${won.chargeId}/dispute`)
    await walletBecomes(winner, { balance: 0 })
    await control(`/disputes/${wonDispute.id}/close`, { status: 'won' })
    await walletBecomes(winner, { balance: 700, debt: 0 })
    await walletBecomes(loser, { balance: 0, debt: 0 })
  })

  test('an expired Checkout is marked expired and credits nothing', async () => {
    const reader = await newDevice(api.url)
    const started = await reader.post(routes.topups, { amount: 900, currency: 'USD' }, { 'Idempotency-Key': randomBytes(8).toString('hex') })
    await control(`/checkout/sessions/${started.body.checkoutSessionId}/expire`)
    const deadline = Date.now() + 10_000
    let status = 'open'
    while (status === 'open' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50))
      const { rows } = await api.db.query<{ status: string }>('SELECT status FROM topups WHERE checkout_session_id = $1', [
        started.body.checkoutSessionId,
      ])
      status = rows[0]?.status ?? 'missing'
    }
    expect(status).toBe('expired')
    const page = await call(api.url, 'GET', `${routes.topupReturn}?session_id=${started.body.checkoutSessionId}`)
    expect(page.body).toContain('Checkout expired')
    expect((await reader.get(routes.wallet)).body.balance).toBe(0)
  })
})
