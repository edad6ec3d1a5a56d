// Opening a ledger transaction (with its idempotency key) and posting its entries. Every other
// ledger module goes through here, so the zero-sum rule and the balance cache live in one place.
import { createHash, randomBytes } from 'node:crypto'
import type { Tx } from '../db/index.ts'
import type { LedgerAccount } from './accounts.ts'
import { LedgerError } from './errors.ts'

export type TransactionKind = 'topup' | 'tip' | 'claim' | 'expiry' | 'refund' | 'dispute' | 'dispute_won' | 'payout' | 'payout_return'

export interface Idempotency {
  /** Whose keys these are, e.g. tip:<acct>; the same key in two scopes is two writes. */
  scope: string
  key: string
  /** Fingerprint of the request body: same key + different body is a conflict. */
  requestHash: string
}

export type Opened = { id: string; replay?: undefined } | { id: string; replay: unknown }

export interface Entry {
  account: LedgerAccount
  amount: number
}

export const newId = (prefix: string) => `${prefix}_${randomBytes(12).toString('base64url')}`

export function hashRequest(body: unknown): string {
  return createHash('sha256').update(JSON.stringify(body)).digest('hex')
}

/**
 * Inserts the transaction row first: on Postgres a second request with the same key waits on
 * the unique index until the first commits, then sees it and replays its stored response.
 */
export async function open(
  tx: Tx,
  kind: TransactionKind,
  idempotency?: Idempotency,
  metadata: Record<string, unknown> = {},
): Promise<Opened> {
  const id = newId('txn')
  const inserted = await tx.query(
    `INSERT INTO ledger_transactions (id, kind, idempotency_scope, idempotency_key, request_hash, metadata)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (idempotency_scope, idempotency_key) DO NOTHING`,
    [id, kind, idempotency?.scope ?? null, idempotency?.key ?? null, idempotency?.requestHash ?? null, JSON.stringify(metadata)],
  )
  if (inserted.rowCount === 1 || !idempotency) return { id }
  const { rows } = await tx.query<{ id: string; request_hash: string; response: unknown }>(
    `SELECT id, request_hash, response FROM ledger_transactions
     WHERE idempotency_scope = $1 AND idempotency_key = $2`,
    [idempotency.scope, idempotency.key],
  )
  const prior = rows[0]
  if (!prior) throw new Error('idempotency key vanished between insert and select')
  if (prior.request_hash !== idempotency.requestHash) {
    throw new LedgerError('idempotency_conflict', 'This Idempotency-Key was already used with a different request.')
  }
  return { id: prior.id, replay: prior.response }
}

/**
 * Writes the entries and moves the cached balances, in one statement; entries must sum to zero
 * per currency. The accounts must be locked (lockAccounts) by the caller.
 */
export async function post(tx: Tx, transactionId: string, entries: Entry[]): Promise<void> {
  const moving = entries.filter((e) => e.amount !== 0)
  assertBalanced(moving)
  const byAccount = new Map<number, { account: LedgerAccount; amount: number }>()
  for (const { account, amount } of moving) {
    if (!Number.isSafeInteger(amount)) throw new Error(`ledger amount ${amount} is not a safe integer`)
    const sum = byAccount.get(account.id) ?? { account, amount: 0 }
    sum.amount += amount
    byAccount.set(account.id, sum)
  }
  const moves = [...byAccount.values()]
  const { rows } = await tx.query<{ id: number; balance: number }>(
    `WITH entries AS (
       INSERT INTO ledger_entries (transaction_id, ledger_account_id, amount, currency)
       SELECT $1, * FROM unnest($2::bigint[], $3::bigint[], $4::text[])
     )
     UPDATE ledger_accounts a SET balance = a.balance + m.amount
     FROM unnest($5::bigint[], $6::bigint[]) AS m (id, amount) WHERE a.id = m.id
     RETURNING a.id, a.balance`,
    [
      transactionId,
      moving.map((e) => e.account.id),
      moving.map((e) => e.amount),
      moving.map((e) => e.account.currency),
      moves.map((m) => m.account.id),
      moves.map((m) => m.amount),
    ],
  )
  const after = new Map(rows.map((row) => [Number(row.id), row.balance]))
  for (const { account, amount } of moves) account.balance = after.get(account.id) ?? account.balance + amount
}

function assertBalanced(entries: Entry[]): void {
  const sums = new Map<string, number>()
  for (const { account, amount } of entries) sums.set(account.currency, (sums.get(account.currency) ?? 0) + amount)
  for (const [currency, sum] of sums) {
    if (sum !== 0) throw new Error(`ledger entries do not sum to zero in ${currency} (off by ${sum})`)
  }
}

export async function recordActivity(
  tx: Tx,
  row: { accountId: string; kind: string; amount: number; currency: string; transactionId: string; tipId?: string },
): Promise<void> {
  await tx.query(
    `INSERT INTO activity (account_id, kind, amount, currency, transaction_id, tip_id)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [row.accountId, row.kind, row.amount, row.currency, row.transactionId, row.tipId ?? null],
  )
}
