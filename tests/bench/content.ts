// The content script's cost on a long X timeline, in real Chromium: 2,000 stand-in posts scrolled
// end to end, once with the extension and once in a profile without it, in the same run.
//   per_post_ms_median/p99    main-thread time of each engine pass per button it attached or
//                             re-pointed ('tipline:sync' measures, on only under the bench flag);
//                             a pass covers reading the page's changes, finding and reading the posts,
//                             and binding their buttons
//   per_post_ms_mean          all passes' time over all buttons bound
//                             The stand-in is served cross-origin isolated (both runs), so the clock
//                             reads to 5 µs: in a page that is not, performance.now() steps by 100 µs,
//                             and a pass of two posts reads 0, 0.1 or 0.2 ms, too coarse for a 0.05 target
//   pass_ms_median            the same passes' own times, undivided; with buttons_per_pass_mean and the
//                             table by buttons bound, it shows how much of a pass's time is the pass's
//                             own and how much each post adds: the stand-in shows about two new posts a frame
//   tipped_ask_ms_per_post    the questions to the background about which posts were tipped, sent
//                             apart from the passes in batches ('tipline:ask' measures), over all
//                             buttons bound
//   scripting_ratio           CDP Performance ScriptDuration over the whole scroll, with / without
//   long_tasks_added          PerformanceObserver 'longtask' entries, with minus without, from the
//                             page's load on (the stand-in's own load stays under 50 ms: its posts
//                             are JSON data, not a script literal; see src/devkit/sites/script-json.ts)
//   long_tasks_added_scrolling the same, counting only tasks that start once the scroll has begun
//   longest_pass_ms           the longest engine pass, the first (which looks at the whole page) included:
//                             under 50 ms, no pass is a long task on its own
//   layout_shift              PerformanceObserver 'layout-shift' total, with minus without
//   content_script_gzip_bytes the loader and every chunk it imports, gzipped (as the budget test)
// Run: npm run bench:content (builds nothing: uses TIPLINE_DIST or dist/, like the e2e tests).
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { chromium, type BrowserContext, type Page } from '@playwright/test'
import { DIST, findChromium, launchWithExtension } from '../../src/devkit/chromium.ts'
import { refuseUnserved } from '../../src/devkit/sites/route.ts'
import { routeXStandIn, ROW_HEIGHT } from '../../src/devkit/sites/x/index.ts'
import { BENCH_FLAG_STORAGE_KEY } from '../../src/extension/content/bench-flag.ts'
import type { SyncMeasureDetail } from '../../src/extension/content/engine.ts'
import { percentile, round, writeFigures } from './report.ts'

const POSTS = 2000
/** Less than the viewport's height, so every row is on screen at some step, as when a person scrolls. */
const STEP_PX = 700
const VIEWPORT = { width: 1000, height: 900 }

interface ScrollRun {
  scriptSeconds: number
  longTasks: number
  longTasksScrolling: number
  longestPassMs: number
  layoutShift: number
  /** Each engine pass that bound buttons: its duration and how many it bound. */
  boundPasses: { duration: number; bound: number }[]
  passMs: number
  bound: number
  asks: number
  askMs: number
}

/** Observers in the page's own world from its first script on, as a site's RUM script would have them. */
function observePage(): void {
  const seen = { longTasks: [] as number[], layoutShift: 0 }
  Object.assign(window, { benchSeen: seen })
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) seen.longTasks.push(entry.startTime)
  }).observe({ type: 'longtask', buffered: true })
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
      if (!entry.hadRecentInput) seen.layoutShift += entry.value
    }
  }).observe({ type: 'layout-shift', buffered: true })
}

async function scrollEndToEnd(context: BrowserContext, withExtension: boolean): Promise<ScrollRun> {
  await refuseUnserved(context)
  await routeXStandIn(context, { posts: POSTS, crossOriginIsolated: true })
  const page = await context.newPage()
  await page.setViewportSize(VIEWPORT)
  await page.addInitScript(observePage)
  await page.goto('https://x.com/home', { waitUntil: 'load' })
  if (!(await page.evaluate(() => crossOriginIsolated))) throw new Error('The stand-in is not cross-origin isolated: the clock is too coarse to time a pass.')
  if (withExtension) await page.locator('tipline-button').first().waitFor({ state: 'attached' })
  const cdp = await context.newCDPSession(page)
  await cdp.send('Performance.enable')
  const before = await scriptSeconds(cdp)
  const scrollStart = await page.evaluate(() => performance.now())
  // The page scrolls itself, a step per two frames, so the timing is the page's and not the test's round
  // trips. A string, because tsx would wrap a named inner function in a helper the page does not have.
  await page.evaluate(`new Promise((done) => {
    const next = () => {
      if (scrollY + innerHeight >= ${POSTS * ROW_HEIGHT}) return done()
      scrollBy(0, ${STEP_PX})
      requestAnimationFrame(() => requestAnimationFrame(next))
    }
    next()
  })`)
  // Let the last pass and observers report.
  await page.evaluate(() => new Promise((done) => setTimeout(done, 500)))
  const after = await scriptSeconds(cdp)
  const seen = await page.evaluate(() => (window as unknown as { benchSeen: { longTasks: number[]; layoutShift: number } }).benchSeen)
  const passes = await readSyncMeasures(page)
  const asks = await readAskMeasures(page)
  return {
    scriptSeconds: after - before,
    longTasks: seen.longTasks.length,
    longTasksScrolling: seen.longTasks.filter((start) => start >= scrollStart).length,
    longestPassMs: Math.max(0, ...passes.map((pass) => pass.duration)),
    layoutShift: seen.layoutShift,
    boundPasses: passes.filter((pass) => pass.bound > 0),
    passMs: passes.reduce((sum, pass) => sum + pass.duration, 0),
    bound: passes.reduce((sum, pass) => sum + pass.bound, 0),
    asks: asks.length,
    askMs: asks.reduce((sum, duration) => sum + duration, 0),
  }
}

async function scriptSeconds(cdp: import('@playwright/test').CDPSession): Promise<number> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] }
  return metrics.find((metric) => metric.name === 'ScriptDuration')?.value ?? Number.NaN
}

function readSyncMeasures(page: Page): Promise<{ duration: number; bound: number }[]> {
  return page.evaluate(() =>
    performance.getEntriesByName('tipline:sync').map((entry) => ({
      duration: entry.duration,
      bound: ((entry as PerformanceMeasure).detail as SyncMeasureDetail | null)?.bound ?? 0,
    })),
  )
}

function readAskMeasures(page: Page): Promise<number[]> {
  return page.evaluate(() => performance.getEntriesByName('tipline:ask').map((entry) => entry.duration))
}

/** The content script as the manifest loads it: the loader plus every chunk it may import. */
function contentScriptGzipBytes(dist: string): number {
  const manifest = JSON.parse(readFileSync(resolve(dist, 'manifest.json'), 'utf8')) as {
    content_scripts: { js: string[] }[]
    web_accessible_resources: { resources: string[] }[]
  }
  // Several manifest entries may list the same chunk (one per group of sites): each file counts once.
  const files = new Set([
    ...manifest.content_scripts.flatMap((script) => script.js),
    ...manifest.web_accessible_resources.flatMap((entry) => entry.resources).filter((file) => file.endsWith('.js')),
  ])
  return [...files].reduce((sum, file) => sum + gzipSync(readFileSync(resolve(dist, file)), { level: 9 }).length, 0)
}

export async function benchContent(): Promise<void> {
  console.log(`  content script: ${POSTS} stand-in X posts scrolled end to end, ${STEP_PX}px a step, with and without the extension`)
  const extension = await launchWithExtension()
  await extension.worker.evaluate((key) => {
    const { chrome } = globalThis as unknown as { chrome: typeof import('webextension-polyfill') }
    return chrome.storage.local.set({ [key]: true })
  }, BENCH_FLAG_STORAGE_KEY)
  const withExtension = await scrollEndToEnd(extension.context, true).finally(() => extension.context.close())

  const plain = await chromium.launch({ executablePath: findChromium(), headless: true, args: ['--no-sandbox', '--disable-gpu'] })
  const without = await scrollEndToEnd(await plain.newContext(), false).finally(() => plain.close())

  const { boundPasses } = withExtension
  const perPost = boundPasses.map((pass) => pass.duration / pass.bound).sort((a, b) => a - b)
  const sortedMs = (passes: typeof boundPasses) => passes.map((pass) => pass.duration).sort((a, b) => a - b)
  const figures = {
    per_post_ms_median: round(percentile(perPost, 50), 4),
    per_post_ms_p99: round(percentile(perPost, 99), 4),
    per_post_ms_mean: round(withExtension.passMs / withExtension.bound, 4),
    pass_ms_median: round(percentile(sortedMs(boundPasses), 50), 4),
    buttons_per_pass_mean: round(withExtension.bound / boundPasses.length, 2),
    tipped_ask_ms_per_post: round(withExtension.askMs / withExtension.bound, 4),
    scripting_ratio: round(withExtension.scriptSeconds / without.scriptSeconds, 3),
    long_tasks_added: withExtension.longTasks - without.longTasks,
    long_tasks_added_scrolling: withExtension.longTasksScrolling - without.longTasksScrolling,
    longest_pass_ms: round(withExtension.longestPassMs, 3),
    layout_shift: round(withExtension.layoutShift - without.layoutShift, 4),
    content_script_gzip_bytes: contentScriptGzipBytes(DIST),
  }
  console.table({
    'with extension': {
      'scripting s': round(withExtension.scriptSeconds, 3),
      'long tasks': withExtension.longTasks,
      'while scrolling': withExtension.longTasksScrolling,
      'layout shift': round(withExtension.layoutShift, 4),
      'buttons bound': withExtension.bound,
      'engine passes': boundPasses.length,
      'tipped questions': withExtension.asks,
    },
    'without': {
      'scripting s': round(without.scriptSeconds, 3),
      'long tasks': without.longTasks,
      'while scrolling': without.longTasksScrolling,
      'layout shift': round(without.layoutShift, 4),
      'buttons bound': 0,
      'engine passes': 0,
      'tipped questions': 0,
    },
  })
  const byBound = new Map<number, typeof boundPasses>()
  for (const pass of boundPasses) {
    const group = byBound.get(pass.bound) ?? []
    group.push(pass)
    byBound.set(pass.bound, group)
  }
  console.table(
    Object.fromEntries(
      [...byBound]
        .sort(([a], [b]) => a - b)
        .map(([bound, passes]) => {
          const median = percentile(sortedMs(passes), 50)
          return [`passes binding ${bound}`, { passes: passes.length, 'median ms': round(median, 4), 'median ms per post': round(median / bound, 4) }]
        }),
    ),
  )
  console.table(figures)
  console.log(`  written to ${writeFigures('content', figures)}`)
}

if (import.meta.url === `file://${process.argv[1]}`) await benchContent()
