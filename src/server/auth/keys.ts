// Device keys: ECDSA P-256, made by WebCrypto in the extension. Signatures arrive as raw r||s
// (IEEE P1363), WebCrypto's format, not DER.
import { createPublicKey, verify, type KeyObject } from 'node:crypto'

export interface DeviceJwk {
  kty: 'EC'
  crv: 'P-256'
  x: string
  y: string
}

/** Throws when the coordinates are not a point on P-256. */
export function importDeviceKey(jwk: DeviceJwk): KeyObject {
  return createPublicKey({ key: { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y }, format: 'jwk' })
}

/** The same device registering again gets the same account: its key's coordinates identify it. */
export const deviceKeyId = (jwk: DeviceJwk) => `${jwk.x}.${jwk.y}`

export function signatureValid(jwk: DeviceJwk, message: string, signatureB64url: string): boolean {
  const signature = Buffer.from(signatureB64url, 'base64url')
  if (signature.length !== 64) return false
  return verify('sha256', Buffer.from(message, 'utf8'), { key: importDeviceKey(jwk), dsaEncoding: 'ieee-p1363' }, signature)
}
