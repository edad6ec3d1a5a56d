// Downloads the dashboard as CSV: every tip from the cache, the payouts fresh from the API.
import { useState } from 'preact/hooks'
import { db } from '../db.ts'
import { t } from '../i18n.ts'
import { send } from '../send.ts'
import { Button } from '../ui/Button.tsx'
import { ProblemNotice } from '../ui/ProblemNotice.tsx'
import { errorCode } from '../ui/send-error.ts'
import { dashboardCsv } from './dashboard-csv.ts'
import type { Insight } from './insight-data.ts'
import type { PeriodUnit } from './periods.ts'

export function ExportCsv({ insight, unit, today }: { insight: Insight; unit: PeriodUnit; today: string }) {
  const [state, setState] = useState<{ kind: 'idle' | 'busy' | 'done' } | { kind: 'failed'; code: string }>({ kind: 'idle' })

  async function download() {
    setState({ kind: 'busy' })
    try {
      const [tips, { payouts }] = await Promise.all([db.received.orderBy('at').reverse().toArray(), send('payouts.get')])
      const blob = new Blob([dashboardCsv(tips, payouts, insight, unit, today)], { type: 'text/csv;charset=utf-8' })
      const link = document.createElement('a')
      link.href = URL.createObjectURL(blob)
      link.download = `tipline-${today}.csv`
      link.click()
      // The download has its own copy once it starts; the URL only holds the blob in memory.
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000)
      setState({ kind: 'done' })
    } catch (error) {
      setState({ kind: 'failed', code: errorCode(error) })
    }
  }

  return (
    <div class="stack">
      <div>
        <Button onClick={download} disabled={state.kind === 'busy'} data-testid="export-csv">
          {t('exportCsv')}
        </Button>
      </div>
      {state.kind === 'failed' && <ProblemNotice code={state.code} onRetry={download} testId="export-problem" />}
      <p role="status">{state.kind === 'done' ? t('exportDone') : ''}</p>
    </div>
  )
}
