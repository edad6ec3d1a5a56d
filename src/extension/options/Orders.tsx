// The dashboard's Orders section: every paid purchase of the creator's products, newest first,
// with what the buyer paid and the platform's fee. Read fresh from the API through the background.
import { t, uiLocale } from '../i18n.ts'
import { send } from '../send.ts'
import { money } from '../ui/Money.tsx'
import { ProblemNotice } from '../ui/ProblemNotice.tsx'
import { calendarDate } from '../ui/when.ts'
import { useFreshRead } from './use-fresh-read.ts'

const readOrders = () => send('orders.list')

export function Orders() {
  // Buyers pay in another tab: coming back to this one shows their orders.
  const { view: orders, problem, reload } = useFreshRead(readOrders)

  return (
    <section class="stack" aria-labelledby="orders-heading" data-testid="orders">
      <h2 id="orders-heading">{t('ordersHeading')}</h2>
      {problem && <ProblemNotice code={problem} onRetry={reload} testId="orders-problem" />}
      {orders !== null && orders.length === 0 && <p class="muted">{t('ordersNone')}</p>}
      {orders !== null && orders.length > 0 && (
        <ul class="plain-list stack" data-testid="order-list">
          {orders.map((order) => (
            <li key={order.id} data-testid="order">
              {t('orderLine', order.title, money(order.amount, order.currency), money(order.fee, order.currency), calendarDate(order.at, uiLocale()))}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
