// Cheap syncs over real HTTP: the wallet and creator reads carry a strong ETag and answer a
// matching If-None-Match with an empty 304; activity hands out only what is newer than `since`.
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { routes } from '../../src/shared/api.ts'
import { newDevice, type Device } from './support/device.ts'
import { startHarness, type Harness } from './support/harness.ts'
import { deliver, event } from './support/webhooks.ts'

const EXTENSION = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop'
let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(() => h?.close())

const key = () => `key_${randomBytes(12).toString('hex')}`

function read(device: Device, path: string, etag?: string): Promise<Response> {
  const headers: Record<string, string> = { authorization: `Bearer ${device.token}`, origin: EXTENSION }
  if (etag) headers['if-none-match'] = etag
  return fetch(`${h.api.url}${path}`, { headers })
}

async function topUp(device: Device, amount: number): Promise<void> {
  const started = await device.post(routes.topups, { amount, currency: 'USD' }, { 'Idempotency-Key': key() })
  const session = await h.pay(started.body.checkoutSessionId)
  expect((await deliver(h.api.url, h.webhookSecret, event('checkout.session.completed', { ...session }))).status).toBe(200)
}

async function tip(device: Device, handle: string, amount: number): Promise<void> {
  const postId = randomBytes(4).toString('hex')
  const body = { site: 'x', handle, postId, postUrl: `https://x.com/${handle}/status/${postId}`, amount, currency: 'USD', note: null }
  expect((await device.post(routes.tips, body, { 'Idempotency-Key': key() })).status).toBe(201)
}

test('the wallet answers its own ETag with an empty 304 the extension can read, and a tip changes the ETag', async () => {
  const reader = await newDevice(h.api.url)
  await topUp(reader, 1_000)

  const first = await read(reader, routes.wallet)
  const etag = first.headers.get('etag')
  expect(first.status).toBe(200)
  expect(etag).toMatch(/^"[^"]+"$/)
  expect(first.headers.get('access-control-expose-headers')).toContain('ETag')

  const again = await read(reader, routes.wallet, etag!)
  expect(again.status).toBe(304)
  expect(await again.text()).toBe('')
  expect(again.headers.get('etag')).toBe(etag)
  expect(again.headers.get('access-control-allow-origin')).toBe(EXTENSION)

  await tip(reader, 'etag_writer', 250)
  const after = await read(reader, routes.wallet, etag!)
  expect(after.status).toBe(200)
  expect(after.headers.get('etag')).not.toBe(etag)
  expect((await after.json()).balance).toBe(750)
})

test('the creator view is 304 until a claim changes it', async () => {
  const creator = await newDevice(h.api.url)
  const etag = (await read(creator, routes.creator)).headers.get('etag')!
  expect((await read(creator, routes.creator, etag)).status).toBe(304)

  expect((await creator.post(routes.devClaim, { site: 'x', handle: `w_${randomBytes(4).toString('hex')}` })).status).toBe(200)
  const after = await read(creator, routes.creator, etag)
  expect(after.status).toBe(200)
  expect(after.headers.get('etag')).not.toBe(etag)
})

test('a preflight lets the extension send If-None-Match', async () => {
  const preflight = await fetch(`${h.api.url}${routes.wallet}`, {
    method: 'OPTIONS',
    headers: { origin: EXTENSION, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization,if-none-match' },
  })
  expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('if-none-match')
})

test('activity since the newest item a client holds lists only newer items, and nothing when nothing happened', async () => {
  const reader = await newDevice(h.api.url)
  await topUp(reader, 2_000)
  await tip(reader, 'since_writer', 100)
  const { body: firstPage } = await reader.get(routes.activity)
  const newest: string = firstPage.items[0].id

  const quiet = await reader.get(`${routes.activity}?since=${newest}`)
  expect(quiet).toEqual({ status: 200, body: { items: [], nextCursor: null } })

  await tip(reader, 'since_writer', 200)
  await tip(reader, 'since_writer', 300)
  const { body: newer } = await reader.get(`${routes.activity}?since=${newest}`)
  expect(newer.items.map((i: { amount: number }) => i.amount)).toEqual([-300, -200])

  expect((await reader.get(`${routes.activity}?since=nonsense`)).status).toBe(400)
})
