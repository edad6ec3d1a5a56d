// The reader's settings: tip presets, monthly budget and confirm-first amount, which sites show
// Tip buttons, and signing this device out. Amounts are typed in the wallet currency and checked
// strictly before anything is saved; the problem is shown next to its field.
import { useEffect, useId, useState } from 'preact/hooks'
import { DEFAULT_CURRENCY, type CurrencyCode } from '../../shared/currencies.ts'
import type { Settings } from '../../shared/settings.ts'
import { defaultPresets } from '../background/presets.ts'
import { db } from '../db.ts'
import { t, uiLocale } from '../i18n.ts'
import { send } from '../send.ts'
import { Button } from '../ui/Button.tsx'
import { ErrorText } from '../ui/ErrorText.tsx'
import { errorCode } from '../ui/send-error.ts'
import { useLiveQuery } from '../ui/use-live-query.ts'
import { amountProblemWords, errorWords } from '../ui/words.ts'
import { amountText, parseOptionalAmount, parsePresets, presetsText, type FieldProblem } from './settings-form.ts'
import { SignOut } from './SignOut.tsx'
import { SiteSwitches } from './SiteSwitches.tsx'

type Fields = { presets: string; monthly: string; confirmAbove: string }
type Problems = Partial<Record<keyof Fields, FieldProblem>>
type Saving = { state: 'idle' } | { state: 'saving' } | { state: 'saved' } | { state: 'failed'; code: string }

export function SettingsSection() {
  const wallet = useLiveQuery(async () => (await db.wallet.get('me')) ?? null)
  const currency = wallet?.currency ?? DEFAULT_CURRENCY
  const [settings, setSettings] = useState<Settings | null>(null)
  const [loadProblem, setLoadProblem] = useState<string | null>(null)

  useEffect(() => {
    send('settings.get').then(setSettings, (error: unknown) => setLoadProblem(errorCode(error)))
  }, [])

  return (
    <section class="stack" aria-labelledby="settings-heading" data-testid="settings">
      <h2 id="settings-heading">{t('settingsHeading')}</h2>
      {loadProblem && <p role="alert">{errorWords(loadProblem)}</p>}
      {settings && wallet !== undefined && (
        <SettingsForm key={currency} settings={settings} currency={currency} onSaved={setSettings} />
      )}
      <SignOut />
    </section>
  )
}

interface FormProps {
  settings: Settings
  currency: CurrencyCode
  onSaved: (settings: Settings) => void
}

function SettingsForm({ settings, currency, onSaved }: FormProps) {
  const id = useId()
  const locale = uiLocale()
  const [fields, setFields] = useState<Fields>({
    presets: presetsText(settings.tipPresets[currency] ?? defaultPresets(currency), currency, locale),
    monthly: amountText(settings.budget.monthly, currency, locale),
    confirmAbove: amountText(settings.budget.confirmAbove, currency, locale),
  })
  const [sites, setSites] = useState(settings.sites)
  const [hideAll, setHideAll] = useState(settings.hideAll)
  const [problems, setProblems] = useState<Problems>({})
  const [saving, setSaving] = useState<Saving>({ state: 'idle' })

  async function save(event: Event) {
    event.preventDefault()
    const presets = parsePresets(fields.presets, currency, locale)
    const monthly = parseOptionalAmount(fields.monthly, currency, locale)
    const confirmAbove = parseOptionalAmount(fields.confirmAbove, currency, locale)
    const found: Problems = {}
    if (!presets.ok) found.presets = presets.problem
    if (!monthly.ok) found.monthly = monthly.problem
    if (!confirmAbove.ok) found.confirmAbove = confirmAbove.problem
    setProblems(found)
    if (!presets.ok || !monthly.ok || !confirmAbove.ok) return
    setSaving({ state: 'saving' })
    try {
      const saved = await send('settings.update', {
        tipPresets: { ...settings.tipPresets, [currency]: presets.value },
        budget: { monthly: monthly.value, confirmAbove: confirmAbove.value },
        sites,
        hideAll,
      })
      onSaved(saved)
      setSaving({ state: 'saved' })
    } catch (error) {
      setSaving({ state: 'failed', code: errorCode(error) })
    }
  }

  const field = (name: keyof Fields, label: string, help: string, testId: string) => {
    const problem = problems[name]
    const helpId = `${id}-${name}-help`
    const problemId = `${id}-${name}-problem`
    return (
      <div class="field">
        <label class="field-label" for={`${id}-${name}`}>
          {label}
        </label>
        <input
          id={`${id}-${name}`}
          class="text-input"
          type="text"
          inputMode="decimal"
          autoComplete="off"
          data-testid={testId}
          value={fields[name]}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${helpId} ${problemId}` : helpId}
          onInput={(event) => setFields({ ...fields, [name]: event.currentTarget.value })}
        />
        <p id={helpId} class="muted">
          {help}
        </p>
        {problem && <ErrorText id={problemId}>{problemWords(problem, currency)}</ErrorText>}
      </div>
    )
  }

  return (
    <form class="stack" onSubmit={save} noValidate>
      {field('presets', t('settingsPresetsLabel', currency), t('settingsPresetsHelp'), 'settings-presets')}
      {field('monthly', t('settingsBudgetLabel', currency), t('settingsBudgetHelp'), 'settings-budget')}
      {field('confirmAbove', t('settingsConfirmLabel', currency), t('settingsConfirmHelp'), 'settings-confirm-above')}
      <SiteSwitches sites={sites} hideAll={hideAll} onSites={setSites} onHideAll={setHideAll} />
      <div>
        <Button type="submit" variant="primary" data-testid="settings-save" disabled={saving.state === 'saving'}>
          {t('settingsSave')}
        </Button>
      </div>
      <p role="status" data-testid="settings-status">
        {saving.state === 'saving' && t('settingsSaving')}
        {saving.state === 'saved' && t('settingsSaved')}
        {saving.state === 'failed' && errorWords(saving.code)}
      </p>
    </form>
  )
}

function problemWords(problem: FieldProblem, currency: string): string {
  if (problem.code === 'too_many') return t('settingsPresetsTooMany')
  return t('settingsPresetProblem', problem.text, amountProblemWords(problem.problem, currency))
}
