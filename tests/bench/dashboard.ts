// `npx tsx tests/bench/dashboard.ts`: how fast the creator dashboard's insight paints from the cache
// with 100,000 tips received, beside a baseline measured in the same run: the same options page
// with an empty cache. Times are performance.now() in the page (from navigation start) until the
// earnings table and the top posts hold text. The cache is seeded through the worker's IndexedDB
// as a sync leaves it: the tips, and their running totals from the same addTips the background uses.
// Uses the build at TIPLINE_DIST, else dist/. Writes .bench/dashboard.json.
import type { BrowserContext, Worker } from '@playwright/test'
import type { ReceivedTip } from '../../src/shared/api.ts'
import { addTips, type TipTotal } from '../../src/extension/tip-totals.ts'
import { launchWithExtension } from '../../src/devkit/chromium.ts'
import { paintTimes } from './paint.ts'
import { percentile, round, writeFigures } from './report.ts'

const TIPS = 100_000
const OPENS = 5
const BATCH = 10_000
const TARGET_MS = 300

async function timeOpen(context: BrowserContext, url: string, watch: Record<string, string>): Promise<number> {
  const times = await paintTimes(context, url, watch, 60_000)
  return Math.max(...Object.keys(watch).map((name) => times[name] ?? Number.NaN))
}

/** A creator's tips over the last ~70 days: 500 posts, 2,000 supporters, a note on every seventh. */
function benchTips(count: number): ReceivedTip[] {
  const now = Date.now()
  return Array.from({ length: count }, (_, i) => ({
    id: `tip_bench_${i}`,
    site: 'x' as const,
    handle: `creator_${i % 3}`,
    postId: String(i % 500),
    postUrl: `https://x.com/creator_${i % 3}/status/${i % 500}`,
    amount: 100 + (i % 900),
    currency: i % 10 === 0 ? 'EUR' : 'USD',
    note: i % 7 === 0 ? `thanks, number ${i}` : null,
    from: `acct_${i % 2_000}`,
    at: new Date(now - i * 60_000).toISOString(),
  }))
}

async function seed(worker: Worker, tips: readonly ReceivedTip[], totals: readonly TipTotal[]): Promise<void> {
  const write = (rows: { received: unknown[]; totals: unknown[] }) =>
    worker.evaluate(async ({ received, totals }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('tipline')
        open.onsuccess = () => resolve(open.result)
        open.onerror = () => reject(open.error)
      })
      const tx = db.transaction(['received', 'receivedTotals'], 'readwrite')
      for (const tip of received) tx.objectStore('received').put(tip)
      for (const total of totals) tx.objectStore('receivedTotals').put(total)
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve()
        tx.onerror = () => reject(tx.error)
      })
      db.close()
    }, rows)
  for (let start = 0; start < tips.length; start += BATCH) {
    const batch = tips.slice(start, start + BATCH).map((tip) => (tip.note ? { ...tip, notedAt: tip.at } : tip))
    await write({ received: batch, totals: [] })
  }
  await write({ received: [], totals: [...totals] })
}

const median = (values: number[]) => percentile([...values].sort((a, b) => a - b), 50)

const browser = await launchWithExtension()
try {
  const { context, worker, extensionId } = browser
  const options = `chrome-extension://${extensionId}/src/extension/options/index.html`
  // The worker opens the cache on start; wait until Dexie has made its stores.
  await worker.evaluate(() => new Promise((resolve) => setTimeout(resolve, 500)))

  const baseline: number[] = []
  for (let i = 0; i < OPENS; i++) baseline.push(await timeOpen(context, options, { insight: '[data-testid="insight"] .muted' }))

  const tips = benchTips(TIPS)
  const seeding = performance.now()
  await seed(worker, tips, addTips([], tips))
  const seedMs = performance.now() - seeding

  const paint: number[] = []
  const watch = { chart: '[data-testid="earnings-table-USD"] tbody tr', topPosts: '[data-testid="top-posts"] li', notes: '[data-testid="notes"] li' }
  for (let i = 0; i < OPENS; i++) paint.push(await timeOpen(context, options, watch))

  const figures = {
    first_paint_100k_ms: round(median(paint)),
    baseline_empty_ms: round(median(baseline)),
    ratio: round(median(paint) / median(baseline)),
    target_ms: TARGET_MS,
    within_target: median(paint) <= TARGET_MS,
    tips: TIPS,
    opens: OPENS,
    seed_ms: round(seedMs),
  }
  console.table({
    'options page, empty cache (baseline)': { 'median ms': figures.baseline_empty_ms, 'vs baseline': 1, target: '' },
    'dashboard insight, 100,000 tips cached': { 'median ms': figures.first_paint_100k_ms, 'vs baseline': figures.ratio, target: `≤ ${TARGET_MS}` },
  })
  console.log(`wrote ${writeFigures('dashboard', figures)}`)
} finally {
  await browser.context.close()
}
