// Property tests for the ledger (fast-check, PGlite): random sequences of top-ups, tips (to
// claimed and unclaimed handles, with and without a fee, keys sometimes reused), claims, refunds,
// disputes won and lost, and escrow expiry. After every step, whatever the ledger accepted or
// refused: every transaction sums to zero, no wallet is negative, every cached balance equals its
// entries, and all money (stripe:clearing included) sums to zero.
import { randomBytes } from 'node:crypto'
import fc from 'fast-check'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { migrate, openDb, type Db, type Tx } from '../../src/server/db/index.ts'
import { claimHandle, creditWallet, LedgerError, returnExpiredTips, takeBack, tip } from '../../src/server/ledger/index.ts'
import { ledgerViolations, NO_VIOLATIONS } from './support/invariants.ts'

let db: Db
beforeAll(async () => {
  db = await openDb({}, () => undefined)
  await migrate(db)
})
afterAll(async () => {
  await db?.close()
})

const READERS = 3
const CREATORS = 2
const HANDLES = 3
const KEYS = 4
const DAY_MS = 24 * 60 * 60 * 1000

const reader = fc.integer({ min: 0, max: READERS - 1 })
const step = fc.oneof(
  fc.record({ op: fc.constant('topup' as const), reader, amount: fc.integer({ min: 500, max: 5_000 }) }),
  fc.record({
    op: fc.constant('tip' as const),
    reader,
    handle: fc.integer({ min: 0, max: HANDLES - 1 }),
    amount: fc.integer({ min: 10, max: 3_000 }),
    feeBasisPoints: fc.constantFrom(0, 250, 1_000),
    key: fc.integer({ min: 0, max: KEYS - 1 }),
  }),
  fc.record({
    op: fc.constant('claim' as const),
    creator: fc.integer({ min: 0, max: CREATORS - 1 }),
    handle: fc.integer({ min: 0, max: HANDLES - 1 }),
  }),
  fc.record({
    op: fc.constantFrom('refund' as const, 'dispute' as const, 'dispute_won' as const),
    reader,
    amount: fc.integer({ min: 1, max: 3_000 }),
  }),
  fc.record({ op: fc.constant('expiry' as const), days: fc.integer({ min: 1, max: 200 }) }),
)
type Step = typeof step extends fc.Arbitrary<infer S> ? S : never

interface Cast {
  readers: string[]
  creators: string[]
  handles: string[]
  run: string
}

async function newCast(): Promise<Cast> {
  const run = randomBytes(5).toString('hex')
  const cast = {
    run,
    readers: Array.from({ length: READERS }, (_, i) => `acct_${run}_r${i}`),
    creators: Array.from({ length: CREATORS }, (_, i) => `acct_${run}_c${i}`),
    handles: Array.from({ length: HANDLES }, (_, i) => `writer_${run}_${i}`),
  }
  for (const id of [...cast.readers, ...cast.creators]) {
    await db.query(
      `INSERT INTO accounts (id, public_key, public_key_id, wallet_currency) VALUES ($1, '{}', $1, 'USD')`,
      [id],
    )
  }
  return cast
}

const reference = () => `ref_${randomBytes(8).toString('hex')}`

async function apply(cast: Cast, s: Step): Promise<void> {
  const account = (i: number) => cast.readers[i]!
  const inTx = (fn: (tx: Tx) => Promise<unknown>) => db.transaction(fn)
  switch (s.op) {
    case 'topup':
    case 'dispute_won': {
      const kind = s.op
      await inTx((tx) => creditWallet(tx, kind, { accountId: account(s.reader), amount: s.amount, currency: 'USD', reference: reference() }))
      return
    }
    case 'refund':
    case 'dispute': {
      const kind = s.op
      await inTx((tx) => takeBack(tx, kind, { accountId: account(s.reader), amount: s.amount, currency: 'USD', reference: reference() }))
      return
    }
    case 'tip': {
      const handle = cast.handles[s.handle]!
      const request = { site: 'x' as const, handle, postId: '1', postUrl: null, amount: s.amount, currency: 'USD' as const, note: null }
      await inTx((tx) =>
        tip(tx, { from: account(s.reader), idempotencyKey: `${cast.run}_${s.key}`, request, feeBasisPoints: s.feeBasisPoints }),
      )
      return
    }
    case 'claim':
      await inTx((tx) => claimHandle(tx, cast.creators[s.creator]!, 'x', cast.handles[s.handle]!))
      return
    case 'expiry':
      await returnExpiredTips(db, new Date(Date.now() + s.days * DAY_MS))
  }
}

test('every step of any sequence keeps the ledger balanced, non-negative, cached right and conserved', async () => {
  let refused = 0
  let accepted = 0
  await fc.assert(
    fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
      const cast = await newCast()
      for (const s of steps) {
        try {
          await apply(cast, s)
          accepted++
        } catch (error) {
          // The ledger may refuse (no funds, debt, a taken handle, a reused key): never half-way.
          if (!(error instanceof LedgerError)) throw error
          refused++
        }
        expect(await ledgerViolations(db)).toEqual(NO_VIOLATIONS)
      }
    }),
    { numRuns: 50 },
  )
  // The sequences exercised both sides: moves that went through and moves the ledger refused.
  expect(accepted).toBeGreaterThan(100)
  expect(refused).toBeGreaterThan(10)
}, 120_000)
