// The dashboard's Payouts section: connect a Stripe account through Stripe's hosted onboarding,
// see whether Stripe is ready to pay, withdraw what is available in each currency, and every
// payout so far. Read fresh from the API (through the background), never from the cache.
import { useEffect, useId, useState } from 'preact/hooks'
import type { Payout, PayoutAccount, PayoutBalance } from '../../shared/api.ts'
import type { CurrencyCode } from '../../shared/currencies.ts'
import { t, uiLocale, type MessageKey } from '../i18n.ts'
import { send } from '../send.ts'
import { Button } from '../ui/Button.tsx'
import { Money, money } from '../ui/Money.tsx'
import { ProblemNotice } from '../ui/ProblemNotice.tsx'
import { errorCode } from '../ui/send-error.ts'
import { calendarDate } from '../ui/when.ts'
import { errorWords } from '../ui/words.ts'
import { useFreshRead } from './use-fresh-read.ts'

/** After the creator opened Stripe's onboarding from here, look for Stripe's answer this often until it is ready. */
const WAITING_POLL_MS = 3_000

type Action = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; words: string } | { kind: 'failed'; code: string }

const readPayouts = () => send('payouts.get')

export function Payouts() {
  // Onboarding happens in another tab: coming back to this one, or Stripe confirming later, shows here.
  const { view, problem, reload: load } = useFreshRead(readPayouts)
  const [action, setAction] = useState<Action>({ kind: 'idle' })
  const [onboarding, setOnboarding] = useState(false)
  const waiting = onboarding && view?.account.payoutsEnabled === false
  useEffect(() => {
    if (!waiting) return
    const timer = setInterval(load, WAITING_POLL_MS)
    return () => clearInterval(timer)
  }, [waiting, load])

  async function run(task: () => Promise<string>) {
    setAction({ kind: 'busy' })
    try {
      setAction({ kind: 'done', words: await task() })
    } catch (error) {
      setAction({ kind: 'failed', code: errorCode(error) })
    }
    load()
  }
  const connect = () =>
    run(async () => {
      await send('payouts.connect')
      setOnboarding(true)
      return t('payoutsOpened')
    })
  const withdraw = (currency: CurrencyCode) => run(async () => outcomeWords(await send('payouts.withdraw', { currency })))

  return (
    <section class="stack" aria-labelledby="payouts-heading" data-testid="payouts">
      <h2 id="payouts-heading">{t('payoutsHeading')}</h2>
      {problem && <ProblemNotice code={problem} onRetry={load} testId="payouts-problem" />}
      {view && (
        <>
          <Readiness account={view.account} busy={action.kind === 'busy'} onConnect={connect} />
          <h3>{t('payoutsAvailableHeading')}</h3>
          <Balances balances={view.balances} ready={view.account.payoutsEnabled} busy={action.kind === 'busy'} onWithdraw={withdraw} />
          <h3>{t('payoutsHistoryHeading')}</h3>
          <PayoutList payouts={view.payouts} />
        </>
      )}
      <p role="status" data-testid="payouts-status">
        {action.kind === 'done' && action.words}
      </p>
      {action.kind === 'failed' && (
        <p class="notice notice--problem" role="alert" data-testid="payouts-failed">
          {errorWords(action.code)}
        </p>
      )}
    </section>
  )
}

function Readiness({ account, busy, onConnect }: { account: PayoutAccount; busy: boolean; onConnect: () => void }) {
  if (account.payoutsEnabled) return <p data-testid="payouts-readiness">{t('payoutsReady')}</p>
  const words: MessageKey = !account.connected ? 'payoutsNotConnected' : account.detailsSubmitted ? 'payoutsVerifying' : 'payoutsNeedDetails'
  return (
    <div class="stack">
      <p data-testid="payouts-readiness">{t(words)}</p>
      <div>
        <Button variant="primary" disabled={busy} onClick={onConnect} data-testid="payouts-connect">
          {t(account.connected ? 'payoutsContinue' : 'payoutsConnect')}
        </Button>
      </div>
    </div>
  )
}

function Balances(props: { balances: PayoutBalance[]; ready: boolean; busy: boolean; onWithdraw: (currency: CurrencyCode) => void }) {
  if (props.balances.length === 0) return <p class="muted">{t('payoutsNothingAvailable')}</p>
  return (
    <ul class="plain-list stack" data-testid="payout-balances">
      {props.balances.map((balance) => (
        <BalanceLine key={balance.currency} {...props} balance={balance} />
      ))}
    </ul>
  )
}

function BalanceLine({ balance, ready, busy, onWithdraw }: { balance: PayoutBalance; ready: boolean; busy: boolean; onWithdraw: (currency: CurrencyCode) => void }) {
  const reasonId = useId()
  const reason = !ready
    ? t('payoutsNotReadyReason')
    : balance.available < balance.minimum
      ? t('payoutsBelowMinimum', money(balance.minimum, balance.currency))
      : null
  return (
    <li class="stack" data-testid={`payout-balance-${balance.currency}`}>
      <Money minor={balance.available} currency={balance.currency} />
      <div>
        <Button
          variant="primary"
          disabled={busy || reason !== null}
          aria-describedby={reason ? reasonId : undefined}
          onClick={() => onWithdraw(balance.currency)}
          data-testid={`payout-withdraw-${balance.currency}`}
        >
          {t('payoutsWithdraw', money(balance.available, balance.currency))}
        </Button>
      </div>
      {reason && (
        <p id={reasonId} class="muted">
          {reason}
        </p>
      )}
    </li>
  )
}

function PayoutList({ payouts }: { payouts: Payout[] }) {
  if (payouts.length === 0) return <p class="muted">{t('payoutsHistoryEmpty')}</p>
  return (
    <ul class="plain-list" data-testid="payout-list">
      {payouts.map((payout) => (
        <li key={payout.id} data-status={payout.status}>
          <Money minor={payout.amount} currency={payout.currency} /> · {t(`payoutStatus_${payout.status}`)} ·{' '}
          <span class="muted">{calendarDate(payout.createdAt, uiLocale())}</span>
        </li>
      ))}
    </ul>
  )
}

function outcomeWords(payout: Payout): string {
  const amount = money(payout.amount, payout.currency)
  if (payout.status === 'paid') return t('payoutsSent', amount)
  if (payout.status === 'pending') return t('payoutsPending', amount)
  return t('payoutsFailed', amount)
}
