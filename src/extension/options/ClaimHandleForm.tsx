// The development shortcut for claiming a handle: the server skips the public proof, so it is
// offered only when the API says it takes it (GET /v1/claims/config). The label says so plainly.
import { useEffect, useState } from 'preact/hooks'
import type { SiteId } from '../../shared/api.ts'
import { t } from '../i18n.ts'
import { send } from '../send.ts'
import { errorCode } from '../ui/send-error.ts'
import { errorWords } from '../ui/words.ts'
import { SiteHandleForm, typedHandle } from './SiteHandleForm.tsx'

type Claim = { state: 'idle' } | { state: 'claiming' } | { state: 'claimed'; handle: string } | { state: 'failed'; words: string }

export function ClaimHandleForm() {
  const [site, setSite] = useState<SiteId>('x')
  const [handleText, setHandleText] = useState('')
  const [claim, setClaim] = useState<Claim>({ state: 'idle' })
  const [offered, setOffered] = useState(false)
  useEffect(() => {
    send('claims.config').then(
      (config) => setOffered(config.devClaims),
      () => setOffered(false),
    )
  }, [])

  async function submit(event: Event) {
    event.preventDefault()
    const handle = typedHandle(handleText)
    if (handle === null) return setClaim({ state: 'failed', words: t('claimHandleInvalid') })
    setClaim({ state: 'claiming' })
    try {
      await send('creator.claimDev', { site, handle })
      setHandleText('')
      setClaim({ state: 'claimed', handle })
    } catch (error) {
      setClaim({ state: 'failed', words: errorWords(errorCode(error)) })
    }
  }

  if (!offered) return null
  return (
    <SiteHandleForm
      legend={t('claimDevLegend')}
      explain={t('claimDevExplain')}
      busy={claim.state === 'claiming'}
      fields={{ site, onSite: setSite, handle: handleText, onHandle: setHandleText, testIds: { site: 'claim-site', handle: 'claim-handle' } }}
      problem={claim.state === 'failed' ? claim.words : null}
      submit={{ label: t('claimSubmit'), testId: 'claim-submit' }}
      status={claim.state === 'claimed' ? t('claimDone', `@${claim.handle}`) : ''}
      onSubmit={submit}
    />
  )
}
