// When X renames what the adapter looks for, the operator publishes a selector override from the
// API and every extension follows it without a release; a document that is not CSS selectors is
// never used. The API serves whatever TIPLINE_SITE_CONFIG names, read on every request.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BrowserContext, Page, Worker } from '@playwright/test'
import { test, expect } from './fixtures.ts'
import { fulfilHtml } from '../../src/devkit/sites/route.ts'
import { standInPosts } from '../../src/devkit/sites/x/index.ts'
import { timelineHtml } from '../../src/devkit/sites/x/page.ts'

const configFile = join(mkdtempSync(join(tmpdir(), 'tipline-site-config-')), 'site-config.json')
// Read by the API when its routes are built, which the stack fixture does after this.
process.env.TIPLINE_SITE_CONFIG = configFile

const publish = (document: unknown) => writeFileSync(configFile, JSON.stringify(document))

/** The redesign: X renames the reply button's test id, so the default action bar selector finds nothing. */
const REDESIGNED_ACTION_BAR = '[role="group"]:has([data-testid="comment"])'

async function openRedesignedX(context: BrowserContext): Promise<Page> {
  const html = timelineHtml(standInPosts(30), 'Home / X').replaceAll('data-testid=\\"reply\\"', 'data-testid=\\"comment\\"')
  await context.route('https://x.com/home', (route) => fulfilHtml(route, html))
  const page = await context.newPage()
  await page.goto('https://x.com/home', { waitUntil: 'domcontentloaded' })
  await expect(page.locator('[data-testid="tweet"]').first()).toBeAttached()
  return page
}

/** The document the worker keeps for content scripts, or null before any arrived. */
function stored(worker: Worker): Promise<{ version: number } | null> {
  return worker.evaluate(async () => {
    const { chrome } = globalThis as unknown as { chrome: typeof import('webextension-polyfill') }
    return ((await chrome.storage.local.get('siteConfig')).siteConfig as { version: number } | undefined) ?? null
  })
}

/** What the hourly alarm does: the worker fetches the document again. */
async function refreshNow(worker: Worker): Promise<void> {
  await worker.evaluate(() => {
    const { chrome } = globalThis as unknown as { chrome: typeof import('webextension-polyfill') }
    return chrome.alarms.create('siteConfig.refresh', { when: Date.now() })
  })
}

test.describe('with no overrides published', () => {
  test.beforeAll(() => publish({ version: 0, sites: {} }))

  test('a published override brings the buttons back on open pages, without a reload', async ({ context, worker }) => {
    const page = await openRedesignedX(context)
    await page.waitForTimeout(500)
    await expect(page.locator('tipline-button')).toHaveCount(0)

    publish({ version: 1, sites: { x: { actionBar: REDESIGNED_ACTION_BAR } } })
    await refreshNow(worker)
    await expect(page.locator('tipline-button').first()).toBeAttached()
    const first = standInPosts(1)[0]!
    await expect(page.locator('tipline-button').first()).toHaveAttribute('data-post-id', first.id)
    // Exactly one per row, inside the renamed action bar.
    await expect.poll(() => page.locator(`${REDESIGNED_ACTION_BAR} > tipline-button`).count()).toBe(await page.locator('tipline-button').count())
  })
})

test.describe('with an override published', () => {
  test.beforeAll(() => publish({ version: 1, sites: { x: { actionBar: REDESIGNED_ACTION_BAR } } }))

  test('pages opened later use it from the start', async ({ context, worker }) => {
    await expect.poll(() => stored(worker).then((config) => config?.version)).toBe(1)
    const page = await openRedesignedX(context)
    await expect(page.locator('tipline-button').first()).toBeAttached()
  })
})

test.describe('with selectors that do not parse', () => {
  // Passes the server's shape check (no braces or markup) but is not CSS: the content script drops it.
  test.beforeAll(() => publish({ version: 2, sites: { x: { actionBar: REDESIGNED_ACTION_BAR, post: 'article >> [data-testid="tweet"]' } } }))

  test('the whole site override is dropped and the built-in selectors stay', async ({ context, worker, x }) => {
    await expect.poll(() => stored(worker).then((config) => config?.version)).toBe(2)
    const redesigned = await openRedesignedX(context)
    await redesigned.waitForTimeout(500)
    await expect(redesigned.locator('tipline-button')).toHaveCount(0)
    await redesigned.close()
    await context.unroute('https://x.com/home')
    const page = await x.open()
    await expect(page.locator('tipline-button').first()).toBeAttached()
  })
})

test.describe('with markup instead of selectors', () => {
  test.beforeAll(() => publish({ version: 3, sites: { x: { actionBar: '</style><script>alert(1)</script>' } } }))

  test('the API refuses to serve it and the extension keeps its own selectors', async ({ stack, worker, x }) => {
    const answer = await fetch(new URL('/v1/site-config', stack.api.url))
    expect(answer.status).toBe(500)
    expect(await answer.json()).toMatchObject({ error: { code: 'site_config_invalid' } })
    await refreshNow(worker)
    const page = await x.open()
    await expect(page.locator('tipline-button').first()).toBeAttached()
    expect(await stored(worker)).toBeNull()
  })
})
