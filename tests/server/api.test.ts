// The payments API end to end over real HTTP: real database (PGlite, and Postgres when
// DATABASE_URL is set), the real stripe SDK talking to the project's Stripe stand-in, webhooks
// signed the way Stripe signs them.
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { ActivityPage, CreatorView, routes, TipReceipt, TopupResponse, WalletView } from '../../src/shared/api.ts'
import { returnExpiredTips } from '../../src/server/ledger/index.ts'
import { call, newDevice, sign, type Device } from './support/device.ts'
import { startHarness, type Harness } from './support/harness.ts'
import { deliver, event } from './support/webhooks.ts'

const targets: Array<{ name: string; databaseUrl?: string }> = [{ name: 'PGlite (embedded)' }]
if (process.env.DATABASE_URL) {
  targets.push({ name: 'Postgres (DATABASE_URL)', databaseUrl: process.env.DATABASE_URL })
} else {
  console.warn(
    '\n*** SKIPPING the payments API suite on real Postgres: set DATABASE_URL=postgres://… to run it there too. ***\n',
  )
  describe.skip('payments API on Postgres (set DATABASE_URL to run)', () => {
    test('needs DATABASE_URL', () => undefined)
  })
}

const key = () => `key_${randomBytes(12).toString('hex')}`
const handle = () => `writer_${randomBytes(5).toString('hex')}`
const tipTo = (h: string, amount: number, extra: Record<string, unknown> = {}) => ({
  site: 'bluesky',
  handle: h,
  postId: '3kabc',
  postUrl: `https://bsky.app/profile/${h}/post/3kabc`,
  amount,
  currency: 'USD',
  note: 'thanks for the thread',
  ...extra,
})

for (const target of targets) {
  describe(`payments API on ${target.name}`, () => {
    let h: Harness
    beforeAll(async () => {
      h = await startHarness(target.databaseUrl ? { databaseUrl: target.databaseUrl } : {})
    })
    afterAll(async () => {
      await h?.close()
    })

    /** Starts a Checkout top-up, pays it in the stand-in, and delivers checkout.session.completed. */
    async function topUp(device: Device, amount: number, currency = 'USD'): Promise<string> {
      const started = await device.post(routes.topups, { amount, currency }, { 'Idempotency-Key': key() })
      expect(started.status).toBe(201)
      const session = await h.pay(started.body.checkoutSessionId)
      const delivered = await deliver(h.api.url, h.webhookSecret, event('checkout.session.completed', { ...session }))
      expect(delivered.status).toBe(200)
      return session.id
    }

    describe('identity', () => {
      test('a device registers, signs a challenge and reads its empty wallet with the token', async () => {
        const device = await newDevice(h.api.url)
        const wallet = await device.get(routes.wallet)
        expect(wallet).toEqual({
          status: 200,
          body: { accountId: device.accountId, currency: null, balance: 0, debt: 0, escrowed: [] },
        })
      })

      test('a challenge works once, and only with the device key that registered', async () => {
        const device = await newDevice(h.api.url)
        const stranger = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign'])
        const { body: first } = await call(h.api.url, 'POST', routes.challenge, { accountId: device.accountId })
        const forged = await call(h.api.url, 'POST', routes.sessions, {
          accountId: device.accountId,
          challenge: first.challenge,
          signature: await sign(stranger.privateKey, first.challenge),
        })
        expect(forged.status).toBe(401)
        expect(forged.body.error.code).toBe('invalid_signature')

        // The forged attempt spent the challenge: even the right signature cannot use it now.
        const late = await call(h.api.url, 'POST', routes.sessions, {
          accountId: device.accountId,
          challenge: first.challenge,
          signature: await sign(device.keys.privateKey, first.challenge),
        })
        expect(late.status).toBe(401)
      })

      test('registering the same key again returns the same account', async () => {
        const device = await newDevice(h.api.url)
        const jwk = await crypto.subtle.exportKey('jwk', device.keys.publicKey)
        const again = await call(h.api.url, 'POST', routes.accounts, {
          publicKey: { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y },
        })
        expect(again.body.accountId).toBe(device.accountId)
      })

      // An instance remembers a session it has seen until the session expires (auth/session-cache.ts,
      // unit-tested with a clock); here the database alone decides, for a token this instance has not seen.
      test('a session token stops working when it expires', async () => {
        const device = await newDevice(h.api.url)
        await h.api.db.query(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE account_id = $1`, [
          device.accountId,
        ])
        expect((await device.get(routes.wallet)).status).toBe(401)
      })

      test('money routes refuse a missing or made-up token with 401 unauthenticated', async () => {
        const attempts: Array<Record<string, string>> = [{}, { authorization: `Bearer ${randomBytes(32).toString('base64url')}` }]
        for (const headers of attempts) {
          const res = await call(h.api.url, 'GET', routes.wallet, undefined, headers)
          expect(res.status).toBe(401)
          expect(res.body).toEqual({ error: { code: 'unauthenticated', message: expect.any(String) } })
        }
      })

      test('a key that is not a P-256 point is refused naming the field', async () => {
        const res = await call(h.api.url, 'POST', routes.accounts, {
          publicKey: { kty: 'EC', crv: 'P-256', x: 'AAAA', y: 'AAAA' },
        })
        expect(res.status).toBe(400)
        expect(res.body.error.field).toBe('publicKey')
      })
    })

    describe('top-ups', () => {
      test('a top-up opens a Checkout Session in the wallet currency that returns to the API', async () => {
        const device = await newDevice(h.api.url)
        const idempotencyKey = key()
        const res = await device.post(routes.topups, { amount: 1000, currency: 'USD' }, { 'Idempotency-Key': idempotencyKey })
        expect(res.status).toBe(201)
        expect(res.body.checkoutUrl).toBe(`${h.standIn.url}/c/pay/${res.body.checkoutSessionId}`)
        const session = await h.stripe.checkout.sessions.retrieve(res.body.checkoutSessionId)
        expect(session).toMatchObject({
          mode: 'payment',
          currency: 'usd',
          amount_total: 1000,
          metadata: { accountId: device.accountId, purpose: 'topup' },
          client_reference_id: device.accountId,
          success_url: `${h.api.url}${routes.topupReturn}?session_id={CHECKOUT_SESSION_ID}`,
          cancel_url: `${h.api.url}${routes.topups}/cancelled`,
        })
        const lines = await h.stripe.checkout.sessions.listLineItems(session.id)
        expect(lines.data).toEqual([expect.objectContaining({ quantity: 1, amount_total: 1000, currency: 'usd' })])
        // The client's key went through to Stripe: Stripe refuses other parameters under it.
        const reused = h.stripe.checkout.sessions.create(
          { mode: 'payment', success_url: 'http://127.0.0.1/other', line_items: [{ price_data: { currency: 'usd', unit_amount: 5, product_data: { name: 'other' } }, quantity: 1 }] },
          { idempotencyKey: `topup:${device.accountId}:${idempotencyKey}` },
        )
        await expect(reused).rejects.toMatchObject({ type: 'StripeIdempotencyError' })
        const replay = await device.post(routes.topups, { amount: 1000, currency: 'USD' }, { 'Idempotency-Key': idempotencyKey })
        expect(replay.body).toEqual(res.body)
        const changed = await device.post(routes.topups, { amount: 2000, currency: 'USD' }, { 'Idempotency-Key': idempotencyKey })
        expect(changed.status).toBe(409)
      })

      test('a top-up without an Idempotency-Key is refused', async () => {
        const device = await newDevice(h.api.url)
        const res = await device.post(routes.topups, { amount: 1000, currency: 'USD' })
        expect(res.status).toBe(400)
        expect(res.body.error.field).toBe('Idempotency-Key')
      })

      test('checkout.session.completed delivered three times credits the wallet once', async () => {
        const device = await newDevice(h.api.url)
        const started = await device.post(routes.topups, { amount: 2500, currency: 'USD' }, { 'Idempotency-Key': key() })
        const session = await h.pay(started.body.checkoutSessionId)
        const completed = event('checkout.session.completed', { ...session })
        for (let i = 0; i < 3; i++) expect((await deliver(h.api.url, h.webhookSecret, completed)).status).toBe(200)
        // A different event for the same session (Stripe's async success) must not credit it again either.
        await deliver(h.api.url, h.webhookSecret, event('checkout.session.async_payment_succeeded', { ...session }))

        expect((await device.get(routes.wallet)).body).toMatchObject({ currency: 'USD', balance: 2500, debt: 0 })
        const activity = await device.get(routes.activity)
        expect(activity.body.items).toEqual([expect.objectContaining({ kind: 'topup', amount: 2500, currency: 'USD' })])
      })

      test('the return page fulfils a paid session and a later webhook does not add it again', async () => {
        const device = await newDevice(h.api.url)
        const started = await device.post(routes.topups, { amount: 700, currency: 'USD' }, { 'Idempotency-Key': key() })
        const sessionId = started.body.checkoutSessionId
        const before = await call(h.api.url, 'GET', `${routes.topupReturn}?session_id=${sessionId}`)
        expect(before.body).toContain('Payment is processing')
        expect((await device.get(routes.wallet)).body.balance).toBe(0)

        const session = await h.pay(sessionId)
        const page = await call(h.api.url, 'GET', `${routes.topupReturn}?session_id=${sessionId}`)
        expect(page.status).toBe(200)
        expect(page.body).toContain('Funds added')
        expect(page.body).not.toMatch(/<script|https?:\/\/(?!checkout)/)
        await deliver(h.api.url, h.webhookSecret, event('checkout.session.completed', { ...session }))
        expect((await device.get(routes.wallet)).body.balance).toBe(700)
      })

      test('the webhook and the return page racing for one session credit it once', async () => {
        const device = await newDevice(h.api.url)
        const started = await device.post(routes.topups, { amount: 1200, currency: 'USD' }, { 'Idempotency-Key': key() })
        const session = await h.pay(started.body.checkoutSessionId)
        await Promise.all([
          ...Array.from({ length: 3 }, () => deliver(h.api.url, h.webhookSecret, event('checkout.session.completed', { ...session }))),
          ...Array.from({ length: 3 }, () => call(h.api.url, 'GET', `${routes.topupReturn}?session_id=${session.id}`)),
        ])
        expect((await device.get(routes.wallet)).body.balance).toBe(1200)
      })

      test('the cancel page says nothing was charged', async () => {
        const page = await call(h.api.url, 'GET', `${routes.topups}/cancelled`)
        expect(page.body).toContain('Payment cancelled, nothing was charged')
      })

      test('a forged or stale signature is refused with 400 and changes nothing', async () => {
        const device = await newDevice(h.api.url)
        const started = await device.post(routes.topups, { amount: 900, currency: 'USD' }, { 'Idempotency-Key': key() })
        const session = await h.pay(started.body.checkoutSessionId)
        const completed = event('checkout.session.completed', { ...session })

        const forged = await deliver(h.api.url, `whsec_${randomBytes(16).toString('hex')}`, completed)
        expect(forged.status).toBe(400)
        const stale = await deliver(h.api.url, h.webhookSecret, completed, { timestamp: Math.floor(Date.now() / 1000) - 600 })
        expect(stale.status).toBe(400)
        expect((await device.get(routes.wallet)).body.balance).toBe(0)

        // The same event, properly signed, still goes through: the refused ones were not recorded.
        expect((await deliver(h.api.url, h.webhookSecret, completed)).status).toBe(200)
        expect((await device.get(routes.wallet)).body.balance).toBe(900)
      })

      test('an event that fails to process answers 500 so Stripe retries, without leaking details', async () => {
        const unknownSession = { id: `cs_test_${randomBytes(8).toString('hex')}`, object: 'checkout.session' }
        const completed = event('checkout.session.completed', unknownSession)
        const res = await deliver(h.api.url, h.webhookSecret, completed)
        expect(res).toEqual({ status: 500, body: { error: { code: 'internal_error', message: expect.any(String) } } })
        expect(JSON.stringify(res.body)).not.toMatch(/\.ts|at |No such/)
        const logged = h.logs.find((l) => l.msg === 'unhandled error' && String(l.error).includes('No such'))
        expect(logged?.requestId).toEqual(expect.any(String))
        const { rows } = await h.api.db.query('SELECT 1 FROM stripe_events WHERE id = $1', [completed.id])
        expect(rows).toEqual([])
      })

      test('unknown event types are acknowledged', async () => {
        const res = await deliver(h.api.url, h.webhookSecret, event('customer.created', { id: 'cus_1', object: 'customer' }))
        expect(res.status).toBe(200)
      })

      test('the wallet keeps the currency of its first top-up', async () => {
        const device = await newDevice(h.api.url)
        await topUp(device, 1000)
        const euros = await device.post(routes.topups, { amount: 1000, currency: 'EUR' }, { 'Idempotency-Key': key() })
        expect(euros.status).toBe(400)
        expect(euros.body.error).toMatchObject({ code: 'currency_mismatch', field: 'currency' })
        const tip = await device.post(routes.tips, tipTo(handle(), 100, { currency: 'EUR' }), { 'Idempotency-Key': key() })
        expect(tip.body.error).toMatchObject({ code: 'currency_mismatch', field: 'currency' })
      })

      test('a refund after the money was spent takes the rest as debt, which blocks tipping until topped up', async () => {
        const device = await newDevice(h.api.url)
        const sessionId = await topUp(device, 1000)
        expect((await device.post(routes.tips, tipTo(handle(), 600), { 'Idempotency-Key': key() })).status).toBe(201)

        const paid = await h.stripe.checkout.sessions.retrieve(sessionId, { expand: ['payment_intent'] })
        const chargeId = String((paid.payment_intent as { latest_charge: string }).latest_charge)
        await h.control(`/charges/${chargeId}/refund`)
        const [refunded] = h.eventsAbout(chargeId).filter((e) => e.type === 'charge.refunded')
        await deliver(h.api.url, h.webhookSecret, { ...refunded })
        await deliver(h.api.url, h.webhookSecret, { ...refunded })
        expect((await device.get(routes.wallet)).body).toMatchObject({ balance: 0, debt: 600 })

        const blocked = await device.post(routes.tips, tipTo(handle(), 100), { 'Idempotency-Key': key() })
        expect(blocked.status).toBe(403)
        expect(blocked.body.error.code).toBe('debt_outstanding')

        await topUp(device, 1000)
        expect((await device.get(routes.wallet)).body).toMatchObject({ balance: 400, debt: 0 })
        const kinds = (await device.get(routes.activity)).body.items.map((i: { kind: string; amount: number }) => [i.kind, i.amount])
        expect(kinds).toEqual([['topup', 1000], ['refund', -1000], ['tip_sent', -600], ['topup', 1000]])
      })

      test('a dispute takes the money back and a won dispute returns it', async () => {
        const device = await newDevice(h.api.url)
        const sessionId = await topUp(device, 800)
        const paid = await h.stripe.checkout.sessions.retrieve(sessionId, { expand: ['payment_intent'] })
        const chargeId = String((paid.payment_intent as { latest_charge: string }).latest_charge)
        const dispute = await h.control<{ id: string }>(`/charges/${chargeId}/dispute`)
        const [created] = h.eventsAbout(dispute.id).filter((e) => e.type === 'charge.dispute.created')
        await deliver(h.api.url, h.webhookSecret, { ...created })
        expect((await device.get(routes.wallet)).body).toMatchObject({ balance: 0, debt: 0 })
        await h.control(`/disputes/${dispute.id}/close`, { status: 'won' })
        const [closed] = h.eventsAbout(dispute.id).filter((e) => e.type === 'charge.dispute.closed')
        await deliver(h.api.url, h.webhookSecret, { ...closed })
        expect((await device.get(routes.wallet)).body).toMatchObject({ balance: 800, debt: 0 })
      })
    })

    describe('tips', () => {
      test('a tip to an unclaimed handle waits in escrow until a dev claim moves it to the creator', async () => {
        const reader = await newDevice(h.api.url)
        const creator = await newDevice(h.api.url)
        const writer = handle()
        await topUp(reader, 1000)

        const tip = await reader.post(routes.tips, tipTo(writer, 250), { 'Idempotency-Key': key() })
        expect(tip.status).toBe(201)
        expect(tip.body).toMatchObject({ handle: writer, amount: 250, currency: 'USD', credited: 'escrow', balanceAfter: 750 })
        const wallet = (await reader.get(routes.wallet)).body
        expect(wallet.escrowed).toEqual([{ site: 'bluesky', handle: writer, amount: 250, currency: 'USD', returnsAt: expect.any(String) }])

        const claimed = await creator.post(routes.devClaim, { site: 'bluesky', handle: writer })
        expect(claimed.status).toBe(200)
        const view = (await creator.get(routes.creator)).body
        expect(view).toEqual(claimed.body)
        expect(view.handles).toEqual([{ site: 'bluesky', handle: writer, claimedAt: expect.any(String) }])
        expect(view.earnings).toEqual([{ currency: 'USD', amount: 250 }])
        expect(view.tips).toEqual([
          expect.objectContaining({ id: tip.body.id, handle: writer, amount: 250, note: 'thanks for the thread', from: reader.accountId }),
        ])
        expect((await reader.get(routes.wallet)).body.escrowed).toEqual([])

        // Tips after the claim go straight to earnings.
        const later = await reader.post(routes.tips, tipTo(writer.toUpperCase(), 100), { 'Idempotency-Key': key() })
        expect(later.body).toMatchObject({ handle: writer.toUpperCase(), credited: 'earnings' })
        expect((await creator.get(routes.creator)).body.earnings).toEqual([{ currency: 'USD', amount: 350 }])
        const received = (await creator.get(routes.activity)).body.items
        expect(received.map((i: { kind: string; amount: number }) => [i.kind, i.amount])).toEqual([
          ['tip_received', 100],
          ['tip_received', 250],
        ])
      })

      test('tips racing a claim all reach the creator, none stranded in escrow', async () => {
        const reader = await newDevice(h.api.url)
        const creator = await newDevice(h.api.url)
        const writer = handle()
        await topUp(reader, 1000)
        const tips = Array.from({ length: 10 }, () => reader.post(routes.tips, tipTo(writer, 10), { 'Idempotency-Key': key() }))
        const claim = creator.post(routes.devClaim, { site: 'bluesky', handle: writer })
        const replies = await Promise.all([...tips, claim])
        expect(replies.map((r) => r.status)).toEqual([...Array(10).fill(201), 200])
        expect((await creator.get(routes.creator)).body.earnings).toEqual([{ currency: 'USD', amount: 100 }])
        expect((await reader.get(routes.wallet)).body).toMatchObject({ balance: 900, escrowed: [] })
      })

      test('a tip nobody claimed in time goes back to the tipper, and a later claim finds nothing', async () => {
        const reader = await newDevice(h.api.url)
        const creator = await newDevice(h.api.url)
        const writer = handle()
        await topUp(reader, 1000)
        const tip = await reader.post(routes.tips, tipTo(writer, 300), { 'Idempotency-Key': key() })
        await h.api.db.query(`UPDATE tips SET returns_at = now() - interval '1 minute' WHERE id = $1`, [tip.body.id])

        expect(await returnExpiredTips(h.api.db)).toBeGreaterThanOrEqual(1)
        expect((await reader.get(routes.wallet)).body).toMatchObject({ balance: 1000, escrowed: [] })
        const [latest] = (await reader.get(routes.activity)).body.items
        expect(latest).toMatchObject({ kind: 'refund', amount: 300, handle: writer })

        const claimed = await creator.post(routes.devClaim, { site: 'bluesky', handle: writer })
        expect(claimed.body).toMatchObject({ earnings: [], tips: [] })
        await returnExpiredTips(h.api.db)
        expect((await reader.get(routes.wallet)).body.balance).toBe(1000)
      })

      test('a handle someone else claimed cannot be claimed again', async () => {
        const first = await newDevice(h.api.url)
        const second = await newDevice(h.api.url)
        const writer = handle()
        expect((await first.post(routes.devClaim, { site: 'x', handle: writer })).status).toBe(200)
        const taken = await second.post(routes.devClaim, { site: 'x', handle: writer })
        expect(taken.status).toBe(409)
        expect(taken.body.error).toMatchObject({ code: 'handle_taken', field: 'handle' })
      })

      test('a tip larger than the balance is refused with 402, moves nothing, and its key books it once there is money', async () => {
        const reader = await newDevice(h.api.url)
        await topUp(reader, 500)
        const idempotencyKey = key()
        const body = tipTo(handle(), 501)
        const res = await reader.post(routes.tips, body, { 'Idempotency-Key': idempotencyKey })
        expect(res.status).toBe(402)
        expect(res.body.error).toMatchObject({ code: 'insufficient_funds', field: 'amount' })
        expect((await reader.get(routes.wallet)).body.balance).toBe(500)

        await topUp(reader, 500)
        const retried = await reader.post(routes.tips, body, { 'Idempotency-Key': idempotencyKey })
        expect(retried.status).toBe(201)
        expect(retried.body).toMatchObject({ amount: 501, balanceAfter: 499 })
      })

      test('a replayed tip returns the same receipt once, and the same key with another body is 409', async () => {
        const reader = await newDevice(h.api.url)
        await topUp(reader, 1000)
        const idempotencyKey = key()
        const body = tipTo(handle(), 300)
        const first = await reader.post(routes.tips, body, { 'Idempotency-Key': idempotencyKey })
        const again = await reader.post(routes.tips, body, { 'Idempotency-Key': idempotencyKey })
        expect(again.status).toBe(201)
        expect(again.body).toEqual(first.body)
        expect((await reader.get(routes.wallet)).body.balance).toBe(700)

        const changed = await reader.post(routes.tips, { ...body, amount: 400 }, { 'Idempotency-Key': idempotencyKey })
        expect(changed.status).toBe(409)
        expect(changed.body.error.code).toBe('idempotency_conflict')
        expect((await reader.get(routes.wallet)).body.balance).toBe(700)
      })

      test('concurrent tips with one key move the money once', async () => {
        const reader = await newDevice(h.api.url)
        await topUp(reader, 1000)
        const idempotencyKey = key()
        const body = tipTo(handle(), 200)
        const replies = await Promise.all(
          Array.from({ length: 5 }, () => reader.post(routes.tips, body, { 'Idempotency-Key': idempotencyKey })),
        )
        expect(new Set(replies.map((r) => r.body.id)).size).toBe(1)
        expect((await reader.get(routes.wallet)).body.balance).toBe(800)
      })

      test('tips racing for one balance never take it below zero', async () => {
        const reader = await newDevice(h.api.url)
        await topUp(reader, 1000)
        const replies = await Promise.all(
          Array.from({ length: 8 }, () => reader.post(routes.tips, tipTo(handle(), 200), { 'Idempotency-Key': key() })),
        )
        expect(replies.map((r) => r.status).sort()).toEqual([201, 201, 201, 201, 201, 402, 402, 402])
        expect((await reader.get(routes.wallet)).body.balance).toBe(0)
      })

      test('a tip needs an Idempotency-Key and a valid body, and the error names the field', async () => {
        const reader = await newDevice(h.api.url)
        const noKey = await reader.post(routes.tips, tipTo(handle(), 100))
        expect(noKey.body.error).toMatchObject({ code: 'idempotency_key_required', field: 'Idempotency-Key' })
        const bad = await reader.post(routes.tips, tipTo(handle(), 1.5), { 'Idempotency-Key': key() })
        expect(bad.status).toBe(400)
        expect(bad.body.error.field).toBe('amount')
      })

      test('only the tipper and the recipient can read a tip', async () => {
        const reader = await newDevice(h.api.url)
        const creator = await newDevice(h.api.url)
        const stranger = await newDevice(h.api.url)
        const writer = handle()
        await creator.post(routes.devClaim, { site: 'mastodon', handle: writer })
        await topUp(reader, 1000)
        const tip = await reader.post(routes.tips, tipTo(writer, 100, { site: 'mastodon' }), { 'Idempotency-Key': key() })

        expect((await reader.get(routes.tip(tip.body.id))).body).toEqual(tip.body)
        const seenByCreator = await creator.get(routes.tip(tip.body.id))
        expect(seenByCreator.status).toBe(200)
        expect(seenByCreator.body.balanceAfter).toBe(0)
        const seenByStranger = await stranger.get(routes.tip(tip.body.id))
        expect(seenByStranger.status).toBe(404)
        expect(seenByStranger.body.error.code).toBe('not_found')
      })
    })

    describe('platform', () => {
      test('activity pages newest first through a cursor', async () => {
        const reader = await newDevice(h.api.url)
        await topUp(reader, 1000)
        for (let i = 1; i <= 3; i++) await reader.post(routes.tips, tipTo(handle(), i * 10), { 'Idempotency-Key': key() })
        const all = (await reader.get(routes.activity)).body.items.map((i: { amount: number }) => i.amount)
        expect(all).toEqual([-30, -20, -10, 1000])
        expect((await reader.get(`${routes.activity}?cursor=bm9wZQ`)).status).toBe(400)
      })

      test('every answer matches the shared contract the extension parses it with', async () => {
        const reader = await newDevice(h.api.url)
        const creator = await newDevice(h.api.url)
        const writer = handle()
        const started = await reader.post(routes.topups, { amount: 1000, currency: 'USD' }, { 'Idempotency-Key': key() })
        TopupResponse.parse(started.body)
        await deliver(h.api.url, h.webhookSecret, event('checkout.session.completed', { ...(await h.pay(started.body.checkoutSessionId)) }))
        const tip = await reader.post(routes.tips, tipTo(writer, 100), { 'Idempotency-Key': key() })
        TipReceipt.parse(tip.body)
        WalletView.parse((await reader.get(routes.wallet)).body)
        CreatorView.parse((await creator.post(routes.devClaim, { site: 'bluesky', handle: writer })).body)
        CreatorView.parse((await creator.get(routes.creator)).body)
        TipReceipt.parse((await creator.get(routes.tip(tip.body.id))).body)
        for (const device of [reader, creator]) {
          const page = ActivityPage.parse((await device.get(routes.activity)).body)
          expect(page.items.length).toBeGreaterThan(0)
        }
      })

      test('health, readiness, unknown routes and CORS for the extension', async () => {
        expect((await call(h.api.url, 'GET', routes.health)).status).toBe(200)
        expect((await call(h.api.url, 'GET', routes.ready)).body).toEqual({ ok: true })
        const missing = await call(h.api.url, 'GET', '/v1/nothing-here')
        expect(missing).toEqual({ status: 404, body: { error: { code: 'not_found', message: expect.any(String) } } })
        const preflight = await fetch(`${h.api.url}${routes.tips}`, {
          method: 'OPTIONS',
          headers: { origin: 'chrome-extension://abcdefghijklmnop', 'access-control-request-method': 'POST' },
        })
        expect(preflight.headers.get('access-control-allow-origin')).toBe('chrome-extension://abcdefghijklmnop')
        const site = await fetch(`${h.api.url}${routes.tips}`, {
          method: 'OPTIONS',
          headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
        })
        expect(site.headers.get('access-control-allow-origin')).toBeNull()
      })

      test('an oversized body is refused before it is read', async () => {
        const reader = await newDevice(h.api.url)
        const res = await reader.post(routes.tips, { ...tipTo(handle(), 100), note: 'x'.repeat(300 * 1024) }, { 'Idempotency-Key': key() })
        expect(res.status).toBe(413)
        expect(res.body.error.code).toBe('body_too_large')
      })

      test('a body sent without its length is refused before it is read', async () => {
        const reader = await newDevice(h.api.url)
        const chunked = new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new TextEncoder().encode(JSON.stringify(tipTo(handle(), 100))))
            controller.close()
          },
        })
        const res = await fetch(`${h.api.url}${routes.tips}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${reader.token}`, 'content-type': 'application/json', 'Idempotency-Key': key() },
          body: chunked,
          duplex: 'half',
        } as RequestInit)
        expect(res.status).toBe(411)
        expect(((await res.json()) as { error: { code: string } }).error.code).toBe('length_required')
      })

      test('every ledger transaction sums to zero and every cached balance equals its entries', async () => {
        const { rows: unbalanced } = await h.api.db.query(
          `SELECT transaction_id, currency, sum(amount)::bigint AS off FROM ledger_entries
           GROUP BY transaction_id, currency HAVING sum(amount) <> 0`,
        )
        expect(unbalanced).toEqual([])
        const { rows: drift } = await h.api.db.query(
          `SELECT a.name, a.balance, coalesce(sum(e.amount), 0)::bigint AS entries FROM ledger_accounts a
           LEFT JOIN ledger_entries e ON e.ledger_account_id = a.id GROUP BY a.id HAVING a.balance <> coalesce(sum(e.amount), 0)`,
        )
        expect(drift).toEqual([])
        const { rows: count } = await h.api.db.query<{ n: number }>('SELECT count(*)::int AS n FROM ledger_transactions')
        expect(count[0]!.n).toBeGreaterThan(10)
      })

      test('the database itself refuses entries that do not sum to zero', async () => {
        await expect(
          h.api.db.transaction(async (tx) => {
            await tx.query(`INSERT INTO ledger_transactions (id, kind) VALUES ('txn_lopsided', 'tip')`)
            const { rows } = await tx.query<{ id: number }>(
              `INSERT INTO ledger_accounts (name, currency) VALUES ('platform:fees', 'XTS') RETURNING id`,
            )
            await tx.query(
              `INSERT INTO ledger_entries (transaction_id, ledger_account_id, amount, currency) VALUES ('txn_lopsided', $1, 5, 'XTS')`,
              [rows[0]!.id],
            )
          }),
        ).rejects.toThrow(/does not sum to zero/)
      })
    })
  })
}
