// Delivering Stripe events to the API the way Stripe does: a JSON body signed with the
// endpoint's secret in the Stripe-Signature header (t=…,v1=…), using the SDK's own signer.
import { randomBytes } from 'node:crypto'
import Stripe from 'stripe'
import { routes } from '../../../src/shared/api.ts'

const signer = new Stripe('sk_test_signer_only')

export function event(type: string, object: Record<string, unknown>): Record<string, unknown> {
  return {
    id: `evt_test_${randomBytes(12).toString('hex')}`,
    object: 'event',
    api_version: '2026-10-28.clover',
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    data: { object },
  }
}

export async function deliver(
  apiUrl: string,
  secret: string,
  payload: Record<string, unknown>,
  options: { timestamp?: number; tamper?: (signed: string) => string } = {},
): Promise<{ status: number; body: unknown }> {
  const signed = JSON.stringify(payload)
  const signature = signer.webhooks.generateTestHeaderString({
    payload: signed,
    secret,
    ...(options.timestamp ? { timestamp: options.timestamp } : {}),
  })
  // A body changed on the way, under the signature made for the original.
  const body = options.tamper ? options.tamper(signed) : signed
  const res = await fetch(`${apiUrl}${routes.stripeWebhook}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'stripe-signature': signature },
    body,
  })
  return { status: res.status, body: await res.json() }
}
