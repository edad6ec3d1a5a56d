// Who owns a handle on a site. Sites match handles case-insensitively, so the ledger does too.
import type { Tx } from '../db/index.ts'

export const normaliseHandle = (handle: string) => handle.trim().replace(/^@/, '').toLowerCase()

export async function ownerOf(tx: Tx, site: string, handle: string): Promise<string | null> {
  const { rows } = await tx.query<{ account_id: string }>(
    'SELECT account_id FROM handle_claims WHERE site = $1 AND handle = $2',
    [site, normaliseHandle(handle)],
  )
  return rows[0]?.account_id ?? null
}

/**
 * Tips to a handle and a claim of it take turns on this lock. A row lock would not do: the
 * handle's escrow account may not exist yet (or exist only inside an uncommitted tip), and a
 * claim that found nothing to lock would sweep the escrow while that tip lands in it.
 * Taken before any row lock, so it never waits while holding one.
 */
export async function lockHandle(tx: Tx, site: string, handle: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [handleLockKey(site, handle)])
}

/** The advisory lock's name, for statements that take it along with something else. */
export const handleLockKey = (site: string, handle: string) => `handle:${site}:${normaliseHandle(handle)}`
