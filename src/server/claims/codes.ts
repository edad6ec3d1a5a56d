// One-time claim codes: one pending code per account, site and handle, good for CODE_HOURS.
// Starting again while a code is still good gives the same code, so a creator who already posted
// it is never told to post another.
import { randomBytes } from 'node:crypto'
import type { ClaimStarted, SiteId } from '../../shared/api.ts'
import type { Tx } from '../db/index.ts'
import { ApiFailure } from '../http/errors.ts'

export const CODE_HOURS = 24
// Crockford's base32: no I, L, O or U, so a code read off a screen is typed back right.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/** "tipline-7KQ2-M9XD": 40 random bits. */
export function newClaimCode(): string {
  const chars = [...randomBytes(8)].map((byte) => ALPHABET[byte & 31]).join('')
  return `tipline-${chars.slice(0, 4)}-${chars.slice(4)}`
}

interface CodeRow {
  code: string
  expires_at: Date
}

export async function startClaim(tx: Tx, accountId: string, site: SiteId, handle: string, now = new Date()): Promise<ClaimStarted> {
  const expires = new Date(now.getTime() + CODE_HOURS * 3_600_000)
  // Replaced only once expired: two starts at once both get the code the first one stored.
  const { rows } = await tx.query<CodeRow>(
    `INSERT INTO claim_codes (account_id, site, handle, code, expires_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (account_id, site, handle) DO UPDATE SET code = EXCLUDED.code, expires_at = EXCLUDED.expires_at, created_at = now()
       WHERE claim_codes.expires_at <= $6
     RETURNING code, expires_at`,
    [accountId, site, handle, newClaimCode(), expires, now],
  )
  const stored = rows[0] ?? (await pendingCode(tx, accountId, site, handle, now))
  return { site, handle, code: stored.code, expiresAt: new Date(stored.expires_at).toISOString() }
}

/** The code waiting for proof; refuses when there is none or it has expired. */
export async function pendingCode(tx: Tx, accountId: string, site: SiteId, handle: string, now = new Date()): Promise<CodeRow> {
  const { rows } = await tx.query<CodeRow>(
    'SELECT code, expires_at FROM claim_codes WHERE account_id = $1 AND site = $2 AND handle = $3',
    [accountId, site, handle],
  )
  const row = rows[0]
  if (!row) throw new ApiFailure(404, 'claim_not_started', `No claim of @${handle} on ${site} is waiting: get a code first.`, 'handle')
  if (new Date(row.expires_at) <= now) {
    throw new ApiFailure(410, 'claim_code_expired', `The code for @${handle} expired after ${CODE_HOURS} hours: get a new one.`, 'handle')
  }
  return row
}

export async function dropCode(tx: Tx, accountId: string, site: SiteId, handle: string): Promise<void> {
  await tx.query('DELETE FROM claim_codes WHERE account_id = $1 AND site = $2 AND handle = $3', [accountId, site, handle])
}
