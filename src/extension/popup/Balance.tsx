import type { CachedWallet } from '../db.ts'
import { t, uiLocale } from '../i18n.ts'
import { Money, money } from '../ui/Money.tsx'
import { useLiveQuery } from '../ui/use-live-query.ts'
import { calendarDate, daysUntil } from '../ui/when.ts'
import { namesFor, who } from './creator-names.ts'

/** undefined while the cache is being read (nothing to say yet), null when nothing is cached. */
export function Balance({ wallet }: { wallet: CachedWallet | null | undefined }) {
  return (
    <section class="balance" aria-labelledby="balance-heading">
      <h2 id="balance-heading" class="section-heading">
        {t('balanceHeading')}
      </h2>
      <p class="balance-amount" data-testid="balance">
        {wallet === undefined ? '' : wallet?.currency ? <Money minor={wallet.balance} currency={wallet.currency} /> : t('noFundsYet')}
      </p>
      {wallet?.currency && wallet.debt > 0 && (
        <p class="notice notice--problem">{t('debtNotice', money(wallet.debt, wallet.currency))}</p>
      )}
      {wallet && wallet.escrowed.length > 0 && <EscrowedTips escrowed={wallet.escrowed} />}
    </section>
  )
}

/** Its own live query for names, so the balance paints without waiting for it. */
function EscrowedTips({ escrowed }: { escrowed: CachedWallet['escrowed'] }) {
  const names = useLiveQuery(() => namesFor(escrowed), [escrowed]) ?? new Map<string, string>()
  return (
    <>
      <h3 class="section-heading">{t('escrowedHeading')}</h3>
      <ul class="plain-list" data-testid="escrowed-tips">
        {escrowed.map((held) => (
          <li key={`${held.site}:${held.handle}:${held.returnsAt}`}>
            {t(
              'escrowedTip',
              money(held.amount, held.currency),
              who(held.site, held.handle, names),
              t(`site_${held.site}`),
              daysUntil(held.returnsAt, Date.now(), uiLocale()),
              calendarDate(held.returnsAt, uiLocale()),
            )}
          </li>
        ))}
      </ul>
    </>
  )
}
