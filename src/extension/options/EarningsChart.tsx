// One currency's earnings per period: a hand-drawn SVG bar chart for the eye, and the same
// figures as a table for screen readers and anyone who wants the numbers.
import { t } from '../i18n.ts'
import { Money } from '../ui/Money.tsx'
import type { PeriodTotal, PeriodUnit } from './periods.ts'
import { periodLabel } from './period-label.ts'

const BAR_WIDTH = 10
const BAR_GAP = 2
const CHART_HEIGHT = 100

export function EarningsChart({ currency, periods, unit }: { currency: string; periods: PeriodTotal[]; unit: PeriodUnit }) {
  const highest = Math.max(1, ...periods.map((period) => period.amount))
  const width = periods.length * (BAR_WIDTH + BAR_GAP)
  return (
    <div class="stack earnings-chart" data-testid={`earnings-chart-${currency}`}>
      <svg
        viewBox={`0 0 ${width} ${CHART_HEIGHT}`}
        preserveAspectRatio="none"
        width="100%"
        height="120"
        role="img"
        aria-label={t('insightChartLabel', currency)}
      >
        {periods.map((period, i) => {
          const height = (period.amount / highest) * CHART_HEIGHT
          return (
            <rect
              key={period.start}
              x={i * (BAR_WIDTH + BAR_GAP)}
              y={CHART_HEIGHT - height}
              width={BAR_WIDTH}
              height={height}
              fill="currentColor"
            />
          )
        })}
      </svg>
      <table class="tips-table" data-testid={`earnings-table-${currency}`}>
        <caption>{currency}</caption>
        <thead>
          <tr>
            <th scope="col">{t('insightColumnPeriod')}</th>
            <th scope="col">{t('insightColumnReceived')}</th>
            <th scope="col">{t('insightColumnTips')}</th>
          </tr>
        </thead>
        <tbody>
          {periods
            .filter((period) => period.count > 0)
            .map((period) => (
              <tr key={period.start}>
                <th scope="row">{periodLabel(period.start, unit)}</th>
                <td>
                  <Money minor={period.amount} currency={currency} />
                </td>
                <td>{period.count}</td>
              </tr>
            ))}
        </tbody>
      </table>
    </div>
  )
}
