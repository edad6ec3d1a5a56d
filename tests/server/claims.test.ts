// Handle claims over real HTTP: the API's checkers read the public-API stand-in of Bluesky's
// AppView, Mastodon instances and X's oEmbed (a real HTTP server), the ledger is real (PGlite, and
// Postgres when DATABASE_URL is set), and wallets are funded through the Stripe stand-in.
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { routes } from '../../src/shared/api.ts'
import { startSitesPublicApi, type SitesPublicApi } from '../../src/devkit/sites/public-api.ts'
import { startStripeStandIn, TEST_CARDS, type StripeStandIn } from '../../src/devkit/stripe/index.ts'
import { ConfigError, configFromEnv, startApi, type RunningApi } from '../../src/server/index.ts'
import type { ClaimCheckerBases } from '../../src/server/claims/checkers.ts'
import { returnExpiredTips } from '../../src/server/ledger/index.ts'
import { call, newDevice, type Device } from './support/device.ts'
import { deliver, event } from './support/webhooks.ts'
import { closedPort } from './support/closed-port.ts'

const databaseUrl = process.env.DATABASE_URL
const targets: Array<{ name: string; databaseUrl?: string }> = [{ name: 'PGlite (embedded)' }]
if (databaseUrl) targets.push({ name: 'Postgres (DATABASE_URL)', databaseUrl })
else {
  console.warn('\n*** SKIPPING claims on real Postgres and the concurrent escrow sweep: set DATABASE_URL=postgres://… to run them. ***\n')
  describe.skip('claims on Postgres (set DATABASE_URL to run)', () => {
    test('needs DATABASE_URL', () => undefined)
  })
}

const key = () => `key_${randomBytes(12).toString('hex')}`
const suffix = () => randomBytes(4).toString('hex')
const CODE = /^tipline-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/

/** One API instance with the Stripe stand-in behind it and its claim checkers pointed where asked. */
interface Instance {
  api: RunningApi
  stripe: StripeStandIn
  webhookSecret: string
  close(): Promise<void>
}

async function startInstance(options: { databaseUrl?: string; checkers: ClaimCheckerBases }): Promise<Instance> {
  const stripe = await startStripeStandIn({ port: 0, secretKey: `sk_test_${randomBytes(12).toString('hex')}` })
  const { hostname, port } = new URL(stripe.url)
  const webhookSecret = `whsec_${randomBytes(16).toString('hex')}`
  const api = await startApi({
    port: 0,
    ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}),
    stripe: { secretKey: stripe.secretKey, webhookSecret, host: hostname, port: Number(port), protocol: 'http' },
    claimCheckers: options.checkers,
    rateLimits: { authPerMinute: 0, moneyPerMinute: 0 },
    logger: () => {},
  })
  return {
    api,
    stripe,
    webhookSecret,
    async close() {
      await api.close()
      await stripe.close()
    },
  }
}

async function funded(at: Instance, amount: number): Promise<Device> {
  const reader = await newDevice(at.api.url)
  const started = await reader.post(routes.topups, { amount, currency: 'USD' }, { 'Idempotency-Key': key() })
  expect(started.status).toBe(201)
  const paid = await fetch(`${at.stripe.url}/_control/checkout/sessions/${started.body.checkoutSessionId}/pay`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ card: TEST_CARDS.succeeds }),
  })
  expect(paid.status).toBe(200)
  const delivered = await deliver(at.api.url, at.webhookSecret, event('checkout.session.completed', await paid.json()))
  expect(delivered.status).toBe(200)
  return reader
}

async function tip(reader: Device, site: string, handle: string, amount: number): Promise<void> {
  const sent = await reader.post(
    routes.tips,
    { site, handle, postId: null, postUrl: null, amount, currency: 'USD', note: null },
    { 'Idempotency-Key': key() },
  )
  expect(sent.status, JSON.stringify(sent.body)).toBe(201)
  expect(sent.body.credited).toBe('escrow')
}

/** What the creator posts, as the site would then show it (through the stand-in's controls). */
async function show(sites: SitesPublicApi, what: 'profile' | 'post', body: Record<string, string>): Promise<void> {
  const res = await fetch(`${sites.url}/_control/${what}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  expect(res.status).toBe(200)
}

for (const target of targets) {
  describe(`claims on ${target.name}`, () => {
    let sites: SitesPublicApi
    let at: Instance
    let reader: Device
    beforeAll(async () => {
      sites = await startSitesPublicApi()
      at = await startInstance({ ...(target.databaseUrl ? { databaseUrl: target.databaseUrl } : {}), checkers: sites.checkers })
      reader = await funded(at, 10_000)
    })
    afterAll(async () => {
      await at?.close()
      await sites?.close()
    })

    async function start(creator: Device, site: string, handle: string): Promise<string> {
      const started = await creator.post(routes.claims, { site, handle })
      expect(started.status, JSON.stringify(started.body)).toBe(201)
      expect(started.body).toMatchObject({ site, handle: handle.toLowerCase() })
      expect(started.body.code).toMatch(CODE)
      expect(Date.parse(started.body.expiresAt) - Date.now()).toBeGreaterThan(23.9 * 3_600_000)
      return started.body.code
    }

    test('Bluesky bio: refused until the code is there, then the escrowed tips move to earnings', async () => {
      const handle = `nour${suffix()}.example.com`
      await tip(reader, 'bluesky', handle, 250)
      await tip(reader, 'bluesky', handle, 150)
      const creator = await newDevice(at.api.url)
      const code = await start(creator, 'bluesky', handle)
      expect(await start(creator, 'bluesky', handle)).toBe(code)

      const missing = await creator.post(routes.claimsVerify, { site: 'bluesky', handle })
      expect(missing.status).toBe(422)
      expect(missing.body.error.code).toBe('claim_proof_not_found')

      await show(sites, 'profile', { site: 'bluesky', handle, bio: 'Essays on the sea. tipline-AAAA-BBBB' })
      const wrong = await creator.post(routes.claimsVerify, { site: 'bluesky', handle })
      expect(wrong.status).toBe(422)
      expect(wrong.body.error).toMatchObject({ code: 'claim_code_not_found' })
      expect(wrong.body.error.message).toContain(code)

      await show(sites, 'profile', { site: 'bluesky', handle, bio: `Essays on the sea. ${code}` })
      const verified = await creator.post(routes.claimsVerify, { site: 'bluesky', handle })
      expect(verified.status, JSON.stringify(verified.body)).toBe(200)
      expect(verified.body.handles).toEqual([expect.objectContaining({ site: 'bluesky', handle })])
      expect(verified.body.earnings).toEqual([{ currency: 'USD', amount: 400 }])
      expect(verified.body.tips).toHaveLength(2)

      // A retry whose first answer was lost gets the same state back.
      const again = await creator.post(routes.claimsVerify, { site: 'bluesky', handle })
      expect(again.status).toBe(200)
      expect(again.body.earnings).toEqual([{ currency: 'USD', amount: 400 }])
    })

    test('Bluesky post: another author\'s post is refused by name, the creator\'s own post verifies', async () => {
      const handle = `ada${suffix()}.bsky.social`
      await tip(reader, 'bluesky', handle, 300)
      const creator = await newDevice(at.api.url)
      const code = await start(creator, 'bluesky', handle)
      const rkey = `3k${suffix()}`
      await show(sites, 'post', { site: 'bluesky', handle: 'someone.else.social', id: rkey, text: `copied ${code}` })
      const stolen = await creator.post(routes.claimsVerify, {
        site: 'bluesky', handle, proofUrl: `https://bsky.app/profile/${handle}/post/${rkey}`,
      })
      expect(stolen.status).toBe(422)
      expect(stolen.body.error).toMatchObject({ code: 'claim_handle_mismatch', field: 'proofUrl' })
      expect(stolen.body.error.message).toContain('@someone.else.social')

      const own = `3k${suffix()}`
      await show(sites, 'post', { site: 'bluesky', handle, id: own, text: `Claiming my Tipline: ${code}` })
      const verified = await creator.post(routes.claimsVerify, {
        site: 'bluesky', handle, proofUrl: `https://bsky.app/profile/${handle}/post/${own}`,
      })
      expect(verified.status, JSON.stringify(verified.body)).toBe(200)
      expect(verified.body.earnings).toEqual([{ currency: 'USD', amount: 300 }])
    })

    test('Mastodon note and status, on the handle\'s own instance', async () => {
      const bioHandle = `nour${suffix()}@mastodon.social`
      await tip(reader, 'mastodon', bioHandle, 500)
      const creator = await newDevice(at.api.url)
      const code = await start(creator, 'mastodon', bioHandle)
      await show(sites, 'profile', { site: 'mastodon', handle: bioHandle, bio: `Writer. <${code}>` })
      const byNote = await creator.post(routes.claimsVerify, { site: 'mastodon', handle: bioHandle })
      expect(byNote.status, JSON.stringify(byNote.body)).toBe(200)
      expect(byNote.body.earnings).toEqual([{ currency: 'USD', amount: 500 }])

      const user = `grace${suffix()}`
      const postHandle = `${user}@hachyderm.io`
      await tip(reader, 'mastodon', postHandle, 120)
      const other = await newDevice(at.api.url)
      const otherCode = await start(other, 'mastodon', postHandle)
      const id = String(100_000 + Math.floor(Math.random() * 1e9))
      await show(sites, 'post', { site: 'mastodon', handle: postHandle, id, text: `verifying ${otherCode}` })
      const elsewhere = await other.post(routes.claimsVerify, {
        site: 'mastodon', handle: postHandle, proofUrl: `https://mastodon.social/@${user}/${id}`,
      })
      expect(elsewhere.status).toBe(400)
      expect(elsewhere.body.error.code).toBe('claim_proof_url_invalid')
      const byStatus = await other.post(routes.claimsVerify, {
        site: 'mastodon', handle: postHandle, proofUrl: `https://hachyderm.io/@${user}/${id}`,
      })
      expect(byStatus.status, JSON.stringify(byStatus.body)).toBe(200)
      expect(byStatus.body.earnings).toEqual([{ currency: 'USD', amount: 120 }])

      const noInstance = await other.post(routes.claims, { site: 'mastodon', handle: user })
      expect(noInstance.status).toBe(400)
      expect(noInstance.body.error).toMatchObject({ code: 'claim_handle_invalid', field: 'handle' })
      const address = await other.post(routes.claims, { site: 'mastodon', handle: `${user}@127.0.0.1` })
      expect(address.body.error).toMatchObject({ code: 'claim_handle_invalid' })
    })

    test('X: a post through oEmbed; its author must be the handle and its text must carry the code', async () => {
      const handle = `writer_${suffix()}`
      await tip(reader, 'x', handle, 700)
      const creator = await newDevice(at.api.url)
      const code = await start(creator, 'x', handle)

      const noPost = await creator.post(routes.claimsVerify, { site: 'x', handle })
      expect(noPost.status).toBe(400)
      expect(noPost.body.error).toMatchObject({ code: 'claim_proof_url_invalid', field: 'proofUrl' })

      await show(sites, 'post', { site: 'x', handle: 'impostor', id: '1860000000000000001', text: code })
      const stolen = await creator.post(routes.claimsVerify, { site: 'x', handle, proofUrl: `https://x.com/${handle}/status/1860000000000000001` })
      expect(stolen.body.error).toMatchObject({ code: 'claim_handle_mismatch' })

      await show(sites, 'post', { site: 'x', handle, id: '1860000000000000002', text: 'Hello & welcome' })
      const wrongText = await creator.post(routes.claimsVerify, { site: 'x', handle, proofUrl: `https://x.com/${handle}/status/1860000000000000002` })
      expect(wrongText.body.error).toMatchObject({ code: 'claim_code_not_found' })

      const gone = await creator.post(routes.claimsVerify, { site: 'x', handle, proofUrl: `https://x.com/${handle}/status/1869999999999999999` })
      expect(gone.status).toBe(422)
      expect(gone.body.error.code).toBe('claim_proof_not_found')

      await show(sites, 'post', { site: 'x', handle, id: '1860000000000000003', text: `My Tipline code: ${code}` })
      const verified = await creator.post(routes.claimsVerify, { site: 'x', handle, proofUrl: `https://twitter.com/${handle}/status/1860000000000000003` })
      expect(verified.status, JSON.stringify(verified.body)).toBe(200)
      expect(verified.body.earnings).toEqual([{ currency: 'USD', amount: 700 }])
    })

    test('a handle belongs to one account: a second account gets 409 handle_taken, even after posting its own code', async () => {
      const handle = `sam${suffix()}.bsky.social`
      const first = await newDevice(at.api.url)
      const second = await newDevice(at.api.url)
      const firstCode = await start(first, 'bluesky', handle)
      const secondCode = await start(second, 'bluesky', handle)
      expect(secondCode).not.toBe(firstCode)
      await show(sites, 'profile', { site: 'bluesky', handle, bio: `${firstCode} ${secondCode}` })
      expect((await first.post(routes.claimsVerify, { site: 'bluesky', handle })).status).toBe(200)

      const late = await second.post(routes.claimsVerify, { site: 'bluesky', handle })
      expect(late.status).toBe(409)
      expect(late.body.error.code).toBe('handle_taken')
      expect(late.body.error.message).toBe(`${handle} on bluesky is already claimed by another account.`)
      const restart = await second.post(routes.claims, { site: 'bluesky', handle })
      expect(restart.status).toBe(409)
      expect(restart.body.error.code).toBe('handle_taken')
      expect((await second.get(routes.creator)).body.handles).toEqual([])
    })

    test('release: the handle is free again, later tips wait in escrow, and someone else may claim it', async () => {
      const handle = `kettle${suffix()}.example.org`
      const owner = await newDevice(at.api.url)
      await show(sites, 'profile', { site: 'bluesky', handle, bio: await start(owner, 'bluesky', handle) })
      expect((await owner.post(routes.claimsVerify, { site: 'bluesky', handle })).status).toBe(200)

      const stranger = await newDevice(at.api.url)
      const notTheirs = await stranger.post(routes.claimsRelease, { site: 'bluesky', handle })
      expect(notTheirs.status).toBe(404)
      expect(notTheirs.body.error.code).toBe('handle_not_yours')

      const released = await owner.post(routes.claimsRelease, { site: 'bluesky', handle })
      expect(released.status).toBe(200)
      expect(released.body.handles).toEqual([])
      expect((await owner.post(routes.claimsRelease, { site: 'bluesky', handle })).status).toBe(200)
      await tip(reader, 'bluesky', handle, 90)

      await show(sites, 'profile', { site: 'bluesky', handle, bio: await start(stranger, 'bluesky', handle) })
      const claimed = await stranger.post(routes.claimsVerify, { site: 'bluesky', handle })
      expect(claimed.status).toBe(200)
      expect(claimed.body.earnings).toEqual([{ currency: 'USD', amount: 90 }])
    })

    test('the development shortcut is announced only when the API takes it', async () => {
      expect((await call(at.api.url, 'GET', routes.claimsConfig)).body).toEqual({ devClaims: false })
      const creator = await newDevice(at.api.url)
      expect((await creator.post(routes.devClaim, { site: 'x', handle: 'no_shortcut' })).status).toBe(404)
    })

    test('verify needs a code first', async () => {
      const creator = await newDevice(at.api.url)
      const unstarted = await creator.post(routes.claimsVerify, { site: 'x', handle: 'nobody_started', proofUrl: 'https://x.com/nobody_started/status/1' })
      expect(unstarted.status).toBe(404)
      expect(unstarted.body.error.code).toBe('claim_not_started')
    })
  })
}

describe('a site that cannot be reached', () => {
  let at: Instance
  beforeAll(async () => {
    const closed = await closedPort()
    at = await startInstance({ checkers: { bluesky: `http://127.0.0.1:${closed}`, x: `http://127.0.0.1:${closed}` } })
  })
  afterAll(async () => {
    await at?.close()
  })

  test('is named as unreachable, and the code stays good for a retry', async () => {
    const creator = await newDevice(at.api.url)
    const started = await creator.post(routes.claims, { site: 'bluesky', handle: 'nour.example.com' })
    const refused = await creator.post(routes.claimsVerify, { site: 'bluesky', handle: 'nour.example.com' })
    expect(refused.status).toBe(502)
    expect(refused.body.error.code).toBe('claim_site_unreachable')
    expect(refused.body.error.message).toMatch(/^Bluesky could not be checked right now/)
    expect((await creator.post(routes.claims, { site: 'bluesky', handle: 'nour.example.com' })).body.code).toBe(started.body.code)
  })
})

describe.runIf(databaseUrl)('the escrow sweep on two API instances at once (Postgres)', () => {
  let sites: SitesPublicApi
  let one: Instance
  let two: Instance
  beforeAll(async () => {
    sites = await startSitesPublicApi()
    one = await startInstance({ databaseUrl: databaseUrl!, checkers: sites.checkers })
    two = await startInstance({ databaseUrl: databaseUrl!, checkers: sites.checkers })
  })
  afterAll(async () => {
    await one?.close()
    await two?.close()
    await sites?.close()
  })

  test('returns each expired tip exactly once, to its tipper', async () => {
    const readers = await Promise.all([funded(one, 5_000), funded(one, 5_000), funded(one, 5_000)])
    const handles = Array.from({ length: 6 }, () => `gone_${suffix()}`)
    const tips = readers.flatMap((reader, r) => handles.flatMap((handle, h) => Array.from({ length: 4 }, () => ({ reader, handle, amount: 10 + r * 7 + h }))))
    for (const t of tips) await tip(t.reader, 'x', t.handle, t.amount)
    const { rows: ids } = await one.api.db.query<{ id: string }>('SELECT id FROM tips WHERE handle = ANY($1::text[])', [handles])
    expect(ids).toHaveLength(tips.length)

    const later = new Date(Date.now() + 91 * 86_400_000)
    const [a, b] = await Promise.all([returnExpiredTips(one.api.db, later), returnExpiredTips(two.api.db, later)])
    // Other suites' tips on this database may be due too; ours must be among them, each once.
    expect(a + b).toBeGreaterThanOrEqual(tips.length)
    const { rows: expiries } = await one.api.db.query<{ tip: string; n: number }>(
      `SELECT metadata->>'tip' AS tip, count(*)::int AS n FROM ledger_transactions
       WHERE kind = 'expiry' AND metadata->>'tip' = ANY($1::text[]) GROUP BY 1`,
      [ids.map((row) => row.id)],
    )
    expect(expiries).toHaveLength(tips.length)
    expect(expiries.every((e) => e.n === 1)).toBe(true)
    for (const reader of readers) expect((await reader.get(routes.wallet)).body.balance).toBe(5_000)
  })
})

describe('claim checker configuration', () => {
  const required = { STRIPE_SECRET_KEY: 'sk_test_config', STRIPE_WEBHOOK_SECRET: 'whsec_config' }

  test('each base URL comes from its variable; unset ones stay the sites\' own', () => {
    const config = configFromEnv({ ...required, TIPLINE_CLAIM_BLUESKY_URL: 'http://127.0.0.1:9/bluesky', TIPLINE_CLAIM_MASTODON_URL: 'http://127.0.0.1:9/mastodon' })
    expect(config.claimCheckers).toEqual({ bluesky: 'http://127.0.0.1:9/bluesky', mastodon: 'http://127.0.0.1:9/mastodon' })
  })

  test('a base that is not an http(s) URL is refused at start, by name', () => {
    expect(() => configFromEnv({ ...required, TIPLINE_CLAIM_X_URL: 'ftp://oembed.example' })).toThrow(ConfigError)
    expect(() => configFromEnv({ ...required, TIPLINE_CLAIM_X_URL: 'not a url' })).toThrow(/TIPLINE_CLAIM_X_URL/)
  })
})
