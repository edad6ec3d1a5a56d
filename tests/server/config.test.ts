// Starting the API from the environment: what it needs, and refusing clearly without it.
import { execFile, spawn } from 'node:child_process'
import { once } from 'node:events'
import { createInterface } from 'node:readline'
import { promisify } from 'node:util'
import { describe, expect, test } from 'vitest'
import { ConfigError, configFromEnv } from '../../src/server/index.ts'

const run = promisify(execFile)
const stripeEnv = { STRIPE_SECRET_KEY: 'sk_test_abc', STRIPE_WEBHOOK_SECRET: 'whsec_abc' }

describe('configFromEnv', () => {
  test('defaults to port 8787, PGlite in memory, no fee, no dev claims and the default rate limits, talking to Stripe itself', () => {
    expect(configFromEnv(stripeEnv)).toEqual({
      port: 8787,
      stripe: { secretKey: 'sk_test_abc', webhookSecret: 'whsec_abc' },
      devClaims: false,
      feeBasisPoints: 0,
      rateLimits: { authPerMinute: 300, moneyPerMinute: 120 },
    })
  })

  test('reads every variable, pointing the SDK at a stand-in through STRIPE_API_BASE', () => {
    const config = configFromEnv({
      ...stripeEnv,
      PORT: '9000',
      DATABASE_URL: 'postgres://db/tipline',
      TIPLINE_DATA_DIR: '/var/lib/tipline',
      STRIPE_API_BASE: 'http://127.0.0.1:12111',
      TIPLINE_PUBLIC_URL: 'https://api.tipline.example',
      TIPLINE_DEV_CLAIMS: '1',
      TIPLINE_FEE_BPS: '250',
      TIPLINE_AUTH_RATE_PER_MIN: '60',
      TIPLINE_MONEY_RATE_PER_MIN: '0',
    })
    expect(config).toEqual({
      port: 9000,
      databaseUrl: 'postgres://db/tipline',
      dataDir: '/var/lib/tipline',
      publicUrl: 'https://api.tipline.example',
      stripe: { ...{ secretKey: 'sk_test_abc', webhookSecret: 'whsec_abc' }, host: '127.0.0.1', port: 12111, protocol: 'http' },
      devClaims: true,
      feeBasisPoints: 250,
      rateLimits: { authPerMinute: 60, moneyPerMinute: 0 },
    })
  })

  test('refuses a missing Stripe key, a bad number or a bad API base with a one-line reason', () => {
    expect(() => configFromEnv({})).toThrow(ConfigError)
    expect(() => configFromEnv({})).toThrow(/STRIPE_SECRET_KEY/)
    expect(() => configFromEnv({ ...stripeEnv, PORT: 'eighty' })).toThrow(/PORT/)
    expect(() => configFromEnv({ ...stripeEnv, TIPLINE_MONEY_RATE_PER_MIN: '-1' })).toThrow(/TIPLINE_MONEY_RATE_PER_MIN/)
    expect(() => configFromEnv({ ...stripeEnv, STRIPE_API_BASE: 'ftp://x' })).toThrow(/STRIPE_API_BASE/)
  })

  test('takes a publishable key for embedded Checkout, and refuses a secret key there (product pages publish it)', () => {
    expect(configFromEnv({ ...stripeEnv, STRIPE_PUBLISHABLE_KEY: 'pk_test_abc' }).stripe).toEqual({
      secretKey: 'sk_test_abc',
      webhookSecret: 'whsec_abc',
      publishableKey: 'pk_test_abc',
    })
    expect(() => configFromEnv({ ...stripeEnv, STRIPE_PUBLISHABLE_KEY: 'sk_test_abc' })).toThrow(/STRIPE_PUBLISHABLE_KEY must be a publishable key/)
  })
})

test('`npm run api` without STRIPE_SECRET_KEY exits 1 with one line saying why', async () => {
  const { STRIPE_SECRET_KEY: _omitted, ...env } = process.env
  const failure = await run(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], { env, cwd: process.cwd() }).then(
    () => null,
    (error: { code: number; stderr: string }) => error,
  )
  expect(failure?.code).toBe(1)
  expect(failure?.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^tipline api: STRIPE_SECRET_KEY is not set/)])
})

test('`npm run api` serves until SIGTERM, then closes cleanly with exit code 0', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, ...stripeEnv, PORT: '0', DATABASE_URL: '', TIPLINE_DATA_DIR: '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const exited = once(child, 'exit')
  let url = ''
  for await (const line of createInterface({ input: child.stdout })) {
    const entry = JSON.parse(line) as { msg: string; url?: string }
    if (entry.msg === 'api listening') {
      url = entry.url ?? ''
      break
    }
  }
  expect((await fetch(`${url}/ready`)).status).toBe(200)
  child.kill('SIGTERM')
  const [code] = await exited
  expect(code).toBe(0)
})
