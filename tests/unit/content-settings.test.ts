// The content script reads the site switches without zod (size budget); it must agree with the
// shared schema's reading of whatever is stored, valid or not.
import './background-fake-browser.ts'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { SETTINGS_STORAGE_KEY, siteEnabled } from '../../src/extension/content/settings.ts'
import { DEFAULT_SETTINGS, readSettings, SETTINGS_STORAGE_KEY as SHARED_KEY } from '../../src/shared/settings.ts'

const sites = ['x', 'bluesky', 'mastodon'] as const

describe('siteEnabled', () => {
  test('reads the same storage key as the shared settings', () => {
    expect(SETTINGS_STORAGE_KEY).toBe(SHARED_KEY)
  })

  test('a site is on by default and off when switched off or when everything is hidden', () => {
    expect(siteEnabled(undefined, 'x')).toBe(true)
    expect(siteEnabled({ ...DEFAULT_SETTINGS, sites: { ...DEFAULT_SETTINGS.sites, x: false } }, 'x')).toBe(false)
    expect(siteEnabled({ ...DEFAULT_SETTINGS, sites: { ...DEFAULT_SETTINGS.sites, x: false } }, 'bluesky')).toBe(true)
    expect(siteEnabled({ ...DEFAULT_SETTINGS, hideAll: true }, 'mastodon')).toBe(false)
  })

  test('agrees with readSettings on every valid settings object', () => {
    const settings = fc.record({
      sites: fc.record({ x: fc.boolean(), bluesky: fc.boolean(), mastodon: fc.boolean() }),
      hideAll: fc.boolean(),
    })
    fc.assert(
      fc.property(settings, fc.constantFrom(...sites), (stored, site) => {
        const shared = readSettings({ ...DEFAULT_SETTINGS, ...stored })
        expect(siteEnabled({ ...DEFAULT_SETTINGS, ...stored }, site)).toBe(!shared.hideAll && shared.sites[site])
      }),
    )
  })

  test('malformed storage never hides buttons', () => {
    for (const stored of [null, 'off', 42, [], { sites: 'x' }, { sites: { x: 'false' } }, { hideAll: 'yes' }]) {
      expect(siteEnabled(stored, 'x')).toBe(true)
    }
  })
})
