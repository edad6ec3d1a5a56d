// A small payments API for the background's tests, speaking src/shared/api.ts over real HTTP:
// registration, signed-challenge sessions (the signature is verified with WebCrypto), wallet,
// activity, creator, tips and top-ups. It records every tip request so a test can count
// deliveries per idempotency key, and can be told to be down, broken or forgetful.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { randomUUID } from 'node:crypto'
import { ZodError } from 'zod'
import {
  ChallengeRequest,
  IDEMPOTENCY_HEADER,
  RegisterRequest,
  SessionRequest,
  TipRequest,
  routes, type TipReceipt, type WalletView } from '../../src/shared/api.ts'

export interface TipCall {
  idempotencyKey: string | undefined
  body: unknown
}

export interface ApiStandIn {
  url: string
  tipCalls: TipCall[]
  accountsRegistered: number
  sessionsIssued: number
  /** Answer every tip with this error instead of booking it; null books tips. */
  tipFailure: { status: number; code: string } | null
  /** Tokens stop working, as when they expire early or the API restarts. */
  revokeSessions(): void
  /** Every account is forgotten, as after the API's database is reset. */
  forgetAccounts(): void
  setBalance(balance: number): void
  /** Records, counts, the failure and the balance back to where they start; accounts and sessions stay. */
  reset(): void
  /** Starts answering; url is set from then on. */
  listen(): Promise<void>
  close(): Promise<void>
}

const START_BALANCE = 1_000

export function apiStandIn(): ApiStandIn {
  const accounts = new Map<string, CryptoKey>()
  const challenges = new Map<string, string>()
  const tokens = new Set<string>()
  const receipts = new Map<string, TipReceipt>()
  let balance = START_BALANCE

  const stand: ApiStandIn = {
    url: '',
    tipCalls: [],
    accountsRegistered: 0,
    sessionsIssued: 0,
    tipFailure: null,
    revokeSessions: () => tokens.clear(),
    forgetAccounts: () => accounts.clear(),
    setBalance: (value) => {
      balance = value
    },
    reset: () => {
      stand.tipCalls.length = 0
      stand.accountsRegistered = 0
      stand.sessionsIssued = 0
      stand.tipFailure = null
      balance = START_BALANCE
    },
    listen: async () => {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
      stand.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }

  async function answer(request: IncomingMessage): Promise<[number, unknown]> {
    const path = new URL(request.url ?? '/', 'http://stand-in').pathname
    const body = request.method === 'POST' ? await readJson(request) : undefined
    if (path === routes.accounts) {
      const { publicKey } = RegisterRequest.parse(body)
      const accountId = `acct_${randomUUID()}`
      const key = await crypto.subtle.importKey('jwk', publicKey, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify'])
      accounts.set(accountId, key)
      stand.accountsRegistered += 1
      return [201, { accountId }]
    }
    if (path === routes.challenge) {
      const { accountId } = ChallengeRequest.parse(body)
      if (!accounts.has(accountId)) return failure(404, 'unknown_account')
      const challenge = randomUUID()
      challenges.set(challenge, accountId)
      return [200, { challenge, expiresAt: new Date(Date.now() + 60_000).toISOString() }]
    }
    if (path === routes.sessions) {
      const signed = SessionRequest.parse(body)
      const key = accounts.get(signed.accountId)
      const signature = Buffer.from(signed.signature, 'base64url')
      const valid =
        key !== undefined &&
        challenges.get(signed.challenge) === signed.accountId &&
        (await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, signature, new TextEncoder().encode(signed.challenge)))
      challenges.delete(signed.challenge)
      if (!valid) return failure(401, 'bad_signature')
      const token = randomUUID()
      tokens.add(token)
      stand.sessionsIssued += 1
      return [201, { token, expiresAt: new Date(Date.now() + 15 * 60_000).toISOString() }]
    }
    const token = request.headers.authorization?.replace(/^Bearer /, '')
    if (!token || !tokens.has(token)) return failure(401, 'unauthorized')
    if (path === routes.wallet) return [200, { accountId: 'me', currency: 'USD', balance, debt: 0, escrowed: [] } satisfies WalletView]
    if (path === routes.activity) return [200, { items: [], nextCursor: null }]
    if (path === routes.creator) return [200, { handles: [], earnings: [], tips: [] }]
    if (path === routes.topups) return [201, { checkoutSessionId: 'cs_test_1', checkoutUrl: `${stand.url}/checkout/cs_test_1` }]
    if (path === routes.tips) return tip(request.headers[IDEMPOTENCY_HEADER.toLowerCase()] as string | undefined, body)
    return failure(404, 'not_found')
  }

  function tip(idempotencyKey: string | undefined, body: unknown): [number, unknown] {
    stand.tipCalls.push({ idempotencyKey, body })
    if (stand.tipFailure) return failure(stand.tipFailure.status, stand.tipFailure.code)
    if (!idempotencyKey) return failure(400, 'idempotency_key_required')
    const request = TipRequest.parse(body)
    const booked = receipts.get(idempotencyKey)
    if (booked) return [200, booked]
    balance -= request.amount
    const receipt: TipReceipt = {
      id: `tip_${receipts.size + 1}`,
      site: request.site,
      handle: request.handle,
      postId: request.postId,
      amount: request.amount,
      currency: request.currency,
      credited: 'escrow',
      balanceAfter: balance,
      createdAt: new Date().toISOString(),
    }
    receipts.set(idempotencyKey, receipt)
    return [201, receipt]
  }

  const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    answer(request)
      .then(([status, payload]) => {
        response.writeHead(status, { 'content-type': 'application/json' })
        response.end(JSON.stringify(payload))
      })
      .catch((error: unknown) => {
        // A body off the contract is the worker's bug: a 400, so no retry hides it.
        const [status, code] = error instanceof ZodError ? [400, 'invalid_request'] : [500, 'stand_in_broke']
        response.writeHead(status, { 'content-type': 'application/json' })
        response.end(JSON.stringify({ error: { code, message: String(error) } }))
      })
  })
  return stand
}

function failure(status: number, code: string): [number, unknown] {
  return [status, { error: { code, message: `stand-in says ${code}` } }]
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  return JSON.parse(Buffer.concat(chunks).toString('utf8'))
}
