// Tips the background hasn't delivered yet: held for undo, waiting for a top-up or the server, or
// refused and why. Each one the reader can send now or cancel, unless it is already in flight.
import { useState } from 'preact/hooks'
import type { OutboxItem } from '../db.ts'
import { db } from '../db.ts'
import { t } from '../i18n.ts'
import { Button } from '../ui/Button.tsx'
import { money } from '../ui/Money.tsx'
import { send } from '../send.ts'
import { errorCode } from '../ui/send-error.ts'
import { useLiveQuery } from '../ui/use-live-query.ts'
import { errorWords } from '../ui/words.ts'

const UNDELIVERED = ['held', 'awaiting_funds', 'queued', 'sending', 'failed']
const RETRYABLE: ReadonlySet<OutboxItem['state']> = new Set(['awaiting_funds', 'queued', 'failed'])
const CANCELLABLE: ReadonlySet<OutboxItem['state']> = new Set(['held', 'awaiting_funds', 'queued', 'failed'])

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
          <PendingTip key={item.id} item={item} />
        ))}
      </ul>
    </section>
  )
}

function PendingTip({ item }: { item: OutboxItem }) {
  const [problem, setProblem] = useState<string | null>(null)
  const amount = money(item.request.amount, item.request.currency)
  const who = `@${item.request.handle}`
  const act = (name: 'outbox.retry' | 'outbox.cancel') => () => {
    setProblem(null)
    send(name, { id: item.id }).catch((error: unknown) => setProblem(errorCode(error)))
  }
  return (
    <li class="pending-tip" data-testid="pending-tip">
      <p>{t('pendingTip', amount, who)}</p>
      <p class="muted">{stateWords(item)}</p>
      <div class="field-row">
        {RETRYABLE.has(item.state) && (
          <Button variant="quiet" aria-label={t('pendingSendNowLabel', amount, who)} data-testid="pending-retry" onClick={act('outbox.retry')}>
            {t('pendingSendNow')}
          </Button>
        )}
        {CANCELLABLE.has(item.state) && (
          <Button variant="quiet" aria-label={t('pendingCancelLabel', amount, who)} data-testid="pending-cancel" onClick={act('outbox.cancel')}>
            {t('pendingCancel')}
          </Button>
        )}
      </div>
      {problem && <p role="alert">{errorWords(problem)}</p>}
    </li>
  )
}

// A queued tip only ever failed in ways that retrying fixes (no network, a server hiccup), so
// "will be sent" says all; a failed one was refused, and the reason is what the reader needs.
function stateWords(item: OutboxItem): string {
  if (item.state === 'failed') return t('pendingFailed', errorWords(item.lastError?.code ?? 'unexpected'))
  if (item.state === 'sending') return t('pendingSending')
  if (item.state === 'held') return t('pendingHeld')
  if (item.state === 'awaiting_funds') return t('pendingAwaitingFunds')
  return t('pendingQueued')
}
