// A confirmed tip, followed until it settles: held for the undo window ("Sending $2.00 to @x… Undo"),
// or waiting for the top-up paid for it, then sending, sent, saved for later, or refused.
import { useEffect, useRef, useState } from 'preact/hooks'
import type { HeldTip, TipStatus } from '../../shared/messages.ts'
import { t } from '../i18n.ts'
import { send } from '../send.ts'
import { money } from '../ui/Money.tsx'
import { errorCode } from '../ui/send-error.ts'
import { errorWords } from '../ui/words.ts'

/** How often to ask after a tip in flight, or one waiting for a checkout in another tab. */
const POLL_MS = 1_000
const STILL_MOVING: ReadonlySet<TipStatus['state']> = new Set(['held', 'awaiting_funds', 'sending'])

interface Props {
  tip: HeldTip
  /** Waiting for a top-up paid for it rather than held for undo. */
  funding: boolean
  amount: number
  currency: string
  handle: string
  /** The tip left the outbox unsent: undone here, or cancelled from the popup. */
  onCancelled: () => void
  /** The API refused it; the code says why. */
  onRefused: (code: string) => void
  onSent: () => void
}

export function TipProgress({ tip, funding, amount, currency, handle, onCancelled, onRefused, onSent }: Props) {
  const [status, setStatus] = useState<TipStatus>({ state: funding ? 'awaiting_funds' : 'held', error: null })
  const [undoProblem, setUndoProblem] = useState<string | null>(null)
  // Confirm is disabled once pressed, so focus moves to the one thing the reader can still do.
  const undoButton = useRef<HTMLButtonElement>(null)
  useEffect(() => undoButton.current?.focus(), [])

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>
    let stopped = false
    const ask = async () => {
      try {
        const now = await send('tip.status', { id: tip.id })
        if (stopped) return
        setStatus(now)
        if (now.state === 'delivered') return onSent()
        if (now.state === 'cancelled') return onCancelled()
        if (now.state === 'failed') return onRefused(now.error?.code ?? 'unexpected')
        if (STILL_MOVING.has(now.state)) timer = setTimeout(ask, POLL_MS)
      } catch (error) {
        if (!stopped) onRefused(errorCode(error))
      }
    }
    timer = setTimeout(ask, funding ? POLL_MS : Math.max(0, tip.holdUntil - Date.now()))
    return () => {
      stopped = true
      clearTimeout(timer)
    }
  }, [tip.id, tip.holdUntil, funding])

  async function undo() {
    try {
      await send('tip.undo', { id: tip.id })
      onCancelled()
    } catch (error) {
      setUndoProblem(errorCode(error))
    }
  }

  const who = `@${handle}`
  const cancellable = status.state === 'held' || status.state === 'awaiting_funds'
  return (
    <div class="stack tip-progress">
      <p role="status" data-testid="panel-status" class="panel-status">
        {status.state === 'held' && t('tipHolding', money(amount, currency), who)}
        {status.state === 'awaiting_funds' && t('tipAwaitingFunds', money(amount, currency), who)}
        {status.state === 'sending' && t('tipSending')}
        {status.state === 'queued' && t('errorQueued')}
        {status.state === 'delivered' && t('tipSent', money(amount, currency), who)}
      </p>
      {cancellable && (
        <button type="button" class="button button--secondary" ref={undoButton} data-testid={status.state === 'held' ? 'undo' : 'cancel-tip'} onClick={undo}>
          {status.state === 'held' ? t('actionUndo') : t('actionCancelTip')}
        </button>
      )}
      {undoProblem && <p role="alert">{errorWords(undoProblem)}</p>}
    </div>
  )
}
