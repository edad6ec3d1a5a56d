// The dashboard's insight: earnings per day, week or month in each currency, the posts and
// supporters that brought the most, the latest notes, and the CSV export of all of it. Painted
// from the running totals in the cache, so it costs the same with ten tips or a hundred thousand.
import { useState } from 'preact/hooks'
import { t, uiLocale } from '../i18n.ts'
import { localDay, type TipTotal } from '../tip-totals.ts'
import { Money } from '../ui/Money.tsx'
import { postHref } from '../ui/post-link.ts'
import { relativeTime } from '../ui/when.ts'
import { useLiveQuery } from '../ui/use-live-query.ts'
import type { CachedReceivedTip } from '../db.ts'
import { EarningsChart } from './EarningsChart.tsx'
import { ExportCsv } from './ExportCsv.tsx'
import { readInsight } from './insight-data.ts'
import { periodTotals, type PeriodUnit } from './periods.ts'

const UNITS = [
  ['day', 'insightPeriodDay'],
  ['week', 'insightPeriodWeek'],
  ['month', 'insightPeriodMonth'],
] as const

export function Insight() {
  const insight = useLiveQuery(readInsight)
  const [unit, setUnit] = useState<PeriodUnit>('day')
  const today = localDay(new Date().toISOString())
  return (
    <section class="stack" aria-labelledby="insight-heading" data-testid="insight">
      <h2 id="insight-heading">{t('insightHeading')}</h2>
      <fieldset class="period-choice">
        <legend>{t('insightPeriod')}</legend>
        {UNITS.map(([value, words]) => (
          <label key={value}>
            <input type="radio" name="insight-period" value={value} checked={unit === value} onChange={() => setUnit(value)} /> {t(words)}
          </label>
        ))}
      </fieldset>
      {insight?.currencies.length === 0 && <p class="muted">{t('insightEmpty')}</p>}
      {insight?.currencies.map(({ currency, days }) => (
        <EarningsChart key={currency} currency={currency} unit={unit} periods={periodTotals(days, unit, today)} />
      ))}
      <h3>{t('topPostsHeading')}</h3>
      <ol class="plain-list" data-testid="top-posts">
        {insight?.currencies.flatMap(({ posts }) => posts.map((post) => <TopPost key={post.key} post={post} />))}
      </ol>
      <h3>{t('topSupportersHeading')}</h3>
      <ol class="plain-list" data-testid="top-supporters">
        {insight?.currencies.flatMap(({ supporters }) =>
          supporters.map((supporter) => (
            <li key={supporter.key}>
              <bdi>{supporter.bucket}</bdi> · <Money minor={supporter.amount} currency={supporter.currency} /> · {supporter.count}
            </li>
          )),
        )}
      </ol>
      <h3>{t('notesHeading')}</h3>
      {insight?.notes.length === 0 && <p class="muted">{t('notesEmpty')}</p>}
      <ul class="plain-list" data-testid="notes">
        {insight?.notes.map((tip) => <Note key={tip.id} tip={tip} />)}
      </ul>
      {insight && <ExportCsv insight={insight} unit={unit} today={today} />}
    </section>
  )
}

function TopPost({ post }: { post: TipTotal }) {
  const href = postHref(post.bucket)
  return (
    <li>
      {post.handle && <bdi>@{post.handle}</bdi>} ·{' '}
      {href ? (
        <a href={href} target="_blank" rel="noopener noreferrer">
          {t('viewPost')}
        </a>
      ) : (
        <bdi>{post.bucket}</bdi>
      )}{' '}
      · <Money minor={post.amount} currency={post.currency} /> · {post.count}
    </li>
  )
}

function Note({ tip }: { tip: CachedReceivedTip }) {
  return (
    <li>
      <blockquote>
        <bdi>{tip.note}</bdi>
      </blockquote>
      <bdi>{tip.from}</bdi> · <Money minor={tip.amount} currency={tip.currency} /> ·{' '}
      <time dateTime={tip.at}>{relativeTime(tip.at, Date.now(), uiLocale())}</time>
    </li>
  )
}
