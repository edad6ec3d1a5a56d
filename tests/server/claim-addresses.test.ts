// A claim check that reads a real site connects only to public addresses: real sockets, real DNS
// for "localhost", and local servers that count every connection they receive. The loopback
// address 127.0.0.3 stands in for a public site where a test needs one that answers.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, test } from 'vitest'
import { AddressRefused, isPublicAddress, PUBLIC_ONLY, type AddressPolicy } from '../../src/server/claims/public-address.ts'
import { publicJsonReader } from '../../src/server/claims/public-json.ts'
import { getFromSite, UnreadableAnswer } from '../../src/server/claims/site-request.ts'
import { ApiFailure } from '../../src/server/http/errors.ts'

const LIMITS = { timeoutMs: 5_000, maxBytes: 1_000_000, maxRedirects: 3 }
const STAND_IN_PUBLIC = '127.0.0.3'

/** Public addresses as the system resolves them, except names of the test's own that resolve where it says. */
function policyWith(names: Record<string, string>): AddressPolicy {
  return {
    resolve: async (hostname) => {
      const address = names[hostname]
      return address ? [{ address, family: 4 }] : PUBLIC_ONLY.resolve(hostname)
    },
    allows: (address) => address === STAND_IN_PUBLIC || isPublicAddress(address),
  }
}

interface Site {
  port: number
  /** TCP connections accepted, whether or not a request came over them. */
  connections: number
  requests: string[]
}

const servers: Server[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((done) => server.close(done))))
})

async function site(host: string, answer: (path: string, res: import('node:http').ServerResponse) => void): Promise<Site> {
  const seen: Site = { port: 0, connections: 0, requests: [] }
  const server = createServer((req, res) => {
    seen.requests.push(req.url ?? '')
    answer(req.url ?? '', res)
  })
  server.on('connection', () => seen.connections++)
  servers.push(server)
  await new Promise<void>((listening) => server.listen(0, host, listening))
  seen.port = (server.address() as AddressInfo).port
  return seen
}

const json = (res: import('node:http').ServerResponse, body: unknown) => {
  res.setHeader('content-type', 'application/json')
  res.end(JSON.stringify(body))
}

describe('which addresses are public', () => {
  test.each([
    '8.8.8.8',
    '1.1.1.1',
    '93.184.216.34',
    '172.15.255.255',
    '172.32.0.0',
    '100.63.255.255',
    '100.128.0.0',
    '2606:4700:4700::1111',
    '2a00:1450:4001:82b::200e',
  ])('%s is public', (address) => {
    expect(isPublicAddress(address)).toBe(true)
  })

  test.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['10.0.0.1', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'link-local (cloud metadata)'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['192.0.2.10', 'documentation'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
    ['::ffff:8.8.8.8', 'IPv4-mapped'],
    ['::ffff:7f00:1', 'IPv4-mapped loopback, in hex'],
    ['fc00::1', 'unique-local'],
    ['fd12:3456::1', 'unique-local'],
    ['fe80::1', 'link-local'],
    ['ff02::1', 'multicast'],
    ['2001:db8::1', 'documentation'],
    ['2002:7f00:1::1', '6to4 around 127.0.0.1'],
    ['64:ff9b::7f00:1', 'NAT64 around 127.0.0.1'],
    ['localhost', 'not an address'],
    ['', 'not an address'],
  ])('%s is refused (%s)', (address) => {
    expect(isPublicAddress(address)).toBe(false)
  })
})

describe('a read of a real site', () => {
  test('a name that resolves to 127.0.0.1 is refused before any connection is made', async () => {
    const inside = await site('127.0.0.1', (_, res) => json(res, { secret: true }))
    const refused = getFromSite(new URL(`http://localhost:${inside.port}/api/v1/accounts/lookup`), PUBLIC_ONLY, LIMITS)
    await expect(refused).rejects.toThrow(AddressRefused)
    await expect(refused).rejects.toMatchObject({ hostname: 'localhost', address: expect.stringMatching(/^(127\.0\.0\.1|::1)$/) })
    expect(inside.connections).toBe(0)
    expect(inside.requests).toEqual([])
  })

  test('a name that resolved to a public address once and to loopback at connect time is refused', async () => {
    const inside = await site('127.0.0.1', (_, res) => json(res, { secret: true }))
    const answers = ['93.184.216.34', '127.0.0.1']
    const rebinding: AddressPolicy = {
      resolve: async () => [{ address: answers.shift() ?? '127.0.0.1', family: 4 }],
      allows: isPublicAddress,
    }
    expect(await rebinding.resolve('rebind.example')).toEqual([{ address: '93.184.216.34', family: 4 }])
    await expect(getFromSite(new URL(`http://rebind.example:${inside.port}/`), rebinding, LIMITS)).rejects.toThrow(AddressRefused)
    expect(inside.connections).toBe(0)
  })

  test('a name with a public and a private address is refused', async () => {
    const inside = await site('127.0.0.1', (_, res) => json(res, {}))
    const mixed: AddressPolicy = {
      resolve: async () => [
        { address: '127.0.0.1', family: 4 },
        { address: '93.184.216.34', family: 4 },
      ],
      allows: isPublicAddress,
    }
    await expect(getFromSite(new URL(`http://mixed.example:${inside.port}/`), mixed, LIMITS)).rejects.toThrow(AddressRefused)
    expect(inside.connections).toBe(0)
  })

  test('an address written in the URL is refused without connecting', async () => {
    const inside = await site('127.0.0.1', (_, res) => json(res, {}))
    await expect(getFromSite(new URL(`http://127.0.0.1:${inside.port}/`), PUBLIC_ONLY, LIMITS)).rejects.toThrow(AddressRefused)
    await expect(getFromSite(new URL(`http://[::ffff:127.0.0.1]:${inside.port}/`), PUBLIC_ONLY, LIMITS)).rejects.toThrow(AddressRefused)
    expect(inside.connections).toBe(0)
  })

  test('a redirect to a private address is refused, and the private server never hears of it', async () => {
    const inside = await site('127.0.0.1', (_, res) => json(res, { secret: true }))
    const outside = await site(STAND_IN_PUBLIC, (_, res) => {
      res.writeHead(302, { location: `http://localhost:${inside.port}/latest/meta-data/` }).end()
    })
    const policy = policyWith({ 'mastodon.example': STAND_IN_PUBLIC })
    const refused = getFromSite(new URL(`http://mastodon.example:${outside.port}/api/v1/statuses/1`), policy, LIMITS)
    await expect(refused).rejects.toMatchObject({ name: 'AddressRefused', hostname: 'localhost' })
    expect(outside.requests).toEqual(['/api/v1/statuses/1'])
    expect(inside.connections).toBe(0)
  })

  test('a redirect to a public address is followed, through the same check', async () => {
    const outside = await site(STAND_IN_PUBLIC, (path, res) => {
      if (path === '/old') res.writeHead(301, { location: '/api/v1/accounts/lookup?acct=nour' }).end()
      else json(res, { acct: 'nour' })
    })
    const policy = policyWith({ 'mastodon.example': STAND_IN_PUBLIC })
    const answer = await getFromSite(new URL(`http://mastodon.example:${outside.port}/old`), policy, LIMITS)
    expect(answer).toEqual({ status: 200, text: '{"acct":"nour"}' })
    expect(outside.requests).toEqual(['/old', '/api/v1/accounts/lookup?acct=nour'])
  })

  test('redirects beyond the limit are refused', async () => {
    const outside = await site(STAND_IN_PUBLIC, (path, res) => res.writeHead(302, { location: `${path}x` }).end())
    const policy = policyWith({ 'loop.example': STAND_IN_PUBLIC })
    await expect(getFromSite(new URL(`http://loop.example:${outside.port}/`), policy, LIMITS)).rejects.toThrow(UnreadableAnswer)
    expect(outside.requests).toEqual(['/', '/x', '/xx', '/xxx'])
  })

  test('an answer larger than the limit is cut off, with or without its length said up front', async () => {
    const chunk = Buffer.alloc(64 * 1024, 'a')
    const outside = await site(STAND_IN_PUBLIC, (path, res) => {
      if (path === '/said') res.setHeader('content-length', String(2 * LIMITS.maxBytes))
      let sent = 0
      const more = () => {
        while (sent < 2 * LIMITS.maxBytes) {
          sent += chunk.length
          if (!res.write(chunk)) return void res.once('drain', more)
        }
        res.end()
      }
      res.on('error', () => undefined)
      more()
    })
    const policy = policyWith({ 'big.example': STAND_IN_PUBLIC })
    for (const path of ['/said', '/streamed']) {
      await expect(getFromSite(new URL(`http://big.example:${outside.port}${path}`), policy, LIMITS)).rejects.toMatchObject({
        name: 'UnreadableAnswer',
        why: `an answer larger than ${LIMITS.maxBytes} bytes`,
      })
    }
  })

  test('a site that does not answer in time is given up on', async () => {
    const silent = await site(STAND_IN_PUBLIC, () => undefined)
    const policy = policyWith({ 'slow.example': STAND_IN_PUBLIC })
    const started = Date.now()
    await expect(getFromSite(new URL(`http://slow.example:${silent.port}/`), policy, { ...LIMITS, timeoutMs: 300 })).rejects.toMatchObject({
      name: 'TimeoutError',
    })
    expect(Date.now() - started).toBeLessThan(3_000)
  })
})

describe('what the creator is told', () => {
  test('a refused address is the site not being public, and it is logged', async () => {
    const inside = await site('127.0.0.1', (_, res) => json(res, {}))
    const lines: Array<Record<string, unknown>> = []
    const read = publicJsonReader(PUBLIC_ONLY, (line) => lines.push(line))
    const failure = await read('Mastodon (localhost)', new URL(`http://localhost:${inside.port}/api/v1/statuses/1`)).catch((e: unknown) => e)
    expect(failure).toBeInstanceOf(ApiFailure)
    expect((failure as ApiFailure).body()).toEqual({
      error: {
        code: 'claim_site_unreachable',
        message:
          'Mastodon (localhost) could not be checked: localhost is not at a public internet address, and claims are only checked on public sites.',
      },
    })
    expect(lines).toEqual([
      expect.objectContaining({ msg: 'claim check refused a non-public address', site: 'Mastodon (localhost)', host: 'localhost' }),
    ])
    expect(inside.connections).toBe(0)
  })

  test('a configured checker base is read wherever it is, loopback included', async () => {
    const standIn = await site('127.0.0.1', (_, res) => json(res, { acct: 'nour' }))
    const read = publicJsonReader(null, () => undefined)
    expect(await read('Mastodon (mastodon.social)', new URL(`http://localhost:${standIn.port}/mastodon.social/api/v1/accounts/lookup`))).toEqual({
      found: true,
      body: { acct: 'nour' },
    })
  })
})
