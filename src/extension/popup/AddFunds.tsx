// Add funds: pick or type an amount, then the background opens Stripe's hosted checkout in a
// tab. The balance updates by itself when the payment lands (the background polls for it).
import { useState } from 'preact/hooks'
import { limitsFor, type CurrencyCode } from '../../shared/currencies.ts'
import { t } from '../i18n.ts'
import { send } from '../send.ts'
import { AmountPicker } from '../ui/AmountPicker.tsx'
import { Button } from '../ui/Button.tsx'
import { money } from '../ui/Money.tsx'
import { ProblemNotice } from '../ui/ProblemNotice.tsx'
import { errorCode } from '../ui/send-error.ts'
import { topupPresets } from '../ui/topup-amounts.ts'
import { useAmountChoice } from '../ui/use-amount-choice.ts'

type Checkout = { state: 'idle' } | { state: 'opening' } | { state: 'opened' } | { state: 'failed'; code: string }

export function AddFunds({ currency }: { currency: CurrencyCode }) {
  const limits = limitsFor(currency).topup
  const amount = useAmountChoice(currency, limits)
  const [checkout, setCheckout] = useState<Checkout>({ state: 'idle' })

  async function openCheckout() {
    if (amount.minor === null) return amount.reveal()
    setCheckout({ state: 'opening' })
    try {
      await send('topup.start', { amount: amount.minor, currency })
      setCheckout({ state: 'opened' })
    } catch (error) {
      setCheckout({ state: 'failed', code: errorCode(error) })
    }
  }

  return (
    <section aria-labelledby="add-funds-heading">
      <h2 id="add-funds-heading" class="section-heading">
        {t('addFundsHeading')}
      </h2>
      <form
        class="stack"
        onSubmit={(event) => {
          event.preventDefault()
          void openCheckout()
        }}
      >
        <AmountPicker
          legend={t('addFundsAmountLegend')}
          currency={currency}
          presets={topupPresets(limits)}
          amount={amount}
          testIds={{ preset: (minor) => `add-funds-preset-${minor}`, custom: 'add-funds-custom' }}
          disabled={checkout.state === 'opening'}
        />
        <Button type="submit" variant="primary" data-testid="add-funds-submit" disabled={amount.minor === null || checkout.state === 'opening'}>
          {amount.minor === null ? t('addFundsSubmitEmpty') : t('addFundsSubmit', money(amount.minor, currency))}
        </Button>
      </form>
      <div role="status" data-testid="add-funds-status">
        {checkout.state === 'opening' && <p>{t('checkoutOpening')}</p>}
        {checkout.state === 'opened' && <p>{t('checkoutOpened')}</p>}
      </div>
      {checkout.state === 'failed' && <ProblemNotice code={checkout.code} onRetry={openCheckout} />}
    </section>
  )
}
