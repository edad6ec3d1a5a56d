// GET /v1/creator/tips over real HTTP and a real database: every tip a creator received, newest
// first by the time it was sent, paged without gaps or repeats, escrowed tips included once claimed.
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { routes } from '../../src/shared/api.ts'
import { parseReceivedCursor, receivedTipsPage } from '../../src/server/views/creator-tips.ts'
import { newDevice, type Device } from './support/device.ts'
import { startHarness, type Harness } from './support/harness.ts'
import { deliver, event } from './support/webhooks.ts'

const key = () => `key_${randomBytes(12).toString('hex')}`

describe('tips a creator received', () => {
  let h: Harness
  beforeAll(async () => {
    h = await startHarness()
  })
  afterAll(async () => {
    await h?.close()
  })

  async function topUp(device: Device, amount: number): Promise<void> {
    const started = await device.post(routes.topups, { amount, currency: 'USD' }, { 'Idempotency-Key': key() })
    const session = await h.pay(started.body.checkoutSessionId)
    await deliver(h.api.url, h.webhookSecret, event('checkout.session.completed', { ...session }))
  }
  const tip = (reader: Device, handle: string, amount: number, note: string | null) =>
    reader.post(
      routes.tips,
      { site: 'bluesky', handle, postId: `p${amount}`, postUrl: `https://bsky.app/profile/${handle}/post/p${amount}`, amount, currency: 'USD', note },
      { 'Idempotency-Key': key() },
    )

  test('every tip, escrowed ones once claimed, newest first, paged without gaps or repeats', async () => {
    const reader = await newDevice(h.api.url)
    const creator = await newDevice(h.api.url)
    const writer = `writer_${randomBytes(5).toString('hex')}`
    await topUp(reader, 5000)
    // Sent before the claim, so it waited in escrow: the creator sees it once the handle is theirs.
    expect((await tip(reader, writer, 100, 'early')).status).toBe(201)
    expect((await creator.post(routes.devClaim, { site: 'bluesky', handle: writer })).status).toBe(200)
    for (const amount of [200, 300, 400, 500]) expect((await tip(reader, writer, amount, null)).status).toBe(201)

    const first = await creator.get(routes.creatorTips)
    expect(first.status).toBe(200)
    expect(first.body.nextCursor).toBeNull()
    expect(first.body.items.map((t: { amount: number }) => t.amount)).toEqual([500, 400, 300, 200, 100])
    expect(first.body.items[4]).toMatchObject({ from: reader.accountId, note: 'early', handle: writer, postUrl: `https://bsky.app/profile/${writer}/post/p100` })

    const pages: number[][] = []
    let cursor: string | undefined
    do {
      const page = await receivedTipsPage(h.api.db, creator.accountId, parseReceivedCursor(cursor) ?? undefined, 2)
      pages.push(page.items.map((t) => t.amount))
      cursor = page.nextCursor ?? undefined
    } while (cursor !== undefined)
    expect(pages).toEqual([[500, 400], [300, 200], [100]])

    expect((await reader.get(routes.creatorTips)).body.items).toEqual([])
  })

  test('a cursor the API never gave out is refused by name', async () => {
    const creator = await newDevice(h.api.url)
    const reply = await creator.get(`${routes.creatorTips}?cursor=not-a-cursor`)
    expect(reply.status).toBe(400)
    expect(reply.body.error).toMatchObject({ code: 'invalid_request', field: 'cursor' })
  })
})
