// Preset amounts as toggle buttons plus a custom amount field. None starts pressed: the person
// picks every amount themselves.
import type { Ref } from 'preact'
import { useId } from 'preact/hooks'
import { t } from '../i18n.ts'
import type { AmountChoiceState } from './use-amount-choice.ts'
import { ErrorText } from './ErrorText.tsx'
import { Money } from './Money.tsx'
import { amountProblemWords } from './words.ts'

interface AmountPickerProps {
  legend: string
  currency: string
  presets: number[]
  amount: AmountChoiceState
  /** data-testids for end-to-end tests, which differ between the popup and the panel. */
  testIds: { preset: (minor: number) => string; custom: string }
  firstPresetRef?: Ref<HTMLButtonElement>
  customRef?: Ref<HTMLInputElement>
  disabled?: boolean
}

export function AmountPicker({ legend, currency, presets, amount, testIds, firstPresetRef, customRef, disabled }: AmountPickerProps) {
  const id = useId()
  const customId = `${id}-custom`
  const problemId = `${id}-problem`
  const { choice, problem } = amount
  return (
    <fieldset class="amount-picker" disabled={disabled}>
      <legend>{legend}</legend>
      <div class="amount-presets">
        {presets.map((minor, index) => (
          <button
            key={minor}
            type="button"
            class="button button--preset"
            aria-pressed={choice.kind === 'preset' && choice.minor === minor}
            data-testid={testIds.preset(minor)}
            ref={index === 0 ? firstPresetRef : undefined}
            onClick={() => amount.choose({ kind: 'preset', minor })}
          >
            <Money minor={minor} currency={currency} />
          </button>
        ))}
      </div>
      <label class="field-label" for={customId}>
        {t('customAmountLabel', currency)}
      </label>
      <input
        id={customId}
        ref={customRef}
        class="text-input"
        type="text"
        inputMode="decimal"
        autoComplete="off"
        data-testid={testIds.custom}
        value={choice.kind === 'custom' ? choice.text : ''}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? problemId : undefined}
        onInput={(event) => amount.choose({ kind: 'custom', text: event.currentTarget.value })}
        onBlur={amount.reveal}
      />
      {problem && <ErrorText id={problemId}>{amountProblemWords(problem, currency)}</ErrorText>}
    </fieldset>
  )
}
