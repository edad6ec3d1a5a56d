// The device's identity: an ECDSA P-256 key pair made once, whose public half registered an
// account with the API. The private key is non-extractable, so not even this code can copy it
// out of WebCrypto; IndexedDB stores the CryptoKey object itself.
import { RegisterResponse, routes } from '../../shared/api.ts'
import { db, type DeviceIdentity } from '../db.ts'
import { callApi } from './http.ts'

let registering: Promise<DeviceIdentity> | null = null

/** The stored identity, or a freshly registered one; concurrent first callers share one registration. */
export async function deviceIdentity(): Promise<DeviceIdentity> {
  const stored = await db.identity.get('device')
  if (stored) return stored
  registering ??= register().finally(() => {
    registering = null
  })
  return registering
}

/** The API no longer knows this account: drop the key and everything cached for it. */
export async function forgetDevice(): Promise<void> {
  const cached = [db.identity, db.wallet, db.activity, db.creator, db.creators, db.tipped, db.received, db.receivedTotals]
  await db.transaction('rw', cached, () => Promise.all(cached.map((table) => table.clear())))
}

async function register(): Promise<DeviceIdentity> {
  const keys = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify'])
  const publicKey = await crypto.subtle.exportKey('jwk', keys.publicKey)
  if (!publicKey.x || !publicKey.y) throw new Error('WebCrypto exported a P-256 public key without coordinates')
  const { accountId } = await callApi('POST', routes.accounts, RegisterResponse, {
    body: { publicKey: { kty: 'EC', crv: 'P-256', x: publicKey.x, y: publicKey.y } },
  })
  const device: DeviceIdentity = { key: 'device', accountId, privateKey: keys.privateKey, publicKey }
  await db.identity.put(device)
  return device
}
