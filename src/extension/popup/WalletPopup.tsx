// The toolbar popup: the reader's wallet. It paints from the cache at once and asks the
// background to sync; the live queries repaint when fresh data lands.
import browser from 'webextension-polyfill'
import { DEFAULT_CURRENCY } from '../../shared/currencies.ts'
import { db } from '../db.ts'
import { t } from '../i18n.ts'
import { send } from '../send.ts'
import { Button } from '../ui/Button.tsx'
import { ProblemNotice } from '../ui/ProblemNotice.tsx'
import { useLiveQuery } from '../ui/use-live-query.ts'
import { useRefresh } from '../ui/use-refresh.ts'
import { AddFunds } from './AddFunds.tsx'
import { Balance } from './Balance.tsx'
import { PendingTips } from './PendingTips.tsx'
import { RecentActivity } from './RecentActivity.tsx'
import { SiteAccess } from './SiteAccess.tsx'

const syncWallet = () => send('wallet.sync')

export function WalletPopup() {
  const wallet = useLiveQuery(async () => (await db.wallet.get('me')) ?? null)
  // The sync waits for the cache's first answer: the balance paints before the worker starts
  // reading and writing the same database for the sync.
  const sync = useRefresh(syncWallet, wallet !== undefined)
  return (
    <main class="stack">
      <header class="page-header">
        <h1>{t('extName')}</h1>
        <Button variant="quiet" onClick={() => browser.runtime.openOptionsPage()}>
          {t('openDashboard')}
        </Button>
      </header>
      {sync.problem && <ProblemNotice code={sync.problem} onRetry={sync.retry} testId="sync-problem" />}
      <Balance wallet={wallet} />
      {wallet !== undefined && <AddFunds currency={wallet?.currency ?? DEFAULT_CURRENCY} />}
      <SiteAccess />
      <PendingTips />
      <RecentActivity />
    </main>
  )
}
