// Rate limits on the auth and money routes: past the limit a client gets 429 with Retry-After and
// the usual JSON error, other clients are unaffected, and the bucket refills with time.
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { routes } from '../../src/shared/api.ts'
import { TokenBuckets, type RateLimits } from '../../src/server/http/rate-limit.ts'
import { call, newDevice } from './support/device.ts'
import { startHarness, type Harness } from './support/harness.ts'

function withLimits(rateLimits: Partial<RateLimits>): { h: Harness } {
  const ref = {} as { h: Harness }
  beforeAll(async () => {
    ref.h = await startHarness({ rateLimits })
  })
  afterAll(async () => {
    await ref.h?.close()
  })
  return ref
}

const publicKey = async () => {
  const keys = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])
  const { kty, crv, x, y } = await crypto.subtle.exportKey('jwk', keys.publicKey)
  return { kty, crv, x, y }
}

describe('auth routes, 7 a minute per client address', () => {
  const ref = withLimits({ authPerMinute: 7 })

  test('the 8th answers 429 with Retry-After and the JSON error; reads with a token still work', async () => {
    const { h } = ref
    const reader = await newDevice(h.api.url) // register, challenge, session: 3
    await newDevice(h.api.url) // 6
    expect((await call(h.api.url, 'POST', routes.accounts, { publicKey: await publicKey() })).status).toBe(201) // 7

    const res = await fetch(`${h.api.url}${routes.challenge}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ accountId: reader.accountId }),
    })
    expect(res.status).toBe(429)
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    expect(await res.json()).toEqual({ error: { code: 'rate_limited', message: expect.stringMatching(/try again/) } })
    expect((await reader.get(routes.wallet)).status).toBe(200)
  })
})

describe('money routes, 3 a minute per account', () => {
  const ref = withLimits({ moneyPerMinute: 3 })

  test('one reader past the limit gets 429 before the ledger is asked; another reader is unaffected', async () => {
    const { h } = ref
    const [busy, other] = await Promise.all([newDevice(h.api.url), newDevice(h.api.url)])
    const tip = { site: 'x', handle: 'someone', postId: '1', postUrl: null, amount: 100, currency: 'USD', note: null }
    const answers: number[] = []
    for (let i = 0; i < 4; i++) {
      answers.push((await busy.post(routes.tips, tip, { 'Idempotency-Key': randomBytes(8).toString('hex') })).status)
    }
    // An empty wallet refuses the first three (402); the fourth never reaches the ledger.
    expect(answers).toEqual([402, 402, 402, 429])
    const topup = await other.post(routes.topups, { amount: 1000, currency: 'USD' }, { 'Idempotency-Key': 'topup-0001-first' })
    expect(topup.status).toBe(201)
    const refused = await busy.post(routes.topups, { amount: 1000, currency: 'USD' }, { 'Idempotency-Key': 'topup-0001-first' })
    expect(refused.status).toBe(429)
  })
})

test('a bucket allows a burst up to the limit, then one request per refilled token', () => {
  const buckets = new TokenBuckets(60) // one token a second
  for (let i = 0; i < 60; i++) expect(buckets.take('k', 0)).toBe(0)
  expect(buckets.take('k', 0)).toBeCloseTo(1000)
  expect(buckets.take('k', 500)).toBeCloseTo(500)
  expect(buckets.take('k', 1000)).toBe(0)
  expect(buckets.take('k', 1000)).toBeCloseTo(1000)
  expect(buckets.take('other', 1000)).toBe(0)
  expect(new TokenBuckets(0).take('k')).toBe(0)
})
