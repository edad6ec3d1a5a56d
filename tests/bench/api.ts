// `npm run bench` (API part): tips per second and p50/p99 latency over real HTTP at 32 concurrent
// clients, on Postgres (when DATABASE_URL is set) and on PGlite, beside a baseline measured in the
// same run — one plain single-row insert per request through the same HTTP stack.
import { spawn, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { resolve } from 'node:path'
import pg from 'pg'
import { routes } from '../../src/shared/api.ts'
import { startStripeStandIn, type StripeStandIn } from '../../src/devkit/stripe/index.ts'
import { newDevice, call, type Device } from '../server/support/device.ts'
import { BASELINE_PATH } from './api-paths.ts'
import { loadClient } from './http-client.ts'
import { percentile, round, writeFigures } from './report.ts'

const CLIENTS = 32
const REQUESTS_PER_CLIENT = Number(process.env.BENCH_REQUESTS_PER_CLIENT ?? 150)
const WARMUP_PER_CLIENT = 10
const ROUNDS = 3
const CREATORS = 64
const TIP = 10 // $0.10, the smallest USD tip
const TOPUP = 50_000 // $500.00, the largest USD top-up
const root = resolve(import.meta.dirname, '../..')
// Postgres on this port, PGlite on the next; set BENCH_PORT when another run may hold them.
const PORT = Number(process.env.BENCH_PORT ?? 18890)

interface Figures {
  tips_per_s: number
  p50_ms: number
  p99_ms: number
  baseline_per_s: number
  baseline_p50_ms: number
  baseline_p99_ms: number
  ratio_to_baseline: number
}

interface Run {
  perSecond: number
  latencies: number[]
}

/** CLIENTS loops in parallel, each making its requests one after another; every answer must be a 201. */
async function load(perClient: number, request: (client: number, n: number) => Promise<number>): Promise<Run> {
  const latencies: number[] = []
  const started = performance.now()
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      for (let n = 0; n < perClient; n++) {
        const t0 = performance.now()
        const status = await request(client, n)
        latencies.push(performance.now() - t0)
        if (status !== 201) throw new Error(`request answered ${status}`)
      }
    }),
  )
  const seconds = (performance.now() - started) / 1000
  return { perSecond: (CLIENTS * perClient) / seconds, latencies: latencies.sort((a, b) => a - b) }
}

/** Rounds of equal size together: requests over total time, all latencies. */
function combined(runs: Run[]): Run {
  const seconds = runs.reduce((sum, r) => sum + 1 / r.perSecond, 0)
  return {
    perSecond: runs.length / seconds,
    latencies: runs.flatMap((r) => r.latencies).sort((a, b) => a - b),
  }
}

async function startApiProcess(port: number, stripe: StripeStandIn, databaseUrl?: string): Promise<ChildProcess> {
  // BENCH_CPU_PROF_DIR=<dir> writes a .cpuprofile of each API process there (open it in Chrome's DevTools).
  const profile = process.env.BENCH_CPU_PROF_DIR ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_CPU_PROF_DIR] : []
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', resolve(root, 'tests/bench/api-server.ts')], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: databaseUrl ?? '',
      TIPLINE_DATA_DIR: '',
      STRIPE_SECRET_KEY: stripe.secretKey,
      STRIPE_WEBHOOK_SECRET: `whsec_bench_${randomUUID()}`,
      STRIPE_API_BASE: stripe.url,
      // One reader here tips faster than any person would; the limits are for floods.
      TIPLINE_AUTH_RATE_PER_MIN: '0',
      TIPLINE_MONEY_RATE_PER_MIN: '0',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  await new Promise<void>((ready, fail) => {
    child.once('exit', (code) => fail(new Error(`bench API exited with ${code}`)))
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready ')) ready()
    })
  })
  return child
}

/** A funded reader: registered, signed in, topped up through Checkout and the API's return page. */
async function fundedReader(api: string, stripe: StripeStandIn): Promise<Device> {
  const device = await newDevice(api)
  const topup = await device.post(routes.topups, { amount: TOPUP, currency: 'USD' }, { 'Idempotency-Key': randomUUID() })
  if (topup.status !== 201) throw new Error(`top-up failed: ${JSON.stringify(topup.body)}`)
  const paid = await call(stripe.url, 'POST', `/_control/checkout/sessions/${topup.body.checkoutSessionId}/pay`, { card: '4242424242424242' })
  if (paid.status !== 200) throw new Error(`paying the session failed: ${JSON.stringify(paid.body)}`)
  await call(api, 'GET', `${routes.topupReturn}?session_id=${topup.body.checkoutSessionId}`)
  return device
}

async function benchOne(name: string, port: number, stripe: StripeStandIn, databaseUrl?: string): Promise<Figures> {
  const child = await startApiProcess(port, stripe, databaseUrl)
  const api = `http://127.0.0.1:${port}`
  const http = loadClient(api, CLIENTS)
  try {
    const readers = await Promise.all(Array.from({ length: CLIENTS }, () => fundedReader(api, stripe)))
    const tip = (client: number, n: number) =>
      http.post(
        routes.tips,
        { site: 'x', handle: `creator_${(client * 7 + n) % CREATORS}`, postId: String(1e18 + n), postUrl: null, amount: TIP, currency: 'USD', note: null },
        { authorization: `Bearer ${readers[client]!.token}`, 'Idempotency-Key': randomUUID() },
      )
    const insert = (client: number, n: number) => http.post(BASELINE_PATH, { client, n, at: Date.now() })

    await load(WARMUP_PER_CLIENT, tip)
    await load(WARMUP_PER_CLIENT, insert)
    // Tips and baseline take turns in rounds, so a load change on a shared machine weighs on both
    // sides of the ratio alike instead of on whichever ran at the time.
    const tips: Run[] = []
    const baselines: Run[] = []
    const perRound = Math.ceil(REQUESTS_PER_CLIENT / ROUNDS)
    for (let r = 0; r < ROUNDS; r++) {
      tips.push(await load(perRound, tip))
      baselines.push(await load(perRound, insert))
    }
    const [tipsRun, baseline] = [combined(tips), combined(baselines)]
    console.log(`  ${name}: ${CLIENTS} clients × ${perRound * ROUNDS} requests each, in ${ROUNDS} alternating rounds`)
    return {
      tips_per_s: round(tipsRun.perSecond, 0),
      p50_ms: round(percentile(tipsRun.latencies, 50)),
      p99_ms: round(percentile(tipsRun.latencies, 99)),
      baseline_per_s: round(baseline.perSecond, 0),
      baseline_p50_ms: round(percentile(baseline.latencies, 50)),
      baseline_p99_ms: round(percentile(baseline.latencies, 99)),
      ratio_to_baseline: round(tipsRun.perSecond / baseline.perSecond, 3),
    }
  } finally {
    http.close()
    child.kill('SIGTERM')
    await new Promise((done) => child.once('exit', done))
  }
}

/** A throwaway database on the given server, so the benchmark never touches anyone's data. */
async function withScratchDatabase<T>(databaseUrl: string, run: (url: string) => Promise<T>): Promise<T> {
  const name = `tipline_bench_${process.pid}_${Date.now()}`
  const admin = new pg.Client({ connectionString: databaseUrl })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  try {
    const url = new URL(databaseUrl)
    url.pathname = `/${name}`
    return await run(url.toString())
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    await admin.end()
  }
}

export async function benchApi(): Promise<Record<string, Figures>> {
  const stripe = await startStripeStandIn({ port: 0 })
  const results: Record<string, Figures> = {}
  try {
    if (process.env.DATABASE_URL) {
      results.postgres = await withScratchDatabase(process.env.DATABASE_URL, (url) => benchOne('postgres', PORT, stripe, url))
    } else {
      console.warn('  postgres: SKIPPED — set DATABASE_URL to a Postgres server to measure it')
    }
    results.pglite = await benchOne('pglite', PORT + 1, stripe)
  } finally {
    await stripe.close()
  }
  console.table(results)
  console.log(`  written to ${writeFigures('api', results)}`)
  return results
}

if (import.meta.url === `file://${process.argv[1]}`) await benchApi()
