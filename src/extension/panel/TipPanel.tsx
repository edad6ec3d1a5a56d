// Redeems the panel's token for the post and the wallet, then shows the tip form. Escape and
// the close button ask the background to remove the iframe.
import { useCallback, useEffect, useLayoutEffect, useState } from 'preact/hooks'
import browser from 'webextension-polyfill'
import type { PanelContext } from '../../shared/messages.ts'
import { WALLET_CHANGED_KEY } from '../../shared/wallet-news.ts'
import { t } from '../i18n.ts'
import { send } from '../send.ts'
import { Button } from '../ui/Button.tsx'
import { errorCode } from '../ui/send-error.ts'
import { errorWords } from '../ui/words.ts'
import { AddFundsFirst } from './AddFundsFirst.tsx'
import { TipForm } from './TipForm.tsx'

type Claim = { state: 'claiming' } | { state: 'ready'; context: PanelContext } | { state: 'refused'; code: string }

const balanceOf = (context: PanelContext) => context.wallet?.balance ?? 0

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

  // A top-up started from the panel lands while it stays open: its balance, or the tip form where
  // it offered funds first, follows without closing and opening it again.
  const ready = claim.state === 'ready'
  useEffect(() => {
    if (!ready) return
    const onStorage = (changes: Record<string, unknown>, area: string) => {
      if (area !== 'local' || !(WALLET_CHANGED_KEY in changes)) return
      send('panel.context', { token }).then(
        // Only a new balance changes the panel. The wallet takes its currency as checkout opens, before
        // any money lands: the panel that offered funds first keeps saying so until they are there,
        // rather than offering a second top-up for the one in flight.
        (context) => setClaim((shown) => (shown.state === 'ready' && balanceOf(shown.context) === balanceOf(context) ? shown : { state: 'ready', context })),
        // The token ran out: what the panel shows stays, and its tip would be refused anyway.
        (error: unknown) => console.warn('Tipline: the panel could not show the new balance', error),
      )
    }
    browser.storage.onChanged.addListener(onStorage)
    return () => browser.storage.onChanged.removeListener(onStorage)
  }, [ready, token])

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
