// Payouts through Stripe Connect, end to end over real HTTP: the API on PGlite (and on Postgres
// when DATABASE_URL is set), the real stripe SDK talking to the Stripe stand-in through a small
// proxy that can lose Stripe's answers, and the stand-in delivering its signed events to the
// API's two endpoints (the platform's, through a gate that can hold transfer.created back, and
// the Connect one for creators' accounts) by itself.
import { randomBytes } from 'node:crypto'
import { createServer, request as httpRequest, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import Stripe from 'stripe'
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import { startStripeStandIn, TEST_CARDS, type StripeStandIn } from '../../src/devkit/stripe/index.ts'
import { startApi, type RunningApi } from '../../src/server/index.ts'
import { resumePendingPayouts } from '../../src/server/payouts/resume.ts'
import { routes } from '../../src/shared/api.ts'
import { call, newDevice, type Device } from './support/device.ts'
import { ledgerViolations, NO_VIOLATIONS } from './support/invariants.ts'

const targets: Array<{ name: string; databaseUrl?: string }> = [{ name: 'PGlite' }]
if (process.env.DATABASE_URL) targets.push({ name: 'Postgres (DATABASE_URL)', databaseUrl: process.env.DATABASE_URL })

const key = () => randomBytes(12).toString('hex')

/**
 * Forwards the API's Stripe requests to the stand-in. For POST /v1/transfers, `loseTransfers`
 * swallows that many answers after the stand-in acted; `dropTransfers` drops that many requests
 * before they reach it.
 */
interface StripeLine {
  url: URL
  loseTransfers: number
  dropTransfers: number
  close(): Promise<void>
}

async function startStripeLine(target: string): Promise<StripeLine> {
  const to = new URL(target)
  const line: StripeLine = { url: to, loseTransfers: 0, dropTransfers: 0, close: async () => undefined }
  const server: Server = createServer((incoming, outgoing) => {
    if (incoming.method === 'POST' && incoming.url === '/v1/transfers' && line.dropTransfers > 0) {
      line.dropTransfers -= 1
      incoming.socket.destroy()
      return
    }
    const forward = httpRequest(
      { host: to.hostname, port: to.port, method: incoming.method, path: incoming.url, headers: incoming.headers },
      (answer) => {
        if (incoming.method === 'POST' && incoming.url === '/v1/transfers' && line.loseTransfers > 0) {
          line.loseTransfers -= 1
          answer.resume()
          answer.on('end', () => outgoing.socket?.destroy())
          return
        }
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(outgoing)
      },
    )
    incoming.pipe(forward)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  line.url = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)
  line.close = () => new Promise((resolve) => {
    server.close(() => resolve())
    server.closeAllConnections()
  })
  return line
}

/** Passes the stand-in's deliveries to the API's platform endpoint; while `holding`, transfer.created waits. */
interface EventGate {
  url: string
  holding: boolean
  release(): void
  close(): Promise<void>
}

async function startEventGate(apiUrl: string): Promise<EventGate> {
  const held: Array<() => void> = []
  const server = createServer(async (incoming, outgoing) => {
    const chunks: Buffer[] = []
    for await (const chunk of incoming) chunks.push(chunk as Buffer)
    const body = Buffer.concat(chunks).toString('utf8')
    if (gate.holding && (JSON.parse(body) as { type: string }).type === 'transfer.created') {
      await new Promise<void>((resume) => held.push(resume))
    }
    const answer = await fetch(`${apiUrl}${incoming.url}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'stripe-signature': String(incoming.headers['stripe-signature']) },
      body,
    })
    outgoing.writeHead(answer.status, { 'content-type': 'application/json' }).end(await answer.text())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const gate: EventGate = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    holding: false,
    release() {
      gate.holding = false
      for (const resume of held.splice(0)) resume()
    },
    close: () => new Promise((resolve) => {
      server.close(() => resolve())
      server.closeAllConnections()
    }),
  }
  return gate
}

const eventually = <T>(check: () => Promise<T>) => vi.waitFor(check, { timeout: 8_000, interval: 50 })

for (const target of targets) {
  describe(`payouts on ${target.name}`, () => {
    let api: RunningApi
    let standIn: StripeStandIn
    let line: StripeLine
    let gate: EventGate
    let stripe: Stripe

    beforeAll(async () => {
      const webhookSecret = `whsec_${key()}`
      const connectWebhookSecret = `whsec_${key()}`
      standIn = await startStripeStandIn({ port: 0, secretKey: `sk_test_${key()}`, retry: { baseMs: 50, maxAttempts: 5 } })
      line = await startStripeLine(standIn.url)
      api = await startApi({
        port: 0,
        ...(target.databaseUrl ? { databaseUrl: target.databaseUrl } : {}),
        devClaims: true,
        stripe: {
          secretKey: standIn.secretKey,
          webhookSecret,
          connectWebhookSecret,
          host: '127.0.0.1',
          port: Number(line.url.port),
          protocol: 'http',
        },
        rateLimits: { authPerMinute: 0, moneyPerMinute: 0 },
        logger: () => undefined,
      })
      gate = await startEventGate(api.url)
      standIn.addWebhook({ url: `${gate.url}${routes.stripeWebhook}`, secret: webhookSecret })
      standIn.addWebhook({ url: `${api.url}${routes.stripeConnectWebhook}`, secret: connectWebhookSecret, connect: true })
      const { hostname, port: standInPort } = new URL(standIn.url)
      stripe = new Stripe(standIn.secretKey, { host: hostname, port: Number(standInPort), protocol: 'http' })
    })

    afterAll(async () => {
      await api?.close()
      await line?.close()
      gate?.release()
      await standIn?.close()
      await gate?.close()
    })

    /** A creator with a claimed handle and `amount` of earnings from a reader's tip (paid by a real top-up). */
    async function creatorEarning(amount: number, currency = 'USD'): Promise<Device> {
      const creator = await newDevice(api.url)
      const handle = `creator_${key().slice(0, 8)}`
      expect((await creator.post(routes.devClaim, { site: 'x', handle })).status).toBe(200)
      const reader = await newDevice(api.url)
      const started = await reader.post(routes.topups, { amount, currency }, { 'Idempotency-Key': key() })
      expect(started.status, JSON.stringify(started.body)).toBe(201)
      await payCheckout(started.body.checkoutSessionId)
      const tip = { site: 'x', handle, postId: null, postUrl: null, amount, currency, note: null }
      const tipped = await reader.post(routes.tips, tip, { 'Idempotency-Key': key() })
      expect(tipped.status, JSON.stringify(tipped.body)).toBe(201)
      return creator
    }

    async function payCheckout(sessionId: string): Promise<void> {
      const paid = await fetch(`${standIn.url}/_control/checkout/sessions/${sessionId}/pay`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ card: TEST_CARDS.succeeds }),
      })
      expect(paid.status).toBe(200)
      // The return page credits at once; the webhook that follows finds it done.
      expect((await call(api.url, 'GET', `${routes.topupReturn}?session_id=${sessionId}`)).status).toBe(200)
    }

    /** Connects the creator's Express account and completes the hosted onboarding page, as the creator's browser does. */
    async function onboard(creator: Device): Promise<string> {
      const started = await creator.post(routes.payoutAccount, {})
      expect(started.status).toBe(201)
      const answered = await fetch(started.body.onboardingUrl, {
        method: 'POST',
        body: new URLSearchParams({ decision: 'complete' }),
        redirect: 'manual',
      })
      expect(answered.status).toBe(303)
      expect(answered.headers.get('location')).toBe(`${api.url}${routes.payoutOnboardingDone}`)
      await eventually(async () => expect((await creator.get(routes.payouts)).body.account.payoutsEnabled).toBe(true))
      return stripeAccountOf(creator)
    }

    async function stripeAccountOf(creator: Device): Promise<string> {
      const { rows } = await api.db.query<{ stripe_account: string }>(
        'SELECT stripe_account FROM payout_accounts WHERE account_id = $1',
        [creator.accountId],
      )
      return rows[0]!.stripe_account
    }

    async function transfersTo(destination: string): Promise<Stripe.Transfer[]> {
      return (await stripe.transfers.list({ destination, limit: 100 })).data
    }

    async function availableAt(stripeAccount: string, currency = 'usd'): Promise<number> {
      const balance = await stripe.balance.retrieve({}, { stripeAccount })
      return balance.available.find((entry) => entry.currency === currency)?.amount ?? 0
    }

    const withdraw = (creator: Device, idempotencyKey: string, body: object = { currency: 'USD' }) =>
      creator.post(routes.payouts, body, { 'Idempotency-Key': idempotencyKey })

    test('a creator connects through the hosted onboarding page; the signed account.updated makes them ready', async () => {
      const creator = await creatorEarning(1000)
      const before = await creator.get(routes.payouts)
      expect(before.body).toEqual({
        account: { connected: false, detailsSubmitted: false, payoutsEnabled: false },
        balances: [{ currency: 'USD', available: 1000, minimum: 500 }],
        payouts: [],
      })
      expect((await withdraw(creator, key())).body.error.code).toBe('payouts_not_ready')

      const first = await creator.post(routes.payoutAccount, {})
      const again = await creator.post(routes.payoutAccount, {})
      expect(first.body.onboardingUrl).toMatch(new RegExp(`^${standIn.url}/connect/setup/`))
      expect(again.body.onboardingUrl).not.toBe(first.body.onboardingUrl)
      const stripeAccount = await stripeAccountOf(creator)
      expect(await stripe.accounts.retrieve(stripeAccount)).toMatchObject({ type: 'express', metadata: { tiplineAccount: creator.accountId } })
      const connected = await creator.get(routes.payouts)
      expect(connected.body.account).toEqual({ connected: true, detailsSubmitted: false, payoutsEnabled: false })
      const refused = await withdraw(creator, key())
      expect(refused.status).toBe(409)
      expect(refused.body.error.code).toBe('payouts_not_ready')

      const answered = await fetch(again.body.onboardingUrl, { method: 'POST', body: new URLSearchParams({ decision: 'complete' }), redirect: 'manual' })
      const backHome = await fetch(answered.headers.get('location')!)
      expect(backHome.status).toBe(200)
      expect(await backHome.text()).toContain('Back from Stripe')
      await eventually(async () =>
        expect((await creator.get(routes.payouts)).body.account).toEqual({ connected: true, detailsSubmitted: true, payoutsEnabled: true }),
      )
      const expired = await fetch(`${api.url}${routes.payoutOnboardingExpired}`)
      expect(await expired.text()).toContain('Continue setup')
    })

    test('Stripe restricting the account stops withdrawals until onboarding is done again', async () => {
      const creator = await creatorEarning(800)
      const stripeAccount = await onboard(creator)
      await fetch(`${standIn.url}/_control/accounts/${stripeAccount}/restrict`, { method: 'POST', body: '{}' })
      await eventually(async () => expect((await creator.get(routes.payouts)).body.account.payoutsEnabled).toBe(false))
      expect((await withdraw(creator, key())).body.error.code).toBe('payouts_not_ready')
      expect((await creator.get(routes.payouts)).body.balances).toEqual([{ currency: 'USD', available: 800, minimum: 500 }])
    })

    test('withdraw sends all earnings to the connected account once, however often the same key is sent', async () => {
      const creator = await creatorEarning(1200)
      const stripeAccount = await onboard(creator)
      const idempotencyKey = key()
      const [first, second] = await Promise.all([withdraw(creator, idempotencyKey), withdraw(creator, idempotencyKey)])
      const third = await withdraw(creator, idempotencyKey)
      for (const reply of [first, second, third]) {
        expect(reply.status, JSON.stringify(reply.body)).toBe(201)
        expect(reply.body).toMatchObject({ id: first.body.id, amount: 1200, currency: 'USD', status: 'paid', failure: null })
      }
      const transfers = await transfersTo(stripeAccount)
      expect(transfers).toHaveLength(1)
      expect(transfers[0]).toMatchObject({ amount: 1200, currency: 'usd', metadata: { payout: first.body.id } })
      expect(await availableAt(stripeAccount)).toBe(1200)

      const view = await creator.get(routes.payouts)
      expect(view.body.balances).toEqual([{ currency: 'USD', available: 0, minimum: 500 }])
      expect(view.body.payouts).toEqual([first.body])
      const changed = await withdraw(creator, idempotencyKey, { currency: 'USD', amount: 600 })
      expect(changed.status).toBe(409)
      expect(changed.body.error.code).toBe('idempotency_conflict')
      expect(await ledgerViolations(api.db)).toEqual(NO_VIOLATIONS)
    })

    test('when Stripe\'s answers are lost the payout waits, and the retry with the same key finishes it with the one transfer made', async () => {
      const creator = await creatorEarning(900)
      const stripeAccount = await onboard(creator)
      // The SDK tries three times itself (with one key); all three answers are lost, and so is (for now) Stripe's event.
      line.loseTransfers = 3
      gate.holding = true
      const idempotencyKey = key()
      const lost = await withdraw(creator, idempotencyKey)
      expect(line.loseTransfers).toBe(0)
      expect(lost.status).toBe(202)
      expect(lost.body).toMatchObject({ amount: 900, status: 'pending' })
      expect((await creator.get(routes.payouts)).body.balances).toEqual([{ currency: 'USD', available: 0, minimum: 500 }])

      const retried = await withdraw(creator, idempotencyKey)
      expect(retried.status).toBe(201)
      expect(retried.body).toMatchObject({ id: lost.body.id, status: 'paid' })
      gate.release()
      const [transfer] = await transfersTo(stripeAccount)
      await eventually(async () => expect(standIn.events().find((e) => e.type === 'transfer.created' && (e.data.object as { id: string }).id === transfer!.id)?.pending_webhooks).toBe(0))
      expect(await transfersTo(stripeAccount)).toHaveLength(1)
      expect(await availableAt(stripeAccount)).toBe(900)
      expect((await creator.get(routes.payouts)).body.payouts).toEqual([retried.body])
      expect(await ledgerViolations(api.db)).toEqual(NO_VIOLATIONS)
    })

    test('when Stripe\'s answers are lost and nobody retries, transfer.created settles the payout', async () => {
      const creator = await creatorEarning(600)
      const stripeAccount = await onboard(creator)
      line.loseTransfers = 3
      gate.holding = true
      const lost = await withdraw(creator, key())
      expect(lost.body.status).toBe('pending')
      gate.release()
      await eventually(async () => expect((await creator.get(routes.payouts)).body.payouts).toMatchObject([{ id: lost.body.id, status: 'paid' }]))
      expect(await transfersTo(stripeAccount)).toHaveLength(1)
      expect(await ledgerViolations(api.db)).toEqual(NO_VIOLATIONS)
    })

    test('a payout whose transfer request never reached Stripe is sent by the resumer, once', async () => {
      const creator = await creatorEarning(700)
      const stripeAccount = await onboard(creator)
      line.dropTransfers = 3
      const stuck = await withdraw(creator, key())
      expect(stuck.status).toBe(202)
      expect(await transfersTo(stripeAccount)).toHaveLength(0)

      const resumer = { db: api.db, stripe, log: () => undefined }
      expect(await resumePendingPayouts(resumer, 0)).toBeGreaterThanOrEqual(1)
      expect(await resumePendingPayouts(resumer, 0)).toBe(0)
      const transfers = await transfersTo(stripeAccount)
      expect(transfers).toHaveLength(1)
      expect(transfers[0]).toMatchObject({ amount: 700, metadata: { payout: stuck.body.id } })
      expect((await creator.get(routes.payouts)).body.payouts).toMatchObject([{ id: stuck.body.id, status: 'paid' }])
      expect(await ledgerViolations(api.db)).toEqual(NO_VIOLATIONS)
    })

    test('below the minimum, or more than is earned, is refused and moves nothing; the key can then be used again', async () => {
      const creator = await creatorEarning(700)
      const stripeAccount = await onboard(creator)
      const idempotencyKey = key()
      const small = await withdraw(creator, idempotencyKey, { currency: 'USD', amount: 499 })
      expect(small.status).toBe(400)
      expect(small.body.error).toMatchObject({ code: 'below_payout_minimum', field: 'amount' })
      const large = await withdraw(creator, key(), { currency: 'USD', amount: 701 })
      expect(large.status).toBe(402)
      expect(large.body.error.code).toBe('insufficient_funds')
      const none = await withdraw(creator, key(), { currency: 'EUR' })
      expect(none.body.error.code).toBe('below_payout_minimum')
      expect(await transfersTo(stripeAccount)).toHaveLength(0)
      expect((await creator.get(routes.payouts)).body).toMatchObject({ balances: [{ currency: 'USD', available: 700 }], payouts: [] })

      const part = await withdraw(creator, idempotencyKey, { currency: 'USD', amount: 500 })
      expect(part.body).toMatchObject({ amount: 500, status: 'paid' })
      const rest = await withdraw(creator, key())
      expect(rest.status).toBe(400)
      expect(rest.body.error.code).toBe('below_payout_minimum')
      expect((await creator.get(routes.payouts)).body.balances).toEqual([{ currency: 'USD', available: 200, minimum: 500 }])
      expect(await ledgerViolations(api.db)).toEqual(NO_VIOLATIONS)
    })

    test('a transfer that fails later returns the money to earnings once, however often Stripe reports it', async () => {
      const creator = await creatorEarning(1500)
      const stripeAccount = await onboard(creator)
      const paid = await withdraw(creator, key())
      expect(paid.body.status).toBe('paid')
      const [transfer] = await transfersTo(stripeAccount)
      const failed = await fetch(`${standIn.url}/_control/transfers/${transfer!.id}/fail`, { method: 'POST', body: '{}' })
      expect(failed.status).toBe(200)
      await eventually(async () =>
        expect((await creator.get(routes.payouts)).body).toMatchObject({
          balances: [{ currency: 'USD', available: 1500 }],
          payouts: [{ id: paid.body.id, status: 'reversed', failure: 'Stripe reversed the transfer.' }],
        }),
      )
      const reversed = standIn.events().find((e) => e.type === 'transfer.reversed' && (e.data.object as { id: string }).id === transfer!.id)
      await eventually(async () => expect(reversed!.pending_webhooks).toBe(0))
      await fetch(`${standIn.url}/_control/events/${reversed!.id}/redeliver`, { method: 'POST' })
      await new Promise((resolve) => setTimeout(resolve, 300))
      expect((await creator.get(routes.payouts)).body.balances).toEqual([{ currency: 'USD', available: 1500, minimum: 500 }])
      const { rows } = await api.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM ledger_transactions WHERE kind = 'payout_return' AND metadata->>'payout' = $1`,
        [paid.body.id],
      )
      expect(rows[0]!.n).toBe(1)
      expect(await ledgerViolations(api.db)).toEqual(NO_VIOLATIONS)
    })

    test('a transfer Stripe refuses returns the money to earnings at once and the payout shows why', async () => {
      // Euros: the platform's euro balance is this test's alone, so a refund can empty it.
      const creator = await creatorEarning(1000, 'EUR')
      const stripeAccount = await onboard(creator)
      const sessions = await stripe.checkout.sessions.list({ limit: 100 })
      const euroSession = sessions.data.find((session) => session.currency === 'eur' && session.payment_status === 'paid')
      await stripe.refunds.create({ payment_intent: euroSession!.payment_intent as string })

      const refused = await withdraw(creator, key(), { currency: 'EUR' })
      expect(refused.status).toBe(201)
      expect(refused.body).toMatchObject({ amount: 1000, currency: 'EUR', status: 'failed' })
      expect(refused.body.failure).toMatch(/insufficient/i)
      expect(await transfersTo(stripeAccount)).toHaveLength(0)
      expect((await creator.get(routes.payouts)).body.balances).toEqual([{ currency: 'EUR', available: 1000, minimum: 500 }])
      expect(await ledgerViolations(api.db)).toEqual(NO_VIOLATIONS)
    })

    test('the Connect endpoint refuses a delivery not signed with its own secret', async () => {
      const body = JSON.stringify({ id: `evt_${key()}`, object: 'event', type: 'account.updated', data: { object: { id: 'acct_x' } } })
      const signature = stripe.webhooks.generateTestHeaderString({ payload: body, secret: 'whsec_someone_else' })
      const res = await call(api.url, 'POST', routes.stripeConnectWebhook, undefined, {})
      expect(res.status).toBe(400)
      const forged = await fetch(`${api.url}${routes.stripeConnectWebhook}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'stripe-signature': signature },
        body,
      })
      expect(forged.status).toBe(400)
    })
  })
}
