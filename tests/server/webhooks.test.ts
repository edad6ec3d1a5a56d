// Stripe delivers events at least once and in no particular order. A realistic set of events —
// top-ups completed, async payments succeeded and failed, a session expired, a partial refund, a
// dispute won and one lost — each delivered three times in a random order must leave the same
// ledger as each delivered once in order. Refused deliveries (non-2xx) go back in the queue, as
// Stripe retries them. And a forged, tampered or stale signature is refused with no effect.
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { routes } from '../../src/shared/api.ts'
import { newDevice, type Device } from './support/device.ts'
import { startHarness, type Harness } from './support/harness.ts'
import { deliver, event } from './support/webhooks.ts'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h?.close()
})

type Event = Record<string, unknown> & { id: string; type: string }

interface World {
  readers: Device[]
  events: Event[]
}

const key = () => randomBytes(12).toString('hex')

/** Six readers, each with one story told by the stand-in; returns the events Stripe would send. */
async function world(): Promise<World> {
  const readers = await Promise.all(Array.from({ length: 6 }, () => newDevice(h.api.url)))
  const start = async (reader: Device, amount: number) => {
    const started = await reader.post(routes.topups, { amount, currency: 'USD' }, { 'Idempotency-Key': key() })
    expect(started.status, JSON.stringify(started.body)).toBe(201)
    return started.body.checkoutSessionId as string
  }
  const chargeOf = async (sessionId: string) => {
    const session = await h.stripe.checkout.sessions.retrieve(sessionId, { expand: ['payment_intent'] })
    return String((session.payment_intent as { latest_charge: string }).latest_charge)
  }
  const stripeSent = (objectId: string, type: string) => h.eventsAbout(objectId).filter((e) => e.type === type) as unknown as Event[]
  const events: Event[] = []
  const [refunded, won, lost, failed, expired, late] = readers as unknown as [Device, Device, Device, Device, Device, Device]

  const a = await start(refunded, 1500)
  await h.pay(a)
  const chargeA = await chargeOf(a)
  await h.control(`/charges/${chargeA}/refund`, { amount: 500 })
  events.push(...stripeSent(a, 'checkout.session.completed'), ...stripeSent(chargeA, 'charge.refunded'))

  for (const [reader, outcome] of [[won, 'won'], [lost, 'lost']] as const) {
    const session = await start(reader, 800)
    await h.pay(session)
    const dispute = await h.control<{ id: string }>(`/charges/${await chargeOf(session)}/dispute`)
    await h.control(`/disputes/${dispute.id}/close`, { status: outcome })
    events.push(
      ...stripeSent(session, 'checkout.session.completed'),
      ...stripeSent(dispute.id, 'charge.dispute.created'),
      ...stripeSent(dispute.id, 'charge.dispute.closed'),
    )
  }

  // The stand-in settles cards at once; a bank debit would fail or succeed later, with these events.
  const d = await start(failed, 700)
  events.push(event('checkout.session.async_payment_failed', { ...(await h.stripe.checkout.sessions.retrieve(d)) }) as Event)

  const e = await start(expired, 900)
  await h.control(`/checkout/sessions/${e}/expire`)
  events.push(...stripeSent(e, 'checkout.session.expired'))

  const f = await start(late, 600)
  await h.pay(f)
  events.push(
    ...stripeSent(f, 'checkout.session.completed'),
    event('checkout.session.async_payment_succeeded', { ...(await h.stripe.checkout.sessions.retrieve(f)) }) as Event,
  )
  return { readers, events }
}

/** What the ledger says about each reader, in reader order. */
async function ledgerOf({ readers }: World) {
  return Promise.all(
    readers.map(async (reader) => {
      const wallet = (await reader.get(routes.wallet)).body
      const { rows } = await h.api.db.query<{ status: string; refunded: number }>(
        'SELECT status, refunded FROM topups WHERE account_id = $1',
        [reader.accountId],
      )
      const { rows: disputes } = await h.api.db.query<{ status: string }>(
        'SELECT d.status FROM disputes d JOIN topups t USING (checkout_session_id) WHERE t.account_id = $1',
        [reader.accountId],
      )
      return { balance: wallet.balance, debt: wallet.debt, topups: rows, disputes }
    }),
  )
}

/** Delivers every event in the queue; a refused one goes to the back, as Stripe retries it. */
async function deliverAll(queue: Event[]): Promise<void> {
  for (let attempts = 0; queue.length > 0; attempts++) {
    expect(attempts, 'an event was refused every time').toBeLessThan(200)
    const next = queue.shift()!
    const { status } = await deliver(h.api.url, h.webhookSecret, next)
    if (status !== 200) queue.push(next)
  }
}

function shuffled<T>(items: T[]): T[] {
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1))
    ;[out[i], out[j]] = [out[j]!, out[i]!]
  }
  return out
}

test('each event delivered three times in a random order leaves the same ledger as each once in order', async () => {
  const once = await world()
  await deliverAll([...once.events])
  const expected = await ledgerOf(once)
  expect(expected).toEqual([
    { balance: 1000, debt: 0, topups: [{ status: 'paid', refunded: 500 }], disputes: [] },
    { balance: 800, debt: 0, topups: [{ status: 'paid', refunded: 0 }], disputes: [{ status: 'won' }] },
    { balance: 0, debt: 0, topups: [{ status: 'paid', refunded: 0 }], disputes: [{ status: 'lost' }] },
    { balance: 0, debt: 0, topups: [{ status: 'failed', refunded: 0 }], disputes: [] },
    { balance: 0, debt: 0, topups: [{ status: 'expired', refunded: 0 }], disputes: [] },
    { balance: 600, debt: 0, topups: [{ status: 'paid', refunded: 0 }], disputes: [] },
  ])

  for (let round = 0; round < 3; round++) {
    const thrice = await world()
    const order = shuffled(thrice.events.flatMap((e) => [e, e, e]))
    const told = order.map((e) => e.type).join(', ')
    await deliverAll(order)
    expect(await ledgerOf(thrice), `delivery order: ${told}`).toEqual(expected)
  }
})

test('a forged, tampered or stale signature is refused with 400 and no effect', async () => {
  const reader = await newDevice(h.api.url)
  const started = await reader.post(routes.topups, { amount: 900, currency: 'USD' }, { 'Idempotency-Key': key() })
  const session = await h.pay(started.body.checkoutSessionId)
  const completed = event('checkout.session.completed', { ...session })

  const forged = await deliver(h.api.url, `whsec_${randomBytes(16).toString('hex')}`, completed)
  const tampered = await deliver(h.api.url, h.webhookSecret, completed, {
    tamper: (body) => body.replace(`"id":"${completed.id}"`, `"id":"evt_test_${key()}"`),
  })
  const stale = await deliver(h.api.url, h.webhookSecret, completed, { timestamp: Math.floor(Date.now() / 1000) - 600 })
  const unsigned = await fetch(`${h.api.url}${routes.stripeWebhook}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(completed),
  })
  for (const refused of [forged, tampered, stale]) {
    expect(refused).toEqual({ status: 400, body: { error: expect.objectContaining({ code: 'invalid_signature', field: 'Stripe-Signature' }) } })
  }
  expect(unsigned.status).toBe(400)
  expect((await reader.get(routes.wallet)).body.balance).toBe(0)
  const { rows } = await h.api.db.query('SELECT 1 FROM stripe_events WHERE id = $1', [completed.id])
  expect(rows).toEqual([])

  expect((await deliver(h.api.url, h.webhookSecret, completed)).status).toBe(200)
  expect((await reader.get(routes.wallet)).body.balance).toBe(900)
})
