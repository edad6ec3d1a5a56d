import type { CreatorView } from '../../shared/api.ts'
import { t } from '../i18n.ts'
import { Money } from '../ui/Money.tsx'

/** What came in and waits for payout, one line per currency (money is never summed across them). */
export function Earnings({ earnings }: { earnings: CreatorView['earnings'] | undefined }) {
  if (earnings === undefined) return null
  if (earnings.length === 0) return <p class="muted">{t('earningsEmpty')}</p>
  return (
    <ul class="plain-list earnings" data-testid="earnings">
      {earnings.map((line) => (
        <li key={line.currency} class="earnings-amount">
          <Money minor={line.amount} currency={line.currency} />
        </li>
      ))}
    </ul>
  )
}
