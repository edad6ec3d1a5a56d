// The options page: the creator's dashboard. Handles they claimed, earnings per currency and
// every tip received, painted from the cache and refreshed from the server on open.
import { db } from '../db.ts'
import { t } from '../i18n.ts'
import { send } from '../send.ts'
import { ProblemNotice } from '../ui/ProblemNotice.tsx'
import { useLiveQuery } from '../ui/use-live-query.ts'
import { useRefresh } from '../ui/use-refresh.ts'
import { ClaimHandle } from './ClaimHandle.tsx'
import { ClaimHandleForm } from './ClaimHandleForm.tsx'
import { Earnings } from './Earnings.tsx'
import { Handles } from './Handles.tsx'
import { Insight } from './Insight.tsx'
import { Orders } from './Orders.tsx'
import { Payouts } from './Payouts.tsx'
import { Products } from './Products.tsx'
import { SelectorHealth } from './SelectorHealth.tsx'
import { SettingsSection } from './SettingsSection.tsx'
import { TipsReceived } from './TipsReceived.tsx'

const refreshCreator = () => send('creator.get')

export function CreatorDashboard() {
  // Nothing cached yet reads as a creator with nothing yet: empty lists, not a blank page.
  const creator = useLiveQuery(async () => (await db.creator.get('me')) ?? { handles: [], earnings: [], tips: [] })
  const refresh = useRefresh(refreshCreator)
  return (
    <main class="stack dashboard">
      <h1>{t('dashboardTitle')}</h1>
      {refresh.problem && <ProblemNotice code={refresh.problem} onRetry={refresh.retry} testId="creator-problem" />}
      <section class="stack" aria-labelledby="handles-heading">
        <h2 id="handles-heading">{t('handlesHeading')}</h2>
        <Handles handles={creator?.handles} />
        <ClaimHandle />
        <ClaimHandleForm />
      </section>
      <section class="stack" aria-labelledby="earnings-heading">
        <h2 id="earnings-heading">{t('earningsHeading')}</h2>
        <Earnings earnings={creator?.earnings} />
      </section>
      <section class="stack" aria-labelledby="tips-heading">
        <h2 id="tips-heading">{t('tipsReceivedHeading')}</h2>
        <TipsReceived tips={creator?.tips} />
      </section>
      <Insight />
      <Payouts />
      <Products />
      <Orders />
      <SelectorHealth />
      <SettingsSection />
    </main>
  )
}
