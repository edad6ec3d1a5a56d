// Redeems the panel's token for the post and the wallet, then shows the tip form. Escape and
// the close button ask the background to remove the iframe.
import { useCallback, useEffect, useLayoutEffect, useState } from 'preact/hooks'
import type { PanelContext } from '../../shared/messages.ts'
import { t } from '../i18n.ts'
import { send } from '../send.ts'
import { Button } from '../ui/Button.tsx'
import { errorCode } from '../ui/send-error.ts'
import { errorWords } from '../ui/words.ts'
import { AddFundsFirst } from './AddFundsFirst.tsx'
import { TipForm } from './TipForm.tsx'

type Claim = { state: 'claiming' } | { state: 'ready'; context: PanelContext } | { state: 'refused'; code: string }

export function TipPanel({ token }: { token: string }) {
  const [claim, setClaim] = useState<Claim>({ state: 'claiming' })
  const close = useCallback(() => {
    send('panel.close', { token }).catch((error: unknown) => console.error('Tipline: closing the panel failed', error))
  }, [token])

  useEffect(() => {
    send('panel.claim', { token }).then(
      (context) => setClaim({ state: 'ready', context }),
      (error: unknown) => setClaim({ state: 'refused', code: errorCode(error) }),
    )
  }, [token])

  // Layout effect, not effect: registered as the panel first renders, before its frame's load event
  // hands it the focus. An effect waits for a paint, and an Escape pressed in between was lost.
  useLayoutEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') close()
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [close])

  return (
    <main class="panel" aria-labelledby="panel-title">
      <Button variant="quiet" class="panel-close" aria-label={t('closePanel')} onClick={close}>
        ×
      </Button>
      {claim.state === 'refused' && (
        <>
          <h1 id="panel-title" class="panel-title">
            {t('panelUnavailable')}
          </h1>
          <p role="alert" data-testid="panel-status">
            {errorWords(claim.code)}
          </p>
        </>
      )}
      {claim.state === 'ready' &&
        (claim.context.wallet?.currency ? (
          <TipForm token={token} context={claim.context} currency={claim.context.wallet.currency} onDone={close} />
        ) : (
          <AddFundsFirst post={claim.context.post} />
        ))}
    </main>
  )
}
