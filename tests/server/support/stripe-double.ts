// A TEST DOUBLE FOR STRIPE (not for the thing under test): a tiny HTTP server that answers the
// two calls the API makes through the real `stripe` SDK — create and retrieve a Checkout
// Session — and lets a test decide how each session's payment turns out. Webhooks are signed by
// the test itself with the SDK's generateTestHeaderString.
import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { randomBytes } from 'node:crypto'

export interface DoubleSession {
  id: string
  object: 'checkout.session'
  mode: 'payment'
  status: 'open' | 'complete' | 'expired'
  payment_status: 'unpaid' | 'paid'
  amount_total: number
  currency: string
  client_reference_id: string | null
  metadata: Record<string, string>
  payment_intent: string | null
  success_url: string
  cancel_url: string
  url: string
  livemode: false
}

export interface StripeDouble {
  host: string
  port: number
  secretKey: string
  /** Every create call's form fields as sent by the SDK, flattened (metadata[accountId] etc). */
  createCalls: Array<{ idempotencyKey: string | undefined; form: Record<string, string> }>
  sessions: Map<string, DoubleSession>
  /** The customer paid: what Stripe's session looks like after a successful Checkout. */
  pay(sessionId: string): DoubleSession
  close(): Promise<void>
}

const id = (prefix: string) => `${prefix}_test_${randomBytes(12).toString('hex')}`

export async function startStripeDouble(): Promise<StripeDouble> {
  const sessions = new Map<string, DoubleSession>()
  const byIdempotencyKey = new Map<string, DoubleSession>()
  const createCalls: StripeDouble['createCalls'] = []

  const server = createServer(async (req, res) => {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))
    }
    const path = new URL(req.url ?? '/', 'http://double').pathname
    if (req.method === 'POST' && path === '/v1/checkout/sessions') {
      const key = header(req, 'idempotency-key')
      const form = Object.fromEntries(new URLSearchParams(await read(req)))
      createCalls.push({ idempotencyKey: key, form })
      const replay = key ? byIdempotencyKey.get(key) : undefined
      if (replay) return send(200, replay)
      const sessionId = id('cs')
      const session: DoubleSession = {
        id: sessionId,
        object: 'checkout.session',
        mode: 'payment',
        status: 'open',
        payment_status: 'unpaid',
        amount_total: Number(form['line_items[0][price_data][unit_amount]']) * Number(form['line_items[0][quantity]'] ?? 1),
        currency: form['line_items[0][price_data][currency]'] ?? '',
        client_reference_id: form.client_reference_id ?? null,
        metadata: { accountId: form['metadata[accountId]'] ?? '', purpose: form['metadata[purpose]'] ?? '' },
        payment_intent: null,
        success_url: form.success_url ?? '',
        cancel_url: form.cancel_url ?? '',
        url: `http://checkout.double/pay/${sessionId}`,
        livemode: false,
      }
      sessions.set(sessionId, session)
      if (key) byIdempotencyKey.set(key, session)
      return send(200, session)
    }
    const retrieve = /^\/v1\/checkout\/sessions\/([^/]+)$/.exec(path)
    if (req.method === 'GET' && retrieve) {
      const session = sessions.get(decodeURIComponent(retrieve[1] ?? ''))
      if (session) return send(200, session)
      return send(404, { error: { type: 'invalid_request_error', code: 'resource_missing', message: 'No such checkout.session' } })
    }
    send(404, { error: { type: 'invalid_request_error', message: `Unrecognized request URL (${req.method}: ${path})` } })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  return {
    host: '127.0.0.1',
    port,
    secretKey: `sk_test_${randomBytes(12).toString('hex')}`,
    createCalls,
    sessions,
    pay(sessionId) {
      const session = sessions.get(sessionId)
      if (!session) throw new Error(`the double has no session ${sessionId}`)
      Object.assign(session, { status: 'complete', payment_status: 'paid', payment_intent: id('pi') })
      return session
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

const header = (req: IncomingMessage, name: string) => {
  const value = req.headers[name]
  return Array.isArray(value) ? value[0] : value
}

async function read(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}
