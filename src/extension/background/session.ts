// The session: a short-lived token the API gives for a signed challenge. It lives in
// storage.session (memory only, survives the worker being stopped, gone when the browser closes),
// and is renewed silently when it runs out or the API stops accepting it.
import browser from 'webextension-polyfill'
import { ChallengeResponse, SessionResponse, routes } from '../../shared/api.ts'
import { ApiClientError, BackgroundError } from './errors.ts'
import { callApi } from './http.ts'
import { db } from '../db.ts'
import { deviceIdentity, forgetDevice } from './identity.ts'

const SESSION_KEY = 'session'
/** Renew a little early so a token does not expire between reading it and the API checking it. */
const RENEW_MARGIN_MS = 30_000

interface StoredSession {
  token: string
  expiresAt: string
}

let renewing: Promise<string> | null = null

export async function sessionToken(): Promise<string> {
  const stored = (await browser.storage.session.get(SESSION_KEY))[SESSION_KEY] as StoredSession | undefined
  if (stored && Date.parse(stored.expiresAt) - RENEW_MARGIN_MS > Date.now()) return stored.token
  return renewSession()
}

/** A new token; concurrent callers (a burst of requests on a fresh worker) share one sign-in. */
export function renewSession(): Promise<string> {
  renewing ??= signIn().finally(() => {
    renewing = null
  })
  return renewing
}

/** Forget the session and the device; tips still in the outbox would go out from the next account, so they go too. */
export async function signOut(): Promise<void> {
  await browser.storage.session.remove(SESSION_KEY)
  await forgetDevice()
  await db.outbox.clear()
}

async function signIn(): Promise<string> {
  const device = await deviceIdentity()
  const { challenge } = await askChallenge(device.accountId)
  const signature = await sign(device.privateKey, challenge)
  const session = await callApi('POST', routes.sessions, SessionResponse, {
    body: { accountId: device.accountId, challenge, signature },
  })
  await browser.storage.session.set({ [SESSION_KEY]: session satisfies StoredSession })
  return session.token
}

async function askChallenge(accountId: string) {
  try {
    return await callApi('POST', routes.challenge, ChallengeResponse, { body: { accountId } })
  } catch (error) {
    if (error instanceof ApiClientError && (error.status === 404 || error.status === 401)) {
      await browser.storage.session.remove(SESSION_KEY)
      await forgetDevice()
      throw new BackgroundError('signed_out', 'The payments server no longer knows this device; Tipline will register it again.')
    }
    throw error
  }
}

/** WebCrypto's ECDSA signature is already the raw r||s (P1363) form the API expects. */
async function sign(privateKey: CryptoKey, challenge: string): Promise<string> {
  const signature = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, privateKey, new TextEncoder().encode(challenge))
  return base64url(new Uint8Array(signature))
}

function base64url(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}
