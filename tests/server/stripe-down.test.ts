// When Stripe cannot be reached, starting a top-up answers 503 with a code the extension can
// retry on (same Idempotency-Key), and nothing is recorded.
import { afterAll, beforeAll, expect, test } from 'vitest'
import { routes } from '../../src/shared/api.ts'
import { startApi, type RunningApi } from '../../src/server/index.ts'
import { newDevice } from './support/device.ts'
import { closedPort } from './support/closed-port.ts'

let api: RunningApi
beforeAll(async () => {
  api = await startApi({
    port: 0,
    stripe: { secretKey: 'sk_test_nobody_home', webhookSecret: 'whsec_unused', host: '127.0.0.1', port: await closedPort(), protocol: 'http' },
    logger: () => undefined,
  })
})
afterAll(async () => {
  await api?.close()
})

test('a top-up while Stripe is unreachable is a retryable 503 and leaves no top-up behind', async () => {
  const reader = await newDevice(api.url)
  const res = await reader.post(routes.topups, { amount: 1000, currency: 'USD' }, { 'Idempotency-Key': 'stripe-down-1' })
  expect(res.status).toBe(503)
  expect(res.body.error.code).toBe('payment_provider_unavailable')
  const { rows } = await api.db.query('SELECT 1 FROM topups WHERE account_id = $1', [reader.accountId])
  expect(rows).toEqual([])
})
