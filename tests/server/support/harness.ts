// One API over real HTTP with the Stripe double behind it, on PGlite or on real Postgres.
import { randomBytes } from 'node:crypto'
import { startApi, type RunningApi } from '../../../src/server/index.ts'
import { startStripeDouble, type StripeDouble } from './stripe-double.ts'

export interface Harness {
  api: RunningApi
  stripe: StripeDouble
  webhookSecret: string
  logs: Array<Record<string, unknown>>
  close(): Promise<void>
}

export async function startHarness(options: { databaseUrl?: string; feeBasisPoints?: number } = {}): Promise<Harness> {
  const stripe = await startStripeDouble()
  const webhookSecret = `whsec_${randomBytes(16).toString('hex')}`
  const logs: Array<Record<string, unknown>> = []
  const api = await startApi({
    port: 0,
    ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}),
    stripe: { secretKey: stripe.secretKey, webhookSecret, host: stripe.host, port: stripe.port, protocol: 'http' },
    devClaims: true,
    feeBasisPoints: options.feeBasisPoints ?? 0,
    logger: (line) => logs.push(line),
  })
  return {
    api,
    stripe,
    webhookSecret,
    logs,
    async close() {
      await api.close()
      await stripe.close()
    },
  }
}
