import { formatMoney } from '../../shared/money.ts'
import { uiLocale } from '../i18n.ts'

/** An amount as text in the reader's locale, for sentences built by t(). */
export function money(minor: number, currency: string): string {
  return formatMoney(minor, currency, uiLocale())
}

/** An amount in the reader's locale, isolated so RTL text around it can't reorder its parts. */
export function Money({ minor, currency }: { minor: number; currency: string }) {
  return <bdi class="money">{money(minor, currency)}</bdi>
}
