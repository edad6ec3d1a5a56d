// Ledger account names and the row locks every movement takes on them.
import type { Tx } from '../db/index.ts'

export const CLEARING = 'stripe:clearing'
export const PLATFORM_FEES = 'platform:fees'
export const walletOf = (accountId: string) => `wallet:${accountId}`
export const earningsOf = (accountId: string) => `earnings:${accountId}`
/** Below zero when refunds or disputes took back money that was already spent. */
export const debtOf = (accountId: string) => `debt:${accountId}`
export const escrowOf = (site: string, handle: string) => `escrow:${site}:${handle}`

export interface LedgerAccount {
  id: number
  name: string
  currency: string
  balance: number
}

export interface AccountRef {
  name: string
  currency: string
}

const key = (ref: AccountRef) => `${ref.name}/${ref.currency}`

/**
 * Creates any missing accounts and locks them all FOR UPDATE in id order, so two movements
 * touching the same accounts always queue instead of deadlocking. One round trip when the
 * accounts exist or are new to everyone.
 */
export async function lockAccounts(tx: Tx, refs: AccountRef[]): Promise<Map<string, LedgerAccount>> {
  const unique = [...new Map(refs.map((r) => [key(r), r])).values()]
  const names = unique.map((r) => r.name)
  const currencies = unique.map((r) => r.currency)
  const { rows } = await tx.query<LedgerAccount>(
    `WITH wanted (name, currency) AS (SELECT * FROM unnest($1::text[], $2::text[])),
     created AS (
       INSERT INTO ledger_accounts (name, currency) SELECT * FROM wanted
       ON CONFLICT (name, currency) DO NOTHING RETURNING id, name, currency, balance
     ),
     existing AS (
       SELECT id, name, currency, balance FROM ledger_accounts
       WHERE (name, currency) IN (SELECT * FROM wanted) ORDER BY id FOR UPDATE
     )
     SELECT * FROM existing UNION ALL SELECT * FROM created`,
    [names, currencies],
  )
  const locked = new Map(rows.map((row) => [key(row), row]))
  if (locked.size === unique.length) return locked
  // Another transaction created one of them while this statement ran: its snapshot could not see
  // that row, a new statement can. (Out of id order; a deadlock that causes is retried whole.)
  const missing = unique.filter((r) => !locked.has(key(r)))
  const { rows: late } = await tx.query<LedgerAccount>(
    `SELECT id, name, currency, balance FROM ledger_accounts
     WHERE (name, currency) IN (SELECT * FROM unnest($1::text[], $2::text[])) ORDER BY id FOR UPDATE`,
    [missing.map((r) => r.name), missing.map((r) => r.currency)],
  )
  for (const row of late) locked.set(key(row), row)
  return locked
}

export function pick(locked: Map<string, LedgerAccount>, ref: AccountRef): LedgerAccount {
  const account = locked.get(key(ref))
  if (!account) throw new Error(`ledger account ${key(ref)} was not locked`)
  return account
}

export async function balanceOf(tx: Tx, ref: AccountRef): Promise<number> {
  const { rows } = await tx.query<{ balance: number }>(
    'SELECT balance FROM ledger_accounts WHERE name = $1 AND currency = $2',
    [ref.name, ref.currency],
  )
  return rows[0]?.balance ?? 0
}
