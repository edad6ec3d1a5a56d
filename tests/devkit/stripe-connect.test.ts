// Stripe Connect in the stand-in, driven by the real `stripe` SDK over real HTTP: connected
// accounts onboarded through the hosted page, transfers, balances, payouts and destination
// charges, with the Connect webhooks received by a real endpoint and verified as the API does.
import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import Stripe from 'stripe'
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest'
import { startStripeStandIn, TEST_CARDS, type StripeStandIn } from '../../src/devkit/stripe/index.ts'

/** The platform's endpoint and its Connect endpoint, each with its own signing secret, as at Stripe. */
const PLATFORM_SECRET = 'whsec_platform_test'
const CONNECT_SECRET = 'whsec_connect_test'
const RETURN_URL = 'https://tipline.test/payouts/connected'
const REFRESH_URL = 'https://tipline.test/payouts/connect-again'

interface Receiver {
  url: string
  received: { path: string; headers: IncomingHttpHeaders; body: string }[]
  close(): Promise<void>
}

async function startReceiver(): Promise<Receiver> {
  const received: Receiver['received'] = []
  const server = createServer((request, response) => {
    let body = ''
    request.setEncoding('utf8')
    request.on('data', (chunk: string) => (body += chunk))
    request.on('end', () => {
      received.push({ path: request.url ?? '', headers: request.headers, body })
      response.writeHead(200).end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

let standIn: StripeStandIn
let receiver: Receiver
let stripe: Stripe

beforeAll(async () => {
  receiver = await startReceiver()
  standIn = await startStripeStandIn({
    port: 0,
    webhooks: [
      { url: `${receiver.url}/webhooks/stripe`, secret: PLATFORM_SECRET },
      { url: `${receiver.url}/webhooks/stripe-connect`, secret: CONNECT_SECRET, connect: true },
    ],
  })
  const { hostname, port } = new URL(standIn.url)
  stripe = new Stripe(standIn.secretKey, { host: hostname, port: Number(port), protocol: 'http', maxNetworkRetries: 0 })
})

afterAll(async () => {
  await standIn.close()
  await receiver.close()
})

afterEach(() => {
  vi.useRealTimers()
})

function newCreator(extra: Partial<Stripe.AccountCreateParams> = {}) {
  return stripe.accounts.create({
    type: 'express',
    country: 'US',
    email: 'nour@example.com',
    capabilities: { transfers: { requested: true } },
    metadata: { tiplineAccount: 'acct_creator_1' },
    ...extra,
  })
}

function onboardingLink(account: string) {
  return stripe.accountLinks.create({ account, refresh_url: REFRESH_URL, return_url: RETURN_URL, type: 'account_onboarding' })
}

/** The creator's answer on the hosted page, as the browser's form POST sends it. */
function answer(url: string, decision: 'complete' | 'later') {
  return fetch(url, { method: 'POST', body: new URLSearchParams({ decision }), redirect: 'manual' })
}

async function onboardedCreator() {
  const creator = await newCreator()
  const link = await onboardingLink(creator.id)
  expect((await answer(link.url, 'complete')).status).toBe(303)
  return creator
}

/** Money in the platform's balance, from a top-up paid through Checkout. */
async function topUpPlatform(amount: number) {
  const session = await stripe.checkout.sessions.create({
    mode: 'payment',
    line_items: [{ price_data: { currency: 'usd', unit_amount: amount, product_data: { name: 'Tipline wallet top-up' } }, quantity: 1 }],
    success_url: 'https://tipline.test/topup/done',
  })
  await pay(session.id)
}

async function pay(sessionId: string) {
  const response = await fetch(`${standIn.url}/_control/checkout/sessions/${sessionId}/pay`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ card: TEST_CARDS.succeeds }),
  })
  expect(response.status).toBe(200)
}

async function control<T>(path: string, body: object = {}): Promise<{ status: number; body: T }> {
  const response = await fetch(`${standIn.url}/_control${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
  return { status: response.status, body: (await response.json()) as T }
}

async function available(stripeAccount?: string, currency = 'usd'): Promise<number> {
  const balance = await stripe.balance.retrieve({}, stripeAccount ? { stripeAccount } : {})
  return balance.available.find((entry) => entry.currency === currency)?.amount ?? 0
}

/** The events about `objectId`, of `type`, as the endpoints received them, each verified with its own secret. */
function delivered(type: string, objectId: string, endpoint?: 'platform' | 'connect'): Stripe.Event[] {
  return receiver.received
    .filter(({ path }) => endpoint === undefined || path === (endpoint === 'connect' ? '/webhooks/stripe-connect' : '/webhooks/stripe'))
    .map(({ path, body, headers }) => {
      const secret = path === '/webhooks/stripe-connect' ? CONNECT_SECRET : PLATFORM_SECRET
      return stripe.webhooks.constructEvent(body, headers['stripe-signature'] as string, secret)
    })
    .filter((event) => event.type === type && (event.data.object as { id?: string }).id === objectId)
}

function eventually<T>(check: () => T | Promise<T>): Promise<T> {
  return vi.waitFor(check, { timeout: 5_000, interval: 20 })
}

describe('connected accounts', () => {
  test('a new Express account exists but cannot be paid out to until onboarded', async () => {
    const creator = await newCreator()
    expect(creator).toMatchObject({
      object: 'account',
      type: 'express',
      country: 'US',
      email: 'nour@example.com',
      default_currency: 'usd',
      charges_enabled: false,
      payouts_enabled: false,
      details_submitted: false,
      capabilities: { transfers: 'inactive' },
      controller: { type: 'application', stripe_dashboard: { type: 'express' } },
      metadata: { tiplineAccount: 'acct_creator_1' },
    })
    expect(creator.id).toMatch(/^acct_/)
    expect(creator.requirements?.currently_due).toContain('external_account')
    expect(await stripe.accounts.retrieve(creator.id)).toEqual(creator)
  })

  test('controller properties that match Express make an Express account', async () => {
    const creator = await stripe.accounts.create({
      controller: {
        fees: { payer: 'application' },
        losses: { payments: 'application' },
        stripe_dashboard: { type: 'express' },
      },
      country: 'DE',
      capabilities: { transfers: { requested: true } },
    })
    expect(creator).toMatchObject({ type: 'express', country: 'DE', default_currency: 'eur', email: null })
  })

  test('bad parameters are refused naming the parameter', async () => {
    await expect(stripe.accounts.create({ type: 'express', country: 'US' })).rejects.toMatchObject({
      type: 'StripeInvalidRequestError',
      param: 'capabilities',
    })
    await expect(
      stripe.accounts.create({ type: 'express', controller: { stripe_dashboard: { type: 'express' } } }),
    ).rejects.toMatchObject({ type: 'StripeInvalidRequestError', param: 'controller' })
    await expect(
      newCreator({ capabilities: { transfers: { requested: true }, us_bank_account_ach_payments: { requested: true } } }),
    ).rejects.toMatchObject({ param: 'capabilities[us_bank_account_ach_payments]' })
  })

  test('updating metadata merges it, empties a key, and announces account.updated on the account', async () => {
    const creator = await newCreator({ metadata: { tiplineAccount: 'acct_creator_1', handle: '@nour' } })
    const updated = await stripe.accounts.update(creator.id, { metadata: { handle: '', plan: 'creator' } })
    expect(updated.metadata).toEqual({ tiplineAccount: 'acct_creator_1', plan: 'creator' })
    const [event] = await eventually(() => {
      const events = delivered('account.updated', creator.id)
      expect(events).toHaveLength(1)
      return events
    })
    expect(event!.account).toBe(creator.id)
    expect(event!.data.previous_attributes).toEqual({ metadata: { tiplineAccount: 'acct_creator_1', handle: '@nour' } })
  })

  test('a deleted account is gone', async () => {
    const creator = await newCreator()
    expect(await stripe.accounts.del(creator.id)).toEqual({ id: creator.id, object: 'account', deleted: true })
    await expect(stripe.accounts.retrieve(creator.id)).rejects.toMatchObject({ statusCode: 404, code: 'resource_missing' })
  })
})

describe('hosted onboarding through Account Links', () => {
  test('an Account Link points at the hosted page for five minutes', async () => {
    const creator = await newCreator()
    const link = await onboardingLink(creator.id)
    expect(link.object).toBe('account_link')
    expect(link.url.startsWith(`${standIn.url}/connect/setup/`)).toBe(true)
    expect(link.expires_at - link.created).toBe(300)

    const response = await fetch(link.url)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'")
    const html = await response.text()
    expect(html).toContain('<html lang="en">')
    expect(html).toContain('nour@example.com')
    expect(html).toContain('<code>external_account</code>')
    expect(html).toContain('value="complete">Complete onboarding</button>')
    expect(html).toContain('value="later" class="secondary">Leave for later</button>')
    expect(html).not.toMatch(/<script|src=|<link/)
  })

  test('completing onboarding readies the account and sends a signed account.updated', async () => {
    const creator = await newCreator()
    const link = await onboardingLink(creator.id)
    const response = await answer(link.url, 'complete')
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe(RETURN_URL)

    const ready = await stripe.accounts.retrieve(creator.id)
    expect(ready).toMatchObject({
      details_submitted: true,
      charges_enabled: true,
      payouts_enabled: true,
      capabilities: { transfers: 'active' },
      requirements: { currently_due: [], past_due: [], disabled_reason: null },
    })
    const [event] = await eventually(() => {
      const events = delivered('account.updated', creator.id)
      expect(events).toHaveLength(1)
      return events
    })
    expect(event!.account).toBe(creator.id)
    expect(delivered('account.updated', creator.id, 'connect')).toHaveLength(1)
    expect(event!.data.object).toMatchObject({ id: creator.id, payouts_enabled: true })
    expect(event!.data.previous_attributes).toMatchObject({ details_submitted: false, payouts_enabled: false })
  })

  test('leaving for later changes nothing, and the used link then sends the creator to refresh_url', async () => {
    const creator = await newCreator()
    const link = await onboardingLink(creator.id)
    const later = await answer(link.url, 'later')
    expect(later.headers.get('location')).toBe(RETURN_URL)
    expect(await stripe.accounts.retrieve(creator.id)).toEqual(creator)

    const reopened = await fetch(link.url, { redirect: 'manual' })
    expect(reopened.status).toBe(303)
    expect(reopened.headers.get('location')).toBe(REFRESH_URL)
    const again = await answer(link.url, 'complete')
    expect(again.headers.get('location')).toBe(REFRESH_URL)
    expect((await stripe.accounts.retrieve(creator.id)).details_submitted).toBe(false)
  })

  test('a link opened once sends a second visit to refresh_url, as Stripe\'s single-use links do', async () => {
    const creator = await newCreator()
    const link = await onboardingLink(creator.id)
    expect((await fetch(link.url)).status).toBe(200)
    const second = await fetch(link.url, { redirect: 'manual' })
    expect(second.headers.get('location')).toBe(REFRESH_URL)
    // The page already shown can still be answered.
    expect((await answer(link.url, 'complete')).headers.get('location')).toBe(RETURN_URL)
  })

  test('an expired link sends the creator to refresh_url and completes nothing', async () => {
    const creator = await newCreator()
    const link = await onboardingLink(creator.id)
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime((link.expires_at + 1) * 1000)
    expect((await fetch(link.url, { redirect: 'manual' })).headers.get('location')).toBe(REFRESH_URL)
    expect((await answer(link.url, 'complete')).headers.get('location')).toBe(REFRESH_URL)
    vi.useRealTimers()
    expect((await stripe.accounts.retrieve(creator.id)).payouts_enabled).toBe(false)
  })

  test('a restricted account needs onboarding again, and a fresh link restores it', async () => {
    const creator = await onboardedCreator()
    const restricted = await control<Stripe.Account>(`/accounts/${creator.id}/restrict`)
    expect(restricted.status).toBe(200)
    expect(restricted.body).toMatchObject({
      payouts_enabled: false,
      capabilities: { transfers: 'inactive' },
      requirements: { currently_due: ['individual.verification.document'], disabled_reason: 'requirements.past_due' },
    })
    await eventually(() => expect(delivered('account.updated', creator.id)).toHaveLength(2))
    const [, restriction] = delivered('account.updated', creator.id)
    expect(restriction!.data.previous_attributes).toMatchObject({ payouts_enabled: true })

    await answer((await onboardingLink(creator.id)).url, 'complete')
    expect(await stripe.accounts.retrieve(creator.id)).toMatchObject({ payouts_enabled: true, requirements: { currently_due: [] } })
  })
})

describe('transfers and balances', () => {
  test('a transfer to an account that is not onboarded is refused and moves nothing', async () => {
    await topUpPlatform(1000)
    const creator = await newCreator()
    const before = await available()
    await expect(stripe.transfers.create({ amount: 500, currency: 'usd', destination: creator.id })).rejects.toMatchObject({
      type: 'StripeInvalidRequestError',
      code: 'insufficient_capabilities_for_transfer',
      param: 'destination',
    })
    expect(await available()).toBe(before)
    expect(await available(creator.id)).toBe(0)
  })

  test('a transfer larger than the platform balance is refused', async () => {
    const creator = await onboardedCreator()
    const platform = await available()
    await expect(stripe.transfers.create({ amount: platform + 1, currency: 'usd', destination: creator.id })).rejects.toMatchObject({
      code: 'balance_insufficient',
    })
    await expect(stripe.transfers.create({ amount: 100, currency: 'usd', destination: 'acct_nobody' })).rejects.toMatchObject({
      statusCode: 404,
      code: 'resource_missing',
      param: 'destination',
    })
  })

  test('a paid checkout raises the platform balance and a transfer moves it to the creator, once per idempotency key', async () => {
    const creator = await onboardedCreator()
    const before = await available()
    await topUpPlatform(2500)
    expect(await available()).toBe(before + 2500)

    const withdraw = () =>
      stripe.transfers.create(
        { amount: 1800, currency: 'usd', destination: creator.id, transfer_group: 'payout_7', metadata: { payout: 'payout_7' } },
        { idempotencyKey: 'payout_7' },
      )
    const transfer = await withdraw()
    expect(transfer).toMatchObject({
      object: 'transfer',
      amount: 1800,
      currency: 'usd',
      destination: creator.id,
      transfer_group: 'payout_7',
      metadata: { payout: 'payout_7' },
      reversed: false,
    })
    const replay = await withdraw()
    expect(replay.id).toBe(transfer.id)
    expect(replay.lastResponse.headers['idempotent-replayed']).toBe('true')

    expect(await available()).toBe(before + 2500 - 1800)
    expect(await available(creator.id)).toBe(1800)
    expect(await stripe.transfers.retrieve(transfer.id)).toMatchObject({ id: transfer.id, amount: 1800 })
    await eventually(() => expect(delivered('transfer.created', transfer.id, 'platform')).toHaveLength(1))
    expect(delivered('transfer.created', transfer.id)).toHaveLength(1)
    expect(delivered('transfer.created', transfer.id)[0]!.account).toBeUndefined()
  })

  test('a reversal takes the money back and emits transfer.reversed; a fully reversed transfer cannot be reversed again', async () => {
    const creator = await onboardedCreator()
    await topUpPlatform(1000)
    const transfer = await stripe.transfers.create({ amount: 1000, currency: 'usd', destination: creator.id })
    const platform = await available()

    const part = await stripe.transfers.createReversal(transfer.id, { amount: 400 })
    expect(part).toMatchObject({ object: 'transfer_reversal', amount: 400, transfer: transfer.id })
    await stripe.transfers.createReversal(transfer.id)
    expect(await stripe.transfers.retrieve(transfer.id)).toMatchObject({ amount_reversed: 1000, reversed: true })
    expect(await available(creator.id)).toBe(0)
    expect(await available()).toBe(platform + 1000)
    await eventually(() => expect(delivered('transfer.reversed', transfer.id)).toHaveLength(2))
    await expect(stripe.transfers.createReversal(transfer.id)).rejects.toMatchObject({ code: 'transfer_already_reversed' })
  })

  test('the control API fails a transfer: it is reversed in full with transfer.reversed', async () => {
    const creator = await onboardedCreator()
    await topUpPlatform(700)
    const transfer = await stripe.transfers.create({ amount: 700, currency: 'usd', destination: creator.id })
    const failed = await control<Stripe.Transfer>(`/transfers/${transfer.id}/fail`)
    expect(failed.status).toBe(200)
    expect(failed.body).toMatchObject({ reversed: true, amount_reversed: 700 })
    expect(await available(creator.id)).toBe(0)
    const [event] = await eventually(() => {
      const events = delivered('transfer.reversed', transfer.id)
      expect(events).toHaveLength(1)
      return events
    })
    expect(event!.data.object).toMatchObject({ reversed: true })
  })

  test('a refund comes out of the platform balance', async () => {
    const session = await stripe.checkout.sessions.create({
      mode: 'payment',
      line_items: [{ price_data: { currency: 'usd', unit_amount: 900, product_data: { name: 'Top-up' } }, quantity: 1 }],
      success_url: 'https://tipline.test/topup/done',
    })
    await pay(session.id)
    const before = await available()
    const paid = await stripe.checkout.sessions.retrieve(session.id)
    await stripe.refunds.create({ payment_intent: paid.payment_intent as string, amount: 300 })
    expect(await available()).toBe(before - 300)
  })
})

describe('payouts on connected accounts', () => {
  async function creatorWithEarnings(amount: number) {
    const creator = await onboardedCreator()
    await topUpPlatform(amount)
    await stripe.transfers.create({ amount, currency: 'usd', destination: creator.id })
    return creator
  }

  test('a payout leaves the creator\'s balance and is paid, with payout.paid on the account', async () => {
    const creator = await creatorWithEarnings(1200)
    const payout = await stripe.payouts.create({ amount: 1000, currency: 'usd', metadata: { payout: 'p1' } }, { stripeAccount: creator.id })
    expect(payout).toMatchObject({ object: 'payout', amount: 1000, currency: 'usd', status: 'paid', metadata: { payout: 'p1' } })
    expect(await available(creator.id)).toBe(200)
    expect(await stripe.payouts.retrieve(payout.id, {}, { stripeAccount: creator.id })).toMatchObject({ id: payout.id, status: 'paid' })
    await expect(stripe.payouts.retrieve(payout.id)).rejects.toMatchObject({ type: 'StripeInvalidRequestError' })

    const [paid] = await eventually(() => {
      const events = delivered('payout.paid', payout.id)
      expect(events).toHaveLength(1)
      return events
    })
    expect(paid!.account).toBe(creator.id)
    expect(delivered('payout.paid', payout.id, 'connect')).toHaveLength(1)
    // Only the Connect endpoint was waited on, and it has now answered.
    const recorded = () => standIn.events().find((event) => event.type === 'payout.paid' && event.data.object.id === payout.id)
    await eventually(() => expect(recorded()?.pending_webhooks).toBe(0))
  })

  test('a payout larger than the balance, or on an account not onboarded, is refused', async () => {
    const creator = await creatorWithEarnings(500)
    await expect(stripe.payouts.create({ amount: 501, currency: 'usd' }, { stripeAccount: creator.id })).rejects.toMatchObject({
      code: 'balance_insufficient',
    })
    const newcomer = await newCreator()
    await expect(stripe.payouts.create({ amount: 1, currency: 'usd' }, { stripeAccount: newcomer.id })).rejects.toMatchObject({
      code: 'payouts_not_allowed',
    })
    await expect(stripe.balance.retrieve({}, { stripeAccount: 'acct_nobody' })).rejects.toMatchObject({
      type: 'StripePermissionError',
      code: 'account_invalid',
    })
  })

  test('the control API fails a payout: payout.failed on the account, and the money is back in the balance', async () => {
    const creator = await creatorWithEarnings(800)
    const payout = await stripe.payouts.create({ amount: 800, currency: 'usd' }, { stripeAccount: creator.id })
    expect(await available(creator.id)).toBe(0)
    const failed = await control<Stripe.Payout>(`/payouts/${payout.id}/fail`, { failure_code: 'no_account' })
    expect(failed.body).toMatchObject({ status: 'failed', failure_code: 'no_account' })
    expect(await available(creator.id)).toBe(800)
    const [event] = await eventually(() => {
      const events = delivered('payout.failed', payout.id)
      expect(events).toHaveLength(1)
      return events
    })
    expect(event!.account).toBe(creator.id)
  })
})

describe('destination charges', () => {
  function purchase(destination: string, applicationFee?: number) {
    return stripe.checkout.sessions.create({
      mode: 'payment',
      line_items: [{ price_data: { currency: 'usd', unit_amount: 1000, product_data: { name: 'Zine #3' } }, quantity: 1 }],
      payment_intent_data: {
        transfer_data: { destination },
        ...(applicationFee !== undefined && { application_fee_amount: applicationFee }),
      },
      success_url: 'https://tipline.test/orders/done',
    })
  }

  test('paying one credits the creator with the amount less the application fee, which the platform keeps', async () => {
    const creator = await onboardedCreator()
    const platform = await available()
    const session = await purchase(creator.id, 150)
    await pay(session.id)

    expect(await available(creator.id)).toBe(850)
    expect(await available()).toBe(platform + 150)
    const paid = await stripe.checkout.sessions.retrieve(session.id, { expand: ['payment_intent.latest_charge'] })
    const intent = paid.payment_intent as Stripe.PaymentIntent
    expect(intent).toMatchObject({ application_fee_amount: 150, transfer_data: { destination: creator.id } })
    const charge = intent.latest_charge as Stripe.Charge
    expect(charge).toMatchObject({ application_fee_amount: 150, transfer_data: { destination: creator.id } })

    const transfer = await stripe.transfers.retrieve(charge.transfer as string)
    expect(transfer).toMatchObject({ amount: 1000, destination: creator.id, source_transaction: charge.id, transfer_group: `group_${intent.id}` })
    const fee = await stripe.applicationFees.retrieve(charge.application_fee as string)
    expect(fee).toMatchObject({ amount: 150, account: creator.id, charge: charge.id, currency: 'usd' })
    expect((await stripe.applicationFees.list({ limit: 1 })).data[0]!.id).toBe(fee.id)
    await eventually(() => expect(delivered('application_fee.created', fee.id)).toHaveLength(1))
  })

  test('a destination that cannot receive transfers, or a fee with no destination, is refused', async () => {
    const newcomer = await newCreator()
    await expect(purchase(newcomer.id, 100)).rejects.toMatchObject({
      code: 'insufficient_capabilities_for_transfer',
      param: 'payment_intent_data[transfer_data][destination]',
    })
    const creator = await onboardedCreator()
    await expect(purchase(creator.id, 1001)).rejects.toMatchObject({ param: 'payment_intent_data[application_fee_amount]' })
    await expect(
      stripe.checkout.sessions.create({
        mode: 'payment',
        line_items: [{ price_data: { currency: 'usd', unit_amount: 1000, product_data: { name: 'Zine #3' } }, quantity: 1 }],
        payment_intent_data: { application_fee_amount: 100 },
        success_url: 'https://tipline.test/orders/done',
      }),
    ).rejects.toMatchObject({ param: 'payment_intent_data[application_fee_amount]' })
  })

  test('a session whose creator was restricted since it was made cannot be paid', async () => {
    const creator = await onboardedCreator()
    const session = await purchase(creator.id, 100)
    await control(`/accounts/${creator.id}/restrict`)
    const response = await control<{ error: { code: string } }>(`/checkout/sessions/${session.id}/pay`, { card: TEST_CARDS.succeeds })
    expect(response.status).toBe(400)
    expect(response.body.error.code).toBe('insufficient_capabilities_for_transfer')
    expect((await stripe.checkout.sessions.retrieve(session.id)).status).toBe('open')
  })
})
