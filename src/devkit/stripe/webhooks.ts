// Webhook delivery as Stripe does it: a JSON POST to each endpoint, signed in the
// `Stripe-Signature` header, redelivered with exponential back-off until a 2xx or the last attempt.
// Deliveries never hold up the API response that caused them.
import { createHmac } from 'node:crypto'
import { unixNow } from './ids.ts'
import type { StripeEvent } from './objects.ts'

export interface WebhookEndpoint {
  url: string
  secret: string
  /**
   * A Connect endpoint: it receives the events that happen on connected accounts (those carrying
   * `account`) and nothing else; a plain endpoint receives the platform's own events. As at Stripe,
   * a platform that wants both registers two endpoints, each with its own signing secret.
   */
  connect?: boolean
}

export function receives(endpoint: WebhookEndpoint, event: Pick<StripeEvent, 'account'>): boolean {
  return (endpoint.connect ?? false) === (event.account !== undefined)
}

export interface RetryPolicy {
  baseMs: number
  maxAttempts: number
}

export interface Delivery {
  eventId: string
  url: string
  /** The endpoint's HTTP status, or 0 when it could not be reached. */
  status: number
  attempt: number
}

const REQUEST_TIMEOUT_MS = 10_000

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.payload">`, which `stripe.webhooks.constructEvent` verifies. */
export function signatureHeader(payload: string, secret: string, timestamp = unixNow()): string {
  const signature = createHmac('sha256', secret).update(`${timestamp}.${payload}`).digest('hex')
  return `t=${timestamp},v1=${signature}`
}

export class WebhookDispatcher {
  private readonly log: Delivery[] = []
  private readonly delivered = new Set<string>()
  private readonly timers = new Set<NodeJS.Timeout>()
  private readonly inFlight = new Set<Promise<void>>()
  private readonly stop = new AbortController()

  constructor(
    private readonly endpoints: readonly WebhookEndpoint[],
    private readonly retry: RetryPolicy,
    /** Called once per endpoint that first accepts the event, so the event's `pending_webhooks` can count down. */
    private readonly onAccepted: (eventId: string) => void,
  ) {}

  send(event: StripeEvent): void {
    for (const endpoint of this.endpoints) if (receives(endpoint, event)) this.attempt(event, endpoint, 1)
  }

  deliveries(): Delivery[] {
    return [...this.log]
  }

  /** Stops pending redeliveries and abandons requests under way. */
  async close(): Promise<void> {
    this.stop.abort()
    for (const timer of this.timers) clearTimeout(timer)
    this.timers.clear()
    await Promise.all(this.inFlight)
  }

  private attempt(event: StripeEvent, endpoint: WebhookEndpoint, attempt: number): void {
    if (this.stop.signal.aborted) return
    const task = this.post(event, endpoint).then((status) => {
      if (this.stop.signal.aborted) return
      this.log.push({ eventId: event.id, url: endpoint.url, status, attempt })
      if (status >= 200 && status < 300) return this.accepted(event.id, endpoint.url)
      if (attempt >= this.retry.maxAttempts) return
      const timer = setTimeout(() => {
        this.timers.delete(timer)
        this.attempt(event, endpoint, attempt + 1)
      }, this.retry.baseMs * 2 ** (attempt - 1))
      this.timers.add(timer)
    })
    this.inFlight.add(task)
    void task.finally(() => this.inFlight.delete(task))
  }

  private async post(event: StripeEvent, endpoint: WebhookEndpoint): Promise<number> {
    // Each attempt is signed afresh, so its timestamp stays inside the receiver's tolerance.
    const payload = JSON.stringify(event, null, 2)
    try {
      const response = await fetch(endpoint.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json; charset=utf-8',
          'User-Agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
          'Stripe-Signature': signatureHeader(payload, endpoint.secret),
        },
        body: payload,
        signal: AbortSignal.any([this.stop.signal, AbortSignal.timeout(REQUEST_TIMEOUT_MS)]),
      })
      await response.body?.cancel()
      return response.status
    } catch {
      return 0
    }
  }

  private accepted(eventId: string, url: string): void {
    const key = `${eventId} ${url}`
    if (this.delivered.has(key)) return
    this.delivered.add(key)
    this.onAccepted(eventId)
  }
}
