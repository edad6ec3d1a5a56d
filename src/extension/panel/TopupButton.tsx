// One-click top-up from inside the panel (no room for a full amount picker there): the
// background opens Stripe's hosted checkout in a new tab.
import { useState } from 'preact/hooks'
import type { CurrencyCode } from '../../shared/currencies.ts'
import { t } from '../i18n.ts'
import { send } from '../send.ts'
import { Button } from '../ui/Button.tsx'
import { money } from '../ui/Money.tsx'
import { errorCode } from '../ui/send-error.ts'
import { errorWords } from '../ui/words.ts'

type Checkout = { state: 'idle' } | { state: 'opening' } | { state: 'opened' } | { state: 'failed'; code: string }

export function TopupButton({ amount, currency }: { amount: number; currency: CurrencyCode }) {
  const [checkout, setCheckout] = useState<Checkout>({ state: 'idle' })
  async function openCheckout() {
    setCheckout({ state: 'opening' })
    try {
      await send('topup.start', { amount, currency })
      setCheckout({ state: 'opened' })
    } catch (error) {
      setCheckout({ state: 'failed', code: errorCode(error) })
    }
  }
  return (
    <div class="topup-action">
      <Button variant="primary" data-testid="panel-topup" disabled={checkout.state === 'opening'} onClick={openCheckout}>
        {t('addFundsSubmit', money(amount, currency))}
      </Button>
      <p role="status" class="muted topup-status">
        {checkout.state === 'opening' && t('checkoutOpening')}
        {checkout.state === 'opened' && t('checkoutOpened')}
        {checkout.state === 'failed' && errorWords(checkout.code)}
      </p>
    </div>
  )
}
