// The reader's settings in storage.local (see src/shared/settings.ts). The background is the only
// writer: every update is merged into what is stored, checked whole, then written in one set, so
// content scripts following storage.onChanged never see a half-written value.
import browser from 'webextension-polyfill'
import { isSupportedCurrency, isValidMinorAmount, limitsFor } from '../../shared/currencies.ts'
import { SETTINGS_STORAGE_KEY, Settings, readSettings, type SettingsUpdate } from '../../shared/settings.ts'
import { BackgroundError } from './errors.ts'

export async function loadSettings(): Promise<Settings> {
  return readSettings((await browser.storage.local.get(SETTINGS_STORAGE_KEY))[SETTINGS_STORAGE_KEY])
}

// Two updates in one worker must not read the same old value and lose one another's change.
let writing: Promise<unknown> = Promise.resolve()

export function updateSettings(update: SettingsUpdate): Promise<Settings> {
  const result = writing.then(async () => {
    const next = Settings.parse({ ...(await loadSettings()), ...update })
    const problem = presetProblem(next.tipPresets)
    if (problem) throw new BackgroundError('bad_input', problem)
    await browser.storage.local.set({ [SETTINGS_STORAGE_KEY]: next })
    return next
  })
  writing = result.catch(() => undefined)
  return result
}

/** Presets must be amounts a tip in that currency can be: a valid minor amount within the tip limits. */
function presetProblem(presets: Settings['tipPresets']): string | null {
  for (const [currency, amounts] of Object.entries(presets)) {
    if (!isSupportedCurrency(currency)) return `tipPresets: ${currency} is not a supported currency.`
    const { min, max } = limitsFor(currency).tip
    const wrong = amounts.find((amount) => !isValidMinorAmount(amount, currency) || amount < min || amount > max)
    if (wrong !== undefined) return `tipPresets.${currency}: ${wrong} is not a tip amount in ${currency}.`
  }
  return null
}

/** A row of the Dexie settings table that version 1 of the cache had. */
export interface LegacySetting {
  key: string
  value: unknown
}

/**
 * Version 1 kept presets in Dexie rows `tipPresets:<CUR>`. Called from inside the schema upgrade,
 * which must not wait on anything but IndexedDB, so it starts the write and returns at once.
 */
export function adoptLegacyPresets(rows: LegacySetting[]): void {
  const tipPresets: Record<string, unknown> = {}
  for (const { key, value } of rows) if (key.startsWith('tipPresets:')) tipPresets[key.slice('tipPresets:'.length)] = value
  if (Object.keys(tipPresets).length === 0) return
  loadSettings()
    .then((stored) => updateSettings({ tipPresets: { ...readLegacy(tipPresets), ...stored.tipPresets } }))
    .catch((error: unknown) => console.warn('Tipline: moving tip presets to the new settings failed', error))
}

/** Only the rows that are valid presets survive the move. */
function readLegacy(rows: Record<string, unknown>): Settings['tipPresets'] {
  const valid: Settings['tipPresets'] = {}
  for (const [currency, amounts] of Object.entries(rows)) {
    const parsed = Settings.shape.tipPresets.safeParse({ [currency]: amounts })
    if (parsed.success && presetProblem(parsed.data) === null) Object.assign(valid, parsed.data)
  }
  return valid
}
