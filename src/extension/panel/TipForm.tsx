// The tip itself: an amount the reader picks (none is preselected), an optional note, and a
// Confirm button that names the amount. Nothing is sent until Confirm.
import { useEffect, useId, useRef, useState } from 'preact/hooks'
import { NOTE_MAX_LENGTH } from '../../shared/api.ts'
import { limitsFor, type CurrencyCode } from '../../shared/currencies.ts'
import type { PanelContext } from '../../shared/messages.ts'
import { t, uiLocale } from '../i18n.ts'
import { send } from '../send.ts'
import { AmountPicker } from '../ui/AmountPicker.tsx'
import { Button } from '../ui/Button.tsx'
import { Money, money } from '../ui/Money.tsx'
import { errorCode } from '../ui/send-error.ts'
import { topupFor } from '../ui/topup-amounts.ts'
import { useAmountChoice } from '../ui/use-amount-choice.ts'
import { errorWords } from '../ui/words.ts'
import { recipientName } from './recipient.ts'
import { TopupButton } from './TopupButton.tsx'

/** How long "Sent" stays readable before the panel closes itself. */
const CLOSE_AFTER_SENT_MS = 1500

// Refusals after which nothing was sent, so confirming again is safe. After anything else
// (queued for retry, no answer) the tip may still go out, and a second Confirm would be a second tip.
const SAFE_TO_RETRY = new Set(['insufficient_funds', 'debt_outstanding', 'currency_mismatch'])

type Sending =
  | { state: 'choosing' }
  | { state: 'sending' }
  | { state: 'sent'; amount: number }
  | { state: 'failed'; code: string; amount: number }

interface TipFormProps {
  token: string
  context: PanelContext
  currency: CurrencyCode
  onDone: () => void
}

export function TipForm({ token, context, currency, onDone }: TipFormProps) {
  const { post, wallet, presets } = context
  const id = useId()
  const amount = useAmountChoice(currency, limitsFor(currency).tip)
  const [note, setNote] = useState('')
  const [sending, setSending] = useState<Sending>({ state: 'choosing' })
  const firstPreset = useRef<HTMLButtonElement>(null)
  const customField = useRef<HTMLInputElement>(null)

  useEffect(() => (firstPreset.current ?? customField.current)?.focus(), [])
  useEffect(() => {
    if (sending.state !== 'sent') return
    const timer = setTimeout(onDone, CLOSE_AFTER_SENT_MS)
    return () => clearTimeout(timer)
  }, [sending.state, onDone])

  const locked = sending.state === 'sending' || sending.state === 'sent' || (sending.state === 'failed' && !SAFE_TO_RETRY.has(sending.code))

  async function confirm(event: Event) {
    event.preventDefault()
    if (amount.minor === null || locked) return amount.reveal()
    const tip = amount.minor
    setSending({ state: 'sending' })
    try {
      await send('tip.create', { token, amount: tip, currency, note: note.trim() || null })
      setSending({ state: 'sent', amount: tip })
    } catch (error) {
      setSending({ state: 'failed', code: errorCode(error), amount: tip })
    }
  }

  const count = new Intl.NumberFormat(uiLocale())
  return (
    <form class="stack tip-form" onSubmit={confirm}>
      <div>
        <h1 id="panel-title" class="panel-title">
          {t('tipTitle', recipientName(post))}
        </h1>
        <p class="muted">
          {post.displayName && (
            <>
              <bdi>@{post.handle}</bdi>
              {' · '}
            </>
          )}
          {wallet && (
            <>
              {t('panelBalance')} <Money minor={wallet.balance} currency={currency} />
            </>
          )}
        </p>
      </div>
      <AmountPicker
        legend={t('tipAmountLegend')}
        currency={currency}
        presets={presets}
        amount={amount}
        testIds={{ preset: (minor) => `preset-${minor}`, custom: 'custom-amount' }}
        firstPresetRef={firstPreset}
        customRef={customField}
        disabled={locked}
      />
      <div class="field">
        <div class="field-heading">
          <label class="field-label" for={`${id}-note`}>
            {t('noteLabel')}
          </label>
          <span id={`${id}-note-count`} class="muted note-count">
            {t('noteCounter', count.format(note.length), count.format(NOTE_MAX_LENGTH))}
          </span>
        </div>
        <textarea
          id={`${id}-note`}
          class="text-input note-input"
          rows={2}
          maxLength={NOTE_MAX_LENGTH}
          data-testid="note"
          value={note}
          disabled={locked}
          aria-describedby={`${id}-note-count`}
          onInput={(event) => setNote(event.currentTarget.value)}
        />
      </div>
      <Button type="submit" variant="primary" data-testid="confirm" disabled={amount.minor === null || locked}>
        {amount.minor === null ? t('confirmChooseAmount') : t('confirmSend', money(amount.minor, currency))}
      </Button>
      <div class="panel-outcome">
        <div role="status" data-testid="panel-status" class="panel-status">
          {sending.state === 'sending' && t('tipSending')}
          {sending.state === 'sent' && t('tipSent', money(sending.amount, currency), `@${post.handle}`)}
          {sending.state === 'failed' && errorWords(sending.code)}
        </div>
        {sending.state === 'failed' && sending.code === 'insufficient_funds' && (
          <TopupButton amount={topupFor(sending.amount - (wallet?.balance ?? 0), limitsFor(currency).topup)} currency={currency} />
        )}
      </div>
    </form>
  )
}
