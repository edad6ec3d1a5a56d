// Failure injection around a tip's COMMIT. A crash after the ledger write but before the answer
// leaves the whole tip exactly once when the client retries with its key; a failure inside the
// database transaction, after the ledger entries and balances were written, leaves nothing, and
// the same key then works. On PGlite, and on Postgres when DATABASE_URL is set.
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { routes } from '../../src/shared/api.ts'
import type { FaultHooks } from '../../src/server/services.ts'
import { newDevice, type Device } from './support/device.ts'
import { startHarness, type Harness } from './support/harness.ts'
import { deliver, event } from './support/webhooks.ts'

const targets: Array<{ name: string; databaseUrl?: string }> = [{ name: 'PGlite' }]
if (process.env.DATABASE_URL) targets.push({ name: 'Postgres', databaseUrl: process.env.DATABASE_URL })
else console.warn('\n*** SKIPPING failure injection on real Postgres: set DATABASE_URL to run it there too. ***\n')

const key = () => `key_${randomBytes(12).toString('hex')}`
const tipTo = (handle: string, amount: number) => ({
  site: 'x', handle, postId: '1', postUrl: null, amount, currency: 'USD', note: null,
})

for (const target of targets) {
  describe(`a failure around a tip's commit, on ${target.name}`, () => {
    let h: Harness
    // A test arms the point for the next tip; firing disarms it.
    let armed = false
    const afterCommit = () => {
      if (!armed) return
      armed = false
      throw new Error('failure injected after COMMIT')
    }
    beforeAll(async () => {
      h = await startHarness({
        ...(target.databaseUrl ? { databaseUrl: target.databaseUrl } : {}),
        hooks: { afterCommit } satisfies FaultHooks,
      })
    })
    afterAll(async () => {
      await h?.close()
    })

    async function fundedReader(amount: number): Promise<Device> {
      const reader = await newDevice(h.api.url)
      const started = await reader.post(routes.topups, { amount, currency: 'USD' }, { 'Idempotency-Key': key() })
      const paid = await h.pay(started.body.checkoutSessionId)
      expect((await deliver(h.api.url, h.webhookSecret, event('checkout.session.completed', { ...paid }))).status).toBe(200)
      return reader
    }

    async function effectsOf(reader: Device, idempotencyKey: string) {
      const count = async (sql: string) => Number((await h.api.db.query<{ n: string }>(sql, [reader.accountId, idempotencyKey])).rows[0]?.n)
      return {
        balance: (await reader.get(routes.wallet)).body.balance,
        transactions: await count(`SELECT count(*) AS n FROM ledger_transactions WHERE idempotency_scope = 'tip:' || $1 AND idempotency_key = $2`),
        tips: await count(`SELECT count(*) AS n FROM tips t JOIN ledger_transactions l ON l.id = t.id
                           WHERE t.from_account = $1 AND l.idempotency_key = $2`),
        sent: await count(`SELECT count(*) AS n FROM activity a JOIN ledger_transactions l ON l.id = a.transaction_id
                           WHERE a.account_id = $1 AND a.kind = 'tip_sent' AND l.idempotency_key = $2`),
      }
    }

    test('after COMMIT, before the answer: the client sees a 500, its retry gets the receipt, the tip happened once', async () => {
      const reader = await fundedReader(1000)
      const tipKey = key()
      const handle = `writer_${randomBytes(4).toString('hex')}`
      armed = true
      const lost = await reader.post(routes.tips, tipTo(handle, 300), { 'Idempotency-Key': tipKey })
      expect(lost.status).toBe(500)
      expect(await effectsOf(reader, tipKey)).toEqual({ balance: 700, transactions: 1, tips: 1, sent: 1 })

      const retried = await reader.post(routes.tips, tipTo(handle, 300), { 'Idempotency-Key': tipKey })
      expect(retried.status).toBe(201)
      expect(retried.body).toMatchObject({ amount: 300, balanceAfter: 700, credited: 'escrow' })
      const again = await reader.post(routes.tips, tipTo(handle, 300), { 'Idempotency-Key': tipKey })
      expect(again.body).toEqual(retried.body)
      expect(await effectsOf(reader, tipKey)).toEqual({ balance: 700, transactions: 1, tips: 1, sent: 1 })
    })

    test('inside the transaction: nothing is left behind, and the same key then books the tip once', async () => {
      const reader = await fundedReader(1000)
      const tipKey = key()
      const handle = `writer_${randomBytes(4).toString('hex')}`
      // The tip's last insert fails for this reader only, once entries and balances are written.
      const fault = `fail_${randomBytes(6).toString('hex')}`
      await h.api.db.exec(`
        CREATE FUNCTION ${fault}() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN RAISE EXCEPTION 'failure injected into the tip''s transaction'; END $$;
        CREATE TRIGGER ${fault} BEFORE INSERT ON activity FOR EACH ROW
          WHEN (NEW.account_id = '${reader.accountId}') EXECUTE FUNCTION ${fault}();`)
      const failed = await reader.post(routes.tips, tipTo(handle, 400), { 'Idempotency-Key': tipKey })
      await h.api.db.exec(`DROP TRIGGER ${fault} ON activity; DROP FUNCTION ${fault}();`)
      expect(failed.status).toBe(500)
      expect(await effectsOf(reader, tipKey)).toEqual({ balance: 1000, transactions: 0, tips: 0, sent: 0 })
      const { rows: escrow } = await h.api.db.query('SELECT balance FROM ledger_accounts WHERE name = $1', [`escrow:x:${handle}`])
      expect(escrow.every((row) => Number(row.balance) === 0)).toBe(true)

      const retried = await reader.post(routes.tips, tipTo(handle, 400), { 'Idempotency-Key': tipKey })
      expect(retried.status).toBe(201)
      expect(await effectsOf(reader, tipKey)).toEqual({ balance: 600, transactions: 1, tips: 1, sent: 1 })
    })
  })
}
