// What a person has chosen in an amount picker: one of the presets, or what they typed into the
// custom field. Nothing is chosen until they act, so no tip goes out at an amount they did not pick.
import type { AmountRange } from '../../shared/currencies.ts'
import { parseAmount, type AmountErrorCode } from '../../shared/money.ts'

export type AmountChoice =
  | { kind: 'none' }
  | { kind: 'preset'; minor: number }
  | { kind: 'custom'; text: string }

export const NOTHING_CHOSEN: AmountChoice = { kind: 'none' }

/** Why a typed amount can't be used: parseAmount's codes plus the two limit checks. */
export type AmountProblem = { code: 'below_min' | 'above_max'; limit: number } | { code: AmountErrorCode }

export type ResolvedAmount =
  | { state: 'chosen'; minor: number }
  | { state: 'empty' }
  | { state: 'invalid'; problem: AmountProblem }

export function resolveAmount(
  choice: AmountChoice,
  currency: string,
  locale: string,
  limits: AmountRange,
): ResolvedAmount {
  if (choice.kind === 'none') return { state: 'empty' }
  if (choice.kind === 'preset') return { state: 'chosen', minor: choice.minor }
  // A cleared field is "nothing chosen", not a mistake to point at.
  if (choice.text.trim() === '') return { state: 'empty' }
  const parsed = parseAmount(choice.text, currency, locale)
  if (!parsed.ok) return { state: 'invalid', problem: { code: parsed.code } }
  if (parsed.minor < limits.min) return { state: 'invalid', problem: { code: 'below_min', limit: limits.min } }
  if (parsed.minor > limits.max) return { state: 'invalid', problem: { code: 'above_max', limit: limits.max } }
  return { state: 'chosen', minor: parsed.minor }
}

/** The minor amount to act on, or null while nothing valid is chosen. */
export function chosenMinor(resolved: ResolvedAmount): number | null {
  return resolved.state === 'chosen' ? resolved.minor : null
}
