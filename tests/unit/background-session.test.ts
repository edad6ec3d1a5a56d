import './background-fake-browser.ts'
import 'fake-indexeddb/auto'
import { describe, expect, test, vi } from 'vitest'
import { db } from '../../src/extension/db.ts'
import { routes } from '../../src/shared/api.ts'
import { api as client } from '../../src/extension/background/api.ts'
import { ApiClientError } from '../../src/extension/background/errors.ts'
import { holdForFunds } from '../../src/extension/background/outbox.ts'
import { pollTopup, TOPUP_ALARM, watchTopup } from '../../src/extension/background/topup-watch.ts'
import { alarms } from './background-fake-browser.ts'
import { useApiStandIn } from './support/background.ts'

const api = useApiStandIn()

describe('identity and session', () => {
  test('the first request registers a device key, signs the challenge, and the API accepts the signature', async () => {
    expect(await client.get(routes.wallet)).toMatchObject({ currency: 'USD', balance: 1_000 })
    const device = await db.identity.get('device')
    expect(device?.accountId).toMatch(/^acct_/)
    expect(device?.privateKey.extractable).toBe(false)
    expect(device?.publicKey).toMatchObject({ kty: 'EC', crv: 'P-256' })
    expect(api.sessionsIssued).toBe(1)
  })

  test('a burst of first requests shares one registration and one session', async () => {
    await Promise.all([client.get(routes.wallet), client.get(routes.activity), client.get(routes.creator)])
    await client.get(routes.wallet)
    expect(api.accountsRegistered).toBe(1)
    expect(api.sessionsIssued).toBe(1)
  })

  test('a token the API stops accepting is renewed once, silently', async () => {
    await client.get(routes.wallet)
    api.revokeSessions()
    expect(await client.get(routes.wallet)).toMatchObject({ balance: 1_000 })
    expect(api.sessionsIssued).toBe(2)
    expect(api.accountsRegistered).toBe(1)
  })

  test('an expired token is renewed before it is used', async () => {
    await client.get(routes.wallet)
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 15 * 60_000 })
    await client.get(routes.wallet)
    expect(api.sessionsIssued).toBe(2)
  })

  test('when the API no longer knows the account the caller hears signed_out, and the next try registers afresh', async () => {
    await client.get(routes.wallet)
    await db.wallet.put({ key: 'me', syncedAt: '', accountId: 'old', currency: 'USD', balance: 1, debt: 0, escrowed: [] })
    api.forgetAccounts()
    api.revokeSessions()
    const error = await client.get(routes.wallet).catch((caught: unknown) => caught)
    expect(error).toMatchObject({ code: 'signed_out' })
    expect(await db.identity.count()).toBe(0)
    expect(await db.wallet.count()).toBe(0)

    expect(await client.get(routes.wallet)).toMatchObject({ balance: 1_000 })
    expect(api.accountsRegistered).toBe(2)
  })

  test('API errors keep their code and status', async () => {
    api.tipFailure = { status: 402, code: 'insufficient_funds' }
    try {
      const request = { site: 'x', handle: 'nour', postId: null, postUrl: null, amount: 100, currency: 'USD', note: null } as const
      const error = await client.post(routes.tips, request, { idempotencyKey: crypto.randomUUID() }).catch((caught: unknown) => caught)
      expect(error).toBeInstanceOf(ApiClientError)
      expect(error).toMatchObject({ code: 'insufficient_funds', status: 402 })
    } finally {
      api.tipFailure = null
    }
  })
})

describe('after a top-up starts', () => {
  test('the wallet is polled until the webhook’s credit shows, with no refresh asked for', async () => {
    await watchTopup()
    expect(alarms.has(TOPUP_ALARM)).toBe(true)
    expect((await db.wallet.get('me'))?.balance).toBe(1_000)

    api.setBalance(3_000) // the API's webhook credited the top-up
    await vi.waitFor(async () => expect((await db.wallet.get('me'))?.balance).toBe(3_000), { timeout: 6_000, interval: 200 })
    await vi.waitFor(() => expect(alarms.has(TOPUP_ALARM)).toBe(false))
  })

  test('a tip waiting for funds the balance already covers goes at the first look, and the watch goes on', async () => {
    // Confirmed over a stale balance: a second checkout opened though the first top-up had landed.
    // The API's balance (1,000) pays for it already.
    const request = { site: 'x', handle: 'nour_writes', postId: '1790000000000000002', postUrl: null, amount: 300, currency: 'USD', note: null } as const
    await holdForFunds('funded-0002', request)
    await watchTopup()
    await vi.waitFor(async () => expect(await db.outbox.get('funded-0002')).toMatchObject({ state: 'delivered' }), { timeout: 6_000, interval: 200 })
    expect(api.tipCalls).toEqual([{ idempotencyKey: 'funded-0002', body: request }])
    // The second checkout is still open: its money is watched for.
    expect(alarms.has(TOPUP_ALARM)).toBe(true)
  })

  test('a poll that sees the money land ends its own watch only, not one started meanwhile for another checkout', async () => {
    await watchTopup() // the first checkout's watch: its first look reads 1,000
    api.setBalance(3_000) // that top-up lands
    const realFetch = globalThis.fetch
    let walletAsked = () => {}
    const asking = new Promise<void>((resolve) => (walletAsked = resolve))
    globalThis.fetch = (input, init) => {
      if (String(input).endsWith(routes.wallet)) walletAsked()
      return realFetch(input, init)
    }
    try {
      const older = pollTopup() // its next look is on its way to the API...
      await asking
      await watchTopup() // ...when a second checkout starts its own watch
      await older
    } finally {
      globalThis.fetch = realFetch
    }
    expect(alarms.has(TOPUP_ALARM)).toBe(true)
  })
})
