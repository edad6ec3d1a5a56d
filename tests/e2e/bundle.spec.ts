// The extension bundle is public: anyone can unzip it. No secret may ever be inside.
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { test, expect } from '@playwright/test'
import { apiBaseUrl } from '../../scripts/build-config.ts'

const root = resolve(import.meta.dirname, '../..')
const SECRET_PATTERNS = [/sk_(test|live)_[A-Za-z0-9]{8,}/, /rk_(test|live)_[A-Za-z0-9]{8,}/, /whsec_[A-Za-z0-9]{8,}/]

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}

function secretsIn(text: string): string[] {
  return SECRET_PATTERNS.flatMap((pattern) => text.match(pattern)?.[0] ?? [])
}

test('the scanner recognises every kind of secret it looks for', () => {
  // Built at run time so this file itself never holds a secret-shaped literal.
  const samples = ['sk', 'rk'].flatMap((kind) => ['test', 'live'].map((mode) => `${kind}_${mode}_${'a1B2c3D4e5'}`))
  samples.push(`whsec_${'Z9y8X7w6v5'}`)
  for (const sample of samples) expect(secretsIn(`const key = "${sample}"`)).toHaveLength(1)
})

for (const build of ['dist', 'dist-firefox']) {
  test(`${build}/ holds no secret key or webhook secret`, () => {
    const dir = resolve(root, build)
    test.skip(!existsSync(dir), `${build}/ is missing: run \`npm run build\` (and check:firefox) first`)
    const found = filesUnder(dir).flatMap((file) => secretsIn(readFileSync(file, 'latin1')).map((s) => `${file}: ${s}`))
    expect(found).toEqual([])
  })
}

test('dist/ is built against the configured API and asks only for the permissions it needs', () => {
  const manifest = JSON.parse(readFileSync(resolve(root, 'dist/manifest.json'), 'utf8'))
  expect(manifest.permissions).toEqual(['storage', 'alarms', 'scripting', 'activeTab'])
  // Asked for one site at a time, when the reader enables Tipline on a Mastodon instance the manifest does not list.
  expect(manifest.optional_host_permissions).toEqual(['https://*/*'])
  expect(manifest.host_permissions).toEqual([
    'https://x.com/*',
    'https://twitter.com/*',
    'https://bsky.app/*',
    'https://mastodon.social/*',
    'https://mastodon.online/*',
    'https://mstdn.social/*',
    'https://mas.to/*',
    'https://fosstodon.org/*',
    'https://hachyderm.io/*',
    'https://infosec.exchange/*',
    'https://mastodon.world/*',
    `${apiBaseUrl()}/*`,
  ])
  const bundle = filesUnder(resolve(root, 'dist')).filter((f) => f.endsWith('.js')).map((f) => readFileSync(f, 'utf8'))
  expect(bundle.some((code) => code.includes(apiBaseUrl()))).toBe(true)
})
