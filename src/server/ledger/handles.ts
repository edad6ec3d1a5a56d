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
