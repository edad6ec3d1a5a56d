import type { CreatorView, ReceivedTip } from '../../shared/api.ts'
import { t, uiLocale } from '../i18n.ts'
import { Money } from '../ui/Money.tsx'
import { postHref } from '../ui/post-link.ts'
import { relativeTime } from '../ui/when.ts'

/** Newest first. The table is always there (empty or not) so the page's shape never jumps. */
export function TipsReceived({ tips }: { tips: CreatorView['tips'] | undefined }) {
  const now = Date.now()
  const newestFirst = [...(tips ?? [])].sort((a, b) => b.at.localeCompare(a.at))
  return (
    <table class="tips-table" data-testid="tips-received">
      <thead>
        <tr>
          <th scope="col">{t('tipsColumnFrom')}</th>
          <th scope="col">{t('tipsColumnPost')}</th>
          <th scope="col">{t('tipsColumnAmount')}</th>
          <th scope="col">{t('tipsColumnNote')}</th>
          <th scope="col">{t('tipsColumnWhen')}</th>
        </tr>
      </thead>
      <tbody>
        {tips?.length === 0 && (
          <tr>
            <td colSpan={5} class="muted">
              {t('tipsEmpty')}
            </td>
          </tr>
        )}
        {newestFirst.map((tip) => (
          <tr key={tip.id}>
            <td>
              <bdi>{tip.from}</bdi>
            </td>
            <td>
              <TipPost tip={tip} />
            </td>
            <td>
              <Money minor={tip.amount} currency={tip.currency} />
            </td>
            <td>{tip.note && <bdi>{tip.note}</bdi>}</td>
            <td>
              <time dateTime={tip.at}>{relativeTime(tip.at, now, uiLocale())}</time>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function TipPost({ tip }: { tip: ReceivedTip }) {
  const href = postHref(tip.postUrl)
  const handle = <bdi>@{tip.handle}</bdi>
  if (!href) return handle
  return (
    <>
      {handle} ·{' '}
      <a href={href} target="_blank" rel="noopener noreferrer">
        {t('viewPost')}
      </a>
    </>
  )
}
