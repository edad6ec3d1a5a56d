// Registration, challenges and session tokens. A token is stored only as its SHA-256 hash, so a
// copy of the database cannot be replayed against the API.
import { createHash, randomBytes } from 'node:crypto'
import type { Db } from '../db/index.ts'
import { ApiFailure, unauthenticated } from '../http/errors.ts'
import { newId } from '../ledger/index.ts'
import { deviceKeyId, importDeviceKey, signatureValid, type DeviceJwk } from './keys.ts'
import type { SessionCache } from './session-cache.ts'

export const CHALLENGE_TTL_SECONDS = 120
export const SESSION_TTL_SECONDS = 15 * 60

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')

export async function register(db: Db, publicKey: DeviceJwk): Promise<string> {
  try {
    importDeviceKey(publicKey)
  } catch {
    throw new ApiFailure(400, 'invalid_request', 'publicKey is not a valid P-256 public key.', 'publicKey')
  }
  const keyId = deviceKeyId(publicKey)
  await db.query(
    'INSERT INTO accounts (id, public_key, public_key_id) VALUES ($1, $2, $3) ON CONFLICT (public_key_id) DO NOTHING',
    [newId('acct'), JSON.stringify(publicKey), keyId],
  )
  const { rows } = await db.query<{ id: string }>('SELECT id FROM accounts WHERE public_key_id = $1', [keyId])
  const id = rows[0]?.id
  if (!id) throw new Error('account vanished after registration')
  return id
}

export async function issueChallenge(db: Db, accountId: string): Promise<{ challenge: string; expiresAt: Date }> {
  const { rows } = await db.query('SELECT 1 FROM accounts WHERE id = $1', [accountId])
  if (rows.length === 0) throw new ApiFailure(404, 'unknown_account', 'accountId is not a registered account.', 'accountId')
  const challenge = randomBytes(32).toString('base64url')
  const expiresAt = new Date(Date.now() + CHALLENGE_TTL_SECONDS * 1000)
  await db.query('DELETE FROM session_challenges WHERE expires_at < now()')
  await db.query('INSERT INTO session_challenges (challenge, account_id, expires_at) VALUES ($1, $2, $3)', [
    challenge,
    accountId,
    expiresAt,
  ])
  return { challenge, expiresAt }
}

/** Spends the challenge (once, whatever the outcome) and, if the signature holds, opens a session. */
export async function openSession(
  db: Db,
  req: { accountId: string; challenge: string; signature: string },
): Promise<{ token: string; expiresAt: Date }> {
  const { rows } = await db.query<{ public_key: DeviceJwk }>(
    `WITH spent AS (
       DELETE FROM session_challenges WHERE challenge = $1 AND account_id = $2 RETURNING expires_at
     )
     SELECT a.public_key FROM spent JOIN accounts a ON a.id = $2 WHERE spent.expires_at > now()`,
    [req.challenge, req.accountId],
  )
  const publicKey = rows[0]?.public_key
  if (!publicKey || !signatureValid(publicKey, req.challenge, req.signature)) {
    throw new ApiFailure(401, 'invalid_signature', 'The challenge is unknown, expired or already used, or the signature does not match.', 'signature')
  }
  const token = randomBytes(32).toString('base64url')
  const expiresAt = new Date(Date.now() + SESSION_TTL_SECONDS * 1000)
  await db.query('DELETE FROM sessions WHERE expires_at < now()')
  await db.query('INSERT INTO sessions (token_hash, account_id, expires_at) VALUES ($1, $2, $3)', [
    hashToken(token),
    req.accountId,
    expiresAt,
  ])
  return { token, expiresAt }
}

/** The account behind a bearer token, or a 401. */
export async function accountForToken(db: Db, cache: SessionCache, authorization: string | undefined): Promise<string> {
  const token = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(authorization ?? '')?.[1]
  if (!token) throw unauthenticated()
  const tokenHash = hashToken(token)
  const known = cache.accountFor(tokenHash)
  if (known) return known
  const { rows } = await db.query<{ account_id: string; expires_at: Date }>(
    'SELECT account_id, expires_at FROM sessions WHERE token_hash = $1 AND expires_at > now()',
    [tokenHash],
  )
  const session = rows[0]
  if (!session) throw unauthenticated()
  cache.remember(tokenHash, session.account_id, new Date(session.expires_at))
  return session.account_id
}
