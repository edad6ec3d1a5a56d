// The content script runs on every X page: its whole weight (loader plus every chunk it imports,
// which crxjs lists as web-accessible for the sites) stays within 15 KB gzipped.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { expect, test } from '@playwright/test'
import { DIST } from '../../src/devkit/chromium.ts'

const BUDGET_BYTES = 15 * 1024

interface BuiltManifest {
  content_scripts: { js: string[] }[]
  web_accessible_resources: { resources: string[] }[]
}

test('the content script fits its 15 KB gzipped budget', () => {
  const manifest = JSON.parse(readFileSync(resolve(DIST, 'manifest.json'), 'utf8')) as BuiltManifest
  // A chunk listed for several sites (the listed ones, and any enabled one) loads once per page.
  const files = new Set([
    ...manifest.content_scripts.flatMap((script) => script.js),
    ...manifest.web_accessible_resources.flatMap((entry) => entry.resources).filter((file) => file.endsWith('.js')),
  ])
  expect([...files].some((file) => file.includes('content'))).toBe(true)
  const gzipped = [...files].reduce((sum, file) => sum + gzipSync(readFileSync(resolve(DIST, file)), { level: 9 }).length, 0)
  expect(gzipped).toBeLessThanOrEqual(BUDGET_BYTES)
})
