// The tip itself: an amount the reader picks (none is preselected), an optional note, and a
// Confirm button that names the amount. Nothing is sent until Confirm; a tip past the monthly
// budget or above the confirm-first amount asks once more; a tip larger than the balance becomes
// "top up and tip", one checkout for the shortfall. After Confirm the tip is followed in TipProgress.
import { useEffect, useId, useRef, useState } from 'preact/hooks'
import { NOTE_MAX_LENGTH } from '../../shared/api.ts'
import { limitsFor, type CurrencyCode } from '../../shared/currencies.ts'
import type { HeldTip, PanelContext } from '../../shared/messages.ts'
import { t, uiLocale } from '../i18n.ts'
import { send } from '../send.ts'
import { AmountPicker } from '../ui/AmountPicker.tsx'
import { Button } from '../ui/Button.tsx'
import type { BudgetQuestion } from '../ui/budget.ts'
import { Money, money } from '../ui/Money.tsx'
import { errorCode } from '../ui/send-error.ts'
import { topupFor } from '../ui/topup-amounts.ts'
import { useAmountChoice } from '../ui/use-amount-choice.ts'
import { errorWords } from '../ui/words.ts'
import { BudgetQuestionPrompt } from './BudgetQuestion.tsx'
import { PostExcerpt } from './PostExcerpt.tsx'
import { recipientName } from './recipient.ts'
import { planTip, type TipPlan } from './tip-plan.ts'
import { TipProgress } from './TipProgress.tsx'
import { TopupButton } from './TopupButton.tsx'

/** How long "Sent" stays readable before the panel closes itself. */
const CLOSE_AFTER_SENT_MS = 1500

// Refusals after which nothing was sent, so confirming again is safe. After anything else
// (no answer at all) the tip may still go out, and a second Confirm would be a second tip.
const SAFE_TO_RETRY = new Set(['insufficient_funds', 'debt_outstanding', 'currency_mismatch', 'budget_exceeded', 'too_late'])

type Stage =
  | { state: 'choosing' }
  | { state: 'asking'; question: NonNullable<BudgetQuestion>; amount: number }
  | { state: 'confirming' }
  | { state: 'following'; tip: HeldTip; funding: boolean; amount: number }
  | { state: 'sent'; amount: number }
  | { state: 'failed'; code: string; amount: number }

interface TipFormProps {
  token: string
  context: PanelContext
  currency: CurrencyCode
  onDone: () => void
}

export function TipForm({ token, context, currency, onDone }: TipFormProps) {
  const { post, wallet, presets, budget } = context
  const id = useId()
  const amount = useAmountChoice(currency, limitsFor(currency).tip)
  const [note, setNote] = useState('')
  const [stage, setStage] = useState<Stage>({ state: 'choosing' })
  // One key per confirmation: a double click, or a resend of the same confirmation, is one tip.
  const [key, setKey] = useState(() => crypto.randomUUID())
  // Set before the first await, so a second click in the same frame finds it taken.
  const confirming = useRef(false)
  const firstPreset = useRef<HTMLButtonElement>(null)
  const customField = useRef<HTMLInputElement>(null)

  useEffect(() => (firstPreset.current ?? customField.current)?.focus(), [])
  useEffect(() => {
    if (stage.state !== 'sent') return
    const timer = setTimeout(onDone, CLOSE_AFTER_SENT_MS)
    return () => clearTimeout(timer)
  }, [stage.state, onDone])

  const locked = stage.state !== 'choosing' && !(stage.state === 'failed' && SAFE_TO_RETRY.has(stage.code))
  const balance = wallet?.balance ?? 0
  const plan = amount.minor === null ? null : planTip(amount.minor, balance, budget, limitsFor(currency).topup)

  function confirm(event: Event) {
    event.preventDefault()
    if (amount.minor === null || plan === null || locked) return amount.reveal()
    if (plan.question) return setStage({ state: 'asking', question: plan.question, amount: amount.minor })
    void submit(amount.minor, false)
  }

  async function submit(tip: number, overBudget: boolean) {
    if (confirming.current) return
    confirming.current = true
    setStage({ state: 'confirming' })
    const topup = planTip(tip, balance, budget, limitsFor(currency).topup).topup
    const request = { token, key, amount: tip, currency, note: note.trim() || null, overBudget }
    try {
      if (topup === null) {
        setStage({ state: 'following', tip: await send('tip.create', request), funding: false, amount: tip })
      } else {
        const { id: fundedId } = await send('tip.fund', { ...request, topup })
        setStage({ state: 'following', tip: { id: fundedId, holdUntil: 0 }, funding: true, amount: tip })
      }
    } catch (error) {
      refused(errorCode(error), tip)
    }
  }

  /** Nothing was sent: the form is the reader's again, under a new key for the next confirmation. */
  function startOver(next: Stage) {
    confirming.current = false
    setKey(crypto.randomUUID())
    setStage(next)
  }

  function refused(code: string, tip: number) {
    if (!SAFE_TO_RETRY.has(code)) return setStage({ state: 'failed', code, amount: tip })
    // The reader sees the refusal here, so the popup need not list the refused tip as well.
    if (stage.state === 'following') send('outbox.cancel', { id: stage.tip.id }).catch(() => undefined)
    if (code === 'budget_exceeded') return startOver({ state: 'asking', question: { kind: 'passes_budget', left: 0 }, amount: tip })
    startOver({ state: 'failed', code, amount: tip })
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
        <PostExcerpt post={post} />
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
      {stage.state === 'asking' ? (
        <BudgetQuestionPrompt
          question={stage.question}
          currency={currency}
          onSend={() => void submit(stage.amount, true)}
          onBack={() => startOver({ state: 'choosing' })}
        />
      ) : (
        <Button type="submit" variant="primary" data-testid="confirm" disabled={plan === null || locked}>
          {confirmWords(plan, amount.minor, currency)}
        </Button>
      )}
      {stage.state === 'following' ? (
        <TipProgress
          tip={stage.tip}
          funding={stage.funding}
          amount={stage.amount}
          currency={currency}
          handle={post.handle}
          onCancelled={() => {
            startOver({ state: 'choosing' })
            requestAnimationFrame(() => (firstPreset.current ?? customField.current)?.focus())
          }}
          onRefused={(code) => refused(code, stage.amount)}
          onSent={() => setStage({ state: 'sent', amount: stage.amount })}
        />
      ) : (
        <div class="panel-outcome">
          <div role="status" data-testid="panel-status" class="panel-status">
            {stage.state === 'confirming' && t('tipSending')}
            {stage.state === 'sent' && t('tipSent', money(stage.amount, currency), `@${post.handle}`)}
            {stage.state === 'failed' && errorWords(stage.code)}
          </div>
          {stage.state === 'failed' && stage.code === 'insufficient_funds' && (
            <TopupButton amount={topupFor(stage.amount - balance, limitsFor(currency).topup)} currency={currency} />
          )}
        </div>
      )}
    </form>
  )
}

function confirmWords(plan: TipPlan | null, amount: number | null, currency: string): string {
  if (plan === null || amount === null) return t('confirmChooseAmount')
  if (plan.topup !== null) return t('confirmTopupAndTip', money(plan.topup, currency), money(amount, currency))
  return t('confirmSend', money(amount, currency))
}
