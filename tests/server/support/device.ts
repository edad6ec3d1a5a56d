// A reader's device as the extension is one: a WebCrypto P-256 key, registration, a signed
// challenge for a session token, then JSON calls with the token.
import { routes } from '../../../src/shared/api.ts'

// Response bodies are what the tests assert on, field by field; typing them loosely keeps those
// assertions readable, and toEqual/toMatchObject check the shapes.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any

export interface Reply<T = Json> {
  status: number
  body: T
}

export interface Device {
  accountId: string
  token: string
  get<T = Json>(path: string): Promise<Reply<T>>
  post<T = Json>(path: string, body: unknown, headers?: Record<string, string>): Promise<Reply<T>>
}

export async function call<T = Json>(
  baseUrl: string,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Reply<T>> {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  const text = await res.text()
  return { status: res.status, body: text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text }
}

export async function newDevice(baseUrl: string): Promise<Device & { keys: CryptoKeyPair }> {
  const keys = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify'])
  const publicKey = await crypto.subtle.exportKey('jwk', keys.publicKey)
  const registered = await call(baseUrl, 'POST', routes.accounts, {
    publicKey: { kty: publicKey.kty, crv: publicKey.crv, x: publicKey.x, y: publicKey.y },
  })
  if (registered.status !== 201) throw new Error(`register failed: ${JSON.stringify(registered.body)}`)
  const accountId: string = registered.body.accountId
  const token = await signIn(baseUrl, accountId, keys.privateKey)
  const auth = { authorization: `Bearer ${token}` }
  return {
    accountId,
    token,
    keys,
    get: (path) => call(baseUrl, 'GET', path, undefined, auth),
    post: (path, body, headers = {}) => call(baseUrl, 'POST', path, body, { ...auth, ...headers }),
  }
}

export async function sign(privateKey: CryptoKey, message: string): Promise<string> {
  const signature = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, privateKey, new TextEncoder().encode(message))
  return Buffer.from(signature).toString('base64url')
}

export async function signIn(baseUrl: string, accountId: string, privateKey: CryptoKey): Promise<string> {
  const { body: challenge } = await call(baseUrl, 'POST', routes.challenge, { accountId })
  const session = await call(baseUrl, 'POST', routes.sessions, {
    accountId,
    challenge: challenge.challenge,
    signature: await sign(privateKey, challenge.challenge),
  })
  if (session.status !== 201) throw new Error(`session failed: ${JSON.stringify(session.body)}`)
  return session.body.token
}
