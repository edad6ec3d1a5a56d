// Before the first top-up the wallet has no currency and nothing to tip with.
import { DEFAULT_CURRENCY, limitsFor } from '../../shared/currencies.ts'
import type { PostRef } from '../../shared/messages.ts'
import { t } from '../i18n.ts'
import { topupFor } from '../ui/topup-amounts.ts'
import { PostExcerpt } from './PostExcerpt.tsx'
import { recipientName } from './recipient.ts'
import { TopupButton } from './TopupButton.tsx'

export function AddFundsFirst({ post }: { post: PostRef }) {
  return (
    <div class="stack">
      <h1 id="panel-title" class="panel-title">
        {t('tipTitle', recipientName(post))}
      </h1>
      <PostExcerpt post={post} />
      <p data-testid="panel-status">{t('addFundsFirst')}</p>
      <TopupButton amount={topupFor(0, limitsFor(DEFAULT_CURRENCY).topup)} currency={DEFAULT_CURRENCY} />
    </div>
  )
}
