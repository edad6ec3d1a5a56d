// Graceful shutdown over real sockets: a request already in flight when the API is told to stop
// still gets its answer; idle keep-alive connections do not hold the stop up; and a client that
// never finishes its request is cut off after the grace period instead of keeping the process
// alive for ever.
import { connect, type Socket } from 'node:net'
import { afterEach, describe, expect, test } from 'vitest'
import { startStripeStandIn, type StripeStandIn } from '../../src/devkit/stripe/index.ts'
import { startApi, type RunningApi } from '../../src/server/index.ts'
import { routes } from '../../src/shared/api.ts'

let stripe: StripeStandIn
let api: RunningApi

async function start(shutdownGraceMs: number): Promise<void> {
  stripe = await startStripeStandIn({ port: 0 })
  const { hostname, port } = new URL(stripe.url)
  api = await startApi({
    port: 0,
    stripe: { secretKey: stripe.secretKey, webhookSecret: 'whsec_shutdown', host: hostname, port: Number(port), protocol: 'http' },
    shutdownGraceMs,
    logger: () => {},
  })
}

afterEach(async () => {
  await stripe?.close()
})

/** A raw connection to the API, so a test can send part of a request and hold the rest back. */
async function rawConnection(): Promise<{ socket: Socket; received: () => string; ended: Promise<void> }> {
  const { hostname, port } = new URL(api.url)
  const socket = connect(Number(port), hostname)
  await new Promise<void>((resolve) => socket.once('connect', resolve))
  let text = ''
  socket.on('data', (chunk: Buffer) => (text += chunk.toString()))
  const ended = new Promise<void>((resolve) => socket.once('close', () => resolve()))
  return { socket, received: () => text, ended }
}

const registration = JSON.stringify({ publicKey: { kty: 'EC', crv: 'P-256', x: 'not-a-point', y: 'not-a-point' } })
const head = (length: number) =>
  `POST ${routes.accounts} HTTP/1.1\r\nHost: api\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n\r\n`

describe('stopping the API', () => {
  test('a request in flight when the stop begins still gets its answer', async () => {
    await start(10_000)
    const client = await rawConnection()
    client.socket.write(head(registration.length) + registration.slice(0, 10))
    const stopped = api.close()
    await new Promise((resolve) => setTimeout(resolve, 100))
    client.socket.write(registration.slice(10))
    await stopped
    await client.ended
    // The body is read and judged: the API answered this request, it did not drop it.
    expect(client.received()).toMatch(/^HTTP\/1\.1 400 /)
    expect(client.received()).toContain('"field":"publicKey"')
  })

  // A grace period longer than the test's own timeout: were the idle connection waited on, the test would fail.
  test('an idle keep-alive connection does not hold the stop up', async () => {
    await start(60_000)
    const client = await rawConnection()
    client.socket.write(`GET ${routes.health} HTTP/1.1\r\nHost: api\r\nConnection: keep-alive\r\n\r\n`)
    await expect.poll(() => client.received()).toMatch(/^HTTP\/1\.1 200 /)
    await api.close()
    await client.ended
  })

  test('a client that never finishes its request is cut off after the grace period', async () => {
    const GRACE_MS = 500
    await start(GRACE_MS)
    const client = await rawConnection()
    client.socket.write(head(registration.length) + registration.slice(0, 10))
    const started = performance.now()
    await api.close()
    await client.ended
    expect(performance.now() - started).toBeGreaterThanOrEqual(GRACE_MS - 50)
    expect(client.received()).toBe('')
  })
})
