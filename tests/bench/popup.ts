// `npm run bench` (popup part): how fast the toolbar popup paints from the local cache. Median of
// 20 opens until the balance has text, and opens with 10,000 cached activity items until the
// activity list is on screen, beside a baseline measured in the same run: the extension's own
// tip panel page with nothing to read (same bundle, fonts and Preact, no cache query).
// Times are performance.now() in the page, so from the page's navigation start.
// Run: npm run bench:popup, or as part of npm run bench. Uses the build at TIPLINE_DIST when set;
// otherwise builds the extension itself into a temporary folder, so the figures are for the code
// as it is now and not for whatever dist/ last held.
import type { Worker } from '@playwright/test'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { build } from 'vite'
import { launchWithExtension } from '../../src/devkit/chromium.ts'
import { paintTimes } from './paint.ts'
import { percentile, round, writeFigures } from './report.ts'

const OPENS = 20
const ACTIVITY_ITEMS = 10_000
const ACTIVITY_OPENS = 5


/** Writes the wallet and activity straight into the worker's IndexedDB, as a sync would leave them. */
async function seedCache(worker: Worker, activityItems: number): Promise<void> {
  await worker.evaluate(async (count) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('tipline')
      open.onsuccess = () => resolve(open.result)
      open.onerror = () => reject(open.error)
    })
    const tx = db.transaction(['wallet', 'activity'], 'readwrite')
    tx.objectStore('wallet').put({ key: 'me', syncedAt: new Date().toISOString(), accountId: 'bench', currency: 'USD', balance: 12_345, debt: 0, escrowed: [] })
    const activity = tx.objectStore('activity')
    activity.clear()
    const now = Date.now()
    for (let i = 0; i < count; i++) {
      activity.put({
        id: `bench-${i}`, kind: i % 5 === 0 ? 'topup' : 'tip_sent', amount: i % 5 === 0 ? 1_000 : -100 - (i % 400), currency: 'USD',
        at: new Date(now - i * 60_000).toISOString(), site: 'x', handle: `creator_${i % 97}`, postId: String(i),
        postUrl: `https://x.com/creator_${i % 97}/status/${i}`, note: i % 3 === 0 ? 'thanks for this' : null,
      })
    }
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve()
      tx.onerror = () => reject(tx.error)
    })
    db.close()
  }, activityItems)
}

const median = (values: number[]) => percentile([...values].sort((a, b) => a - b), 50)

async function extensionBuild(): Promise<string> {
  if (process.env.TIPLINE_DIST) return process.env.TIPLINE_DIST
  const outDir = mkdtempSync(join(tmpdir(), 'tipline-bench-popup-'))
  await build({ configFile: resolve(import.meta.dirname, '../../vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } })
  return outDir
}

const browser = await launchWithExtension({ dist: await extensionBuild() })
try {
  const { context, worker, extensionId } = browser
  const base = `chrome-extension://${extensionId}/src/extension`
  // The worker opens the cache on start; wait until Dexie has made its stores.
  await worker.evaluate(() => new Promise((resolve) => setTimeout(resolve, 500)))
  await seedCache(worker, 20)

  const baseline: number[] = []
  const balance: number[] = []
  for (let i = 0; i < OPENS; i++) {
    baseline.push((await paintTimes(context, `${base}/panel/index.html`, { page: 'main.panel' })).page!)
    balance.push((await paintTimes(context, `${base}/popup/index.html`, { balance: '[data-testid="balance"]' })).balance!)
  }

  await seedCache(worker, ACTIVITY_ITEMS)
  const activity: number[] = []
  for (let i = 0; i < ACTIVITY_OPENS; i++) {
    activity.push((await paintTimes(context, `${base}/popup/index.html`, { activity: '[data-testid="activity"]' })).activity!)
  }

  const figures = {
    balance_paint_ms_median: round(median(balance)),
    activity_10k_render_ms: round(median(activity)),
    baseline_paint_ms_median: round(median(baseline)),
    balance_paint_vs_baseline: round(median(balance) / median(baseline)),
    activity_10k_vs_baseline: round(median(activity) / median(baseline)),
    opens: OPENS,
    activity_items: ACTIVITY_ITEMS,
    activity_opens: ACTIVITY_OPENS,
  }
  console.table({
    'empty extension page (baseline)': { 'median ms': figures.baseline_paint_ms_median, 'vs baseline': 1, target: '' },
    'popup: balance painted from cache': { 'median ms': figures.balance_paint_ms_median, 'vs baseline': figures.balance_paint_vs_baseline, target: '≤ 100' },
    'popup: activity list, 10,000 cached': { 'median ms': figures.activity_10k_render_ms, 'vs baseline': figures.activity_10k_vs_baseline, target: '≤ 200' },
  })
  console.log(`wrote ${writeFigures('popup', figures)}`)
} finally {
  await browser.context.close()
}
