// The wallet's latest movements: top-ups, tips sent and received, refunds, payouts.
import type { ActivityItem } from '../../shared/api.ts'
import { db } from '../db.ts'
import { t, uiLocale, type MessageKey } from '../i18n.ts'
import { Money } from '../ui/Money.tsx'
import { postHref } from '../ui/post-link.ts'
import { useLiveQuery } from '../ui/use-live-query.ts'
import { relativeTime } from '../ui/when.ts'
import { namesFor, who, type CreatorNames } from './creator-names.ts'

const RECENT = 20

const KIND_WORDS: Record<ActivityItem['kind'], { withHandle: MessageKey; alone: MessageKey }> = {
  topup: { withHandle: 'activityTopup', alone: 'activityTopup' },
  tip_sent: { withHandle: 'activityTipSentTo', alone: 'activityTipSent' },
  tip_received: { withHandle: 'activityTipReceivedFor', alone: 'activityTipReceived' },
  refund: { withHandle: 'activityRefund', alone: 'activityRefund' },
  dispute: { withHandle: 'activityDispute', alone: 'activityDispute' },
  payout: { withHandle: 'activityPayout', alone: 'activityPayout' },
}

export function RecentActivity() {
  const recent = useLiveQuery(async () => {
    const items = await db.activity.orderBy('at').reverse().limit(RECENT).toArray()
    return { items, names: await namesFor(items) }
  })
  if (recent === undefined) return null
  const { items, names } = recent
  const now = Date.now()
  return (
    <section aria-labelledby="activity-heading">
      <h2 id="activity-heading" class="section-heading">
        {t('activityHeading')}
      </h2>
      {items.length === 0 ? (
        <p class="muted">{t('activityEmpty')}</p>
      ) : (
        <ul class="plain-list activity" data-testid="activity">
          {items.map((item) => (
            <li key={item.id} class="activity-item">
              <span>{describe(item, names)}</span>
              <Money minor={Math.abs(item.amount)} currency={item.currency} />
              <span class="muted">
                <time dateTime={item.at}>{relativeTime(item.at, now, uiLocale())}</time>
                <PostLink url={item.postUrl} />
              </span>
              {item.note && <q class="note">{item.note}</q>}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

function describe(item: ActivityItem, names: CreatorNames): string {
  const words = KIND_WORDS[item.kind]
  return item.handle ? t(words.withHandle, who(item.site, item.handle, names)) : t(words.alone)
}

function PostLink({ url }: { url: string | null }) {
  const href = postHref(url)
  if (!href) return null
  return (
    <>
      {' · '}
      <a href={href} target="_blank" rel="noopener noreferrer">
        {t('viewPost')}
      </a>
    </>
  )
}
