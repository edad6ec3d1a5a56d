// A reader's settings. They live in browser.storage.local under one key: the background writes them
// (validated, on 'settings.update'), and content scripts read them directly and follow
// storage.onChanged, so switching a site off takes effect at once, without a reload.
import { z } from 'zod'
import { MinorAmount } from './api.ts'

export const SETTINGS_STORAGE_KEY = 'settings'

export const Settings = z.object({
  /** Per-site switch for the buttons. */
  sites: z.object({ x: z.boolean(), bluesky: z.boolean(), mastodon: z.boolean() }),
  /** Hide every Tipline button on every site. */
  hideAll: z.boolean(),
  /** Tip presets per wallet currency, in minor units; a currency absent here uses the defaults. */
  tipPresets: z.record(z.string().regex(/^[A-Z]{3}$/), z.array(MinorAmount).min(1).max(6)),
  /** Monthly budget in the wallet currency (minor units), and the tip size that always asks first. */
  budget: z.object({ monthly: MinorAmount.nullable(), confirmAbove: MinorAmount.nullable() }),
})
export type Settings = z.infer<typeof Settings>

export const SettingsUpdate = Settings.partial()
export type SettingsUpdate = z.infer<typeof SettingsUpdate>

export const DEFAULT_SETTINGS: Settings = {
  sites: { x: true, bluesky: true, mastodon: true },
  hideAll: false,
  tipPresets: {},
  budget: { monthly: null, confirmAbove: null },
}

/** Whatever is stored, read safely: anything missing or malformed falls back to the defaults. */
export function readSettings(stored: unknown): Settings {
  const parsed = Settings.safeParse({ ...DEFAULT_SETTINGS, ...(typeof stored === 'object' ? stored : {}) })
  return parsed.success ? parsed.data : DEFAULT_SETTINGS
}
