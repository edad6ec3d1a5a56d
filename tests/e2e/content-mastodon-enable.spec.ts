// "Enable on this site" for a Mastodon instance the manifest does not list. Chromium never answers
// the permission prompt headless, so this runs a copy of the built extension whose manifest already
// grants the stand-in instance (as if the reader had said yes) and asks the background to enable it
// the way the popup does after the prompt.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { DIST, launchWithExtension, type ExtensionBrowser } from '../../src/devkit/chromium.ts'
import { refuseUnserved } from '../../src/devkit/sites/route.ts'
import { routeMastodonStandIn } from '../../src/devkit/sites/mastodon/index.ts'
import type { Reply } from '../../src/shared/messages.ts'

const INSTANCE = 'mastodon.example'

let browser: ExtensionBrowser
let grantedDist: string

test.beforeAll(async () => {
  grantedDist = join(mkdtempSync(join(tmpdir(), 'tipline-granted-')), 'dist')
  cpSync(DIST, grantedDist, { recursive: true })
  const manifestPath = join(grantedDist, 'manifest.json')
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { host_permissions: string[] }
  manifest.host_permissions.push(`https://${INSTANCE}/*`)
  writeFileSync(manifestPath, JSON.stringify(manifest))
  browser = await launchWithExtension({ dist: grantedDist })
  await refuseUnserved(browser.context)
  await routeMastodonStandIn(browser.context, INSTANCE, { statuses: 20 })
})
test.afterAll(async () => {
  await browser?.context.close()
  if (grantedDist) rmSync(join(grantedDist, '..'), { recursive: true, force: true })
})

/** What the popup sends once the reader has granted the origin, from a page of the extension. */
async function enable(origin: string): Promise<Reply<{ origin: string; registered: boolean }>> {
  const page = await browser.context.newPage()
  await page.goto(`chrome-extension://${browser.extensionId}/src/extension/popup/index.html`)
  const reply = await page.evaluate(
    (origin) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ tipline: 'site.enable', input: { origin } }),
    origin,
  )
  await page.close()
  return reply as Reply<{ origin: string; registered: boolean }>
}

async function openTimeline(): Promise<Page> {
  const page = await browser.context.newPage()
  await page.goto(`https://${INSTANCE}/home`, { waitUntil: 'domcontentloaded' })
  await expect(page.locator('article[data-id]').first()).toBeAttached()
  return page
}

test('an instance gets its buttons once enabled; enabling it again changes nothing', async () => {
  const before = await openTimeline()
  await before.waitForLoadState('load')
  await before.waitForTimeout(1000)
  await expect(before.locator('tipline-button')).toHaveCount(0)

  expect(await enable(`https://${INSTANCE}`)).toEqual({ ok: true, value: { origin: `https://${INSTANCE}`, registered: true } })
  expect(await enable(`https://${INSTANCE}`)).toEqual({ ok: true, value: { origin: `https://${INSTANCE}`, registered: false } })

  await before.reload({ waitUntil: 'domcontentloaded' })
  const first = before.locator('tipline-button').first()
  await expect(first).toHaveAttribute('data-handle', `nour@${INSTANCE}`)
  await expect(first).toHaveAttribute('data-site', 'mastodon')

  // The tip panel, an extension page, may be shown on the enabled instance too.
  await first.getByRole('button').click()
  await expect.poll(() => before.frames().some((frame) => frame.url().includes('/src/extension/panel/index.html'))).toBe(true)
  await before.close()
})

test('an origin the reader has not granted is refused', async () => {
  const reply = await enable('https://other.example')
  expect(reply).toMatchObject({ ok: false, error: { code: 'permission_missing' } })
  expect(await enable('http://plain.example')).toMatchObject({ ok: false, error: { code: 'bad_origin' } })
})
