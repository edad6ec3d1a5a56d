import type { CreatorView } from '../../shared/api.ts'
import { t, uiLocale } from '../i18n.ts'
import { calendarDate } from '../ui/when.ts'
import { ReleaseHandle } from './ReleaseHandle.tsx'

export function Handles({ handles }: { handles: CreatorView['handles'] | undefined }) {
  return (
    <ul class="plain-list" data-testid="handles">
      {handles?.length === 0 && <li class="muted">{t('handlesEmpty')}</li>}
      {handles?.map((claimed) => (
        <li key={`${claimed.site}:${claimed.handle}`}>
          <bdi>@{claimed.handle}</bdi> · {t(`site_${claimed.site}`)} ·{' '}
          <span class="muted">{t('claimedOn', calendarDate(claimed.claimedAt, uiLocale()))}</span>{' '}
          <ReleaseHandle site={claimed.site} handle={claimed.handle} />
        </li>
      ))}
    </ul>
  )
}
