// Tips the background hasn't delivered yet: waiting for the server, or refused and why.
import { db, type OutboxItem } from '../db.ts'
import { t } from '../i18n.ts'
import { money } from '../ui/Money.tsx'
import { useLiveQuery } from '../ui/use-live-query.ts'
import { errorWords } from '../ui/words.ts'

const UNDELIVERED = ['queued', 'sending', 'failed']

export function PendingTips() {
  const pending = useLiveQuery(() => db.outbox.where('state').anyOf(UNDELIVERED).sortBy('createdAt'))
  if (!pending?.length) return null
  return (
    <section aria-labelledby="pending-heading">
      <h2 id="pending-heading" class="section-heading">
        {t('pendingHeading')}
      </h2>
      <ul class="plain-list" data-testid="pending-tips">
        {pending.map((item) => (
          <li key={item.id}>
            <p>{t('pendingTip', money(item.request.amount, item.request.currency), `@${item.request.handle}`)}</p>
            <p class="muted">{stateWords(item)}</p>
          </li>
        ))}
      </ul>
    </section>
  )
}

// A queued tip only ever failed in ways that retrying fixes (no network, a server hiccup), so
// "will be sent" says all; a failed one was refused, and the reason is what the reader needs.
function stateWords(item: OutboxItem): string {
  if (item.state === 'failed') return t('pendingFailed', errorWords(item.lastError?.code ?? 'unexpected'))
  if (item.state === 'sending') return t('pendingSending')
  return t('pendingQueued')
}
