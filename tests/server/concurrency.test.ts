// Concurrency on real Postgres (PGlite is one connection, so only Postgres has real row-lock
// contention): 50 wallets × 40 concurrent tips each, a third of them retried at once with the
// same Idempotency-Key, to claimed and unclaimed handles. Afterwards every transaction sums to
// zero, no wallet is negative, money is conserved, and each key made exactly one transaction.
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { routes } from '../../src/shared/api.ts'
import { newDevice, type Device, type Reply } from './support/device.ts'
import { startHarness, type Harness } from './support/harness.ts'
import { ledgerViolations, NO_VIOLATIONS } from './support/invariants.ts'
import { deliver, event } from './support/webhooks.ts'

const databaseUrl = process.env.DATABASE_URL
if (!databaseUrl) {
  console.warn('\n*** SKIPPING the concurrency proof: it needs real Postgres; set DATABASE_URL=postgres://… to run it. ***\n')
  describe.skip('concurrency on Postgres (set DATABASE_URL to run)', () => {
    test('needs DATABASE_URL', () => undefined)
  })
}

const WALLETS = 50
const TIPS_PER_WALLET = 40
const FUNDS = 1_000
const HANDLES = 8 // the first half claimed before the tips, the rest left in escrow

/**
 * As the extension's outbox does: a request whose connection failed (this many sockets on a busy
 * machine can be reset) is sent again with the same key until it gets an answer.
 */
async function sendTip(wallet: Device, body: unknown, key: string): Promise<Reply> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await wallet.post(routes.tips, body, { 'Idempotency-Key': key })
    } catch (error) {
      if (attempt === 5) throw error
    }
  }
}

describe.runIf(databaseUrl)('concurrency on Postgres', () => {
  let h: Harness
  beforeAll(async () => {
    h = await startHarness({ databaseUrl: databaseUrl!, rateLimits: { authPerMinute: 0, moneyPerMinute: 0 } })
  })
  afterAll(async () => {
    await h?.close()
  })

  async function funded(): Promise<Device> {
    const reader = await newDevice(h.api.url)
    const started = await reader.post(routes.topups, { amount: FUNDS, currency: 'USD' }, { 'Idempotency-Key': randomBytes(12).toString('hex') })
    const paid = await h.pay(started.body.checkoutSessionId)
    expect((await deliver(h.api.url, h.webhookSecret, event('checkout.session.completed', { ...paid }))).status).toBe(200)
    return reader
  }

  test(`${WALLETS} wallets × ${TIPS_PER_WALLET} concurrent tips with duplicate retries`, async () => {
    const run = randomBytes(4).toString('hex')
    const handles = Array.from({ length: HANDLES }, (_, i) => `writer_${run}_${i}`)
    const claimed = handles.slice(0, HANDLES / 2)
    const creators = await Promise.all(claimed.map(() => newDevice(h.api.url)))
    await Promise.all(creators.map((c, i) => c.post(routes.devClaim, { site: 'x', handle: claimed[i] })))
    const wallets: Device[] = []
    for (let i = 0; i < WALLETS; i += 10) wallets.push(...(await Promise.all(Array.from({ length: 10 }, funded))))

    const planned = wallets.flatMap((wallet) =>
      Array.from({ length: TIPS_PER_WALLET }, () => ({
        wallet,
        key: randomBytes(12).toString('hex'),
        // 10–60 cents, 35 on average: 40 of them ask for more than the wallet holds, so some must be refused.
        body: { site: 'x', handle: handles[Math.floor(Math.random() * HANDLES)]!, postId: '1', postUrl: null,
          amount: 10 + Math.floor(Math.random() * 51), currency: 'USD', note: null },
        copies: 1 + (Math.random() < 1 / 3 ? 1 + Math.floor(Math.random() * 2) : 0),
      })),
    )
    const answers = await Promise.all(
      planned.map(async (t) => ({
        ...t,
        replies: await Promise.all(
          Array.from({ length: t.copies }, () => sendTip(t.wallet, t.body, t.key)),
        ) as Reply[],
      })),
    )
    expect(planned.filter((t) => t.copies > 1).length).toBeGreaterThan(WALLETS * TIPS_PER_WALLET * 0.2)

    const statuses = new Set(answers.flatMap((a) => a.replies.map((r) => r.status)))
    expect([...statuses].sort()).toEqual([201, 402])
    const { rows: made } = await h.api.db.query<{ key: string; n: number }>(
      `SELECT idempotency_key AS key, count(*)::int AS n FROM ledger_transactions
       WHERE idempotency_scope = ANY($1::text[]) GROUP BY idempotency_key`,
      [wallets.map((w) => `tip:${w.accountId}`)],
    )
    const transactionsOf = new Map(made.map((m) => [m.key, m.n]))
    const spent = new Map<string, number>()
    const received = new Map<string, number>()
    for (const a of answers) {
      const booked = a.replies.filter((r) => r.status === 201)
      // The same key answers with one receipt however many copies raced, and made one transaction.
      for (const copy of booked) expect(copy.body).toEqual(booked[0]?.body)
      expect(transactionsOf.get(a.key) ?? 0).toBe(booked.length > 0 ? 1 : 0)
      if (booked.length > 0) {
        spent.set(a.wallet.accountId, (spent.get(a.wallet.accountId) ?? 0) + a.body.amount)
        received.set(a.body.handle, (received.get(a.body.handle) ?? 0) + a.body.amount)
      }
    }

    for (const wallet of wallets) {
      const { balance } = (await wallet.get(routes.wallet)).body
      expect(balance).toBe(FUNDS - (spent.get(wallet.accountId) ?? 0))
      expect(balance).toBeGreaterThanOrEqual(0)
    }
    const total = (ids: string[]) => ids.reduce((sum, id) => sum + (received.get(id) ?? 0), 0)
    const earnings = await Promise.all(creators.map(async (c) => (await c.get(routes.creator)).body.earnings[0]?.amount ?? 0))
    expect(earnings).toEqual(claimed.map((handle) => total([handle])))
    const { rows: escrow } = await h.api.db.query<{ balance: number }>(
      `SELECT coalesce(sum(balance), 0)::bigint AS balance FROM ledger_accounts WHERE name = ANY($1::text[])`,
      [handles.slice(HANDLES / 2).map((handle) => `escrow:x:${handle}`)],
    )
    expect(Number(escrow[0]?.balance)).toBe(total(handles.slice(HANDLES / 2)))
    // Nothing created or lost: what left the wallets is exactly what the creators and escrow hold.
    expect([...spent.values()].reduce((a, b) => a + b, 0)).toBe(total(handles))
    expect(await ledgerViolations(h.api.db)).toEqual(NO_VIOLATIONS)
  }, 180_000)
})
