// The state behind an AmountPicker. A typed amount's problem is shown once the person leaves
// the field or tries to go on, and from then on as they type, so nobody is scolded mid-number.
import { useState } from 'preact/hooks'
import type { AmountRange } from '../../shared/currencies.ts'
import { uiLocale } from '../i18n.ts'
import { NOTHING_CHOSEN, chosenMinor, resolveAmount, type AmountChoice, type AmountProblem } from './amount-choice.ts'

export interface AmountChoiceState {
  choice: AmountChoice
  /** The amount to act on, or null while nothing valid is chosen. */
  minor: number | null
  /** The problem to show next to the custom field, if any. */
  problem: AmountProblem | null
  choose(choice: AmountChoice): void
  /** Show the custom field's problem from now on (on blur, or on an attempt to go on). */
  reveal(): void
}

export function useAmountChoice(currency: string, limits: AmountRange): AmountChoiceState {
  const [choice, setChoice] = useState<AmountChoice>(NOTHING_CHOSEN)
  const [revealed, setRevealed] = useState(false)
  const resolved = resolveAmount(choice, currency, uiLocale(), limits)
  return {
    choice,
    minor: chosenMinor(resolved),
    problem: revealed && resolved.state === 'invalid' ? resolved.problem : null,
    choose(next) {
      if (next.kind !== 'custom') setRevealed(false)
      setChoice(next)
    },
    reveal: () => setRevealed(true),
  }
}
