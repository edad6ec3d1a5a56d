// With a platform fee configured, a tip splits between the creator and platform:fees.
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { routes } from '../../src/shared/api.ts'
import { newDevice } from './support/device.ts'
import { startHarness, type Harness } from './support/harness.ts'
import { deliver, event } from './support/webhooks.ts'

let h: Harness
beforeAll(async () => {
  h = await startHarness({ feeBasisPoints: 250 })
})
afterAll(async () => {
  await h?.close()
})

test('a 2.5% fee goes to platform:fees and the creator earns the rest, in escrow and after the claim', async () => {
  const reader = await newDevice(h.api.url)
  const creator = await newDevice(h.api.url)
  const started = await reader.post(routes.topups, { amount: 2000, currency: 'USD' }, { 'Idempotency-Key': randomBytes(8).toString('hex') })
  await deliver(h.api.url, h.webhookSecret, event('checkout.session.completed', { ...(await h.pay(started.body.checkoutSessionId)) }))

  const tip = await reader.post(
    routes.tips,
    { site: 'x', handle: 'fee_writer', postId: null, postUrl: null, amount: 1000, currency: 'USD', note: null },
    { 'Idempotency-Key': randomBytes(8).toString('hex') },
  )
  expect(tip.body).toMatchObject({ amount: 1000, balanceAfter: 1000, credited: 'escrow' })
  expect((await reader.get(routes.wallet)).body.escrowed).toEqual([expect.objectContaining({ amount: 975 })])

  const view = await creator.post(routes.devClaim, { site: 'x', handle: 'Fee_Writer' })
  expect(view.body.earnings).toEqual([{ currency: 'USD', amount: 975 }])
  expect(view.body.tips).toEqual([expect.objectContaining({ amount: 975, handle: 'fee_writer' })])
  const { rows } = await h.api.db.query<{ balance: number }>(
    `SELECT balance FROM ledger_accounts WHERE name = 'platform:fees' AND currency = 'USD'`,
  )
  expect(rows).toEqual([{ balance: 25 }])
})
