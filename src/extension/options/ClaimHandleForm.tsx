// The development shortcut for claiming a handle: the server skips the public proof, so it is
// offered only when the API says it takes it (GET /v1/claims/config). The label says so plainly.
import { useEffect, useId, useState } from 'preact/hooks'
import { Handle, SiteId } from '../../shared/api.ts'
import { t } from '../i18n.ts'
import { send } from '../send.ts'
import { Button } from '../ui/Button.tsx'
import { ErrorText } from '../ui/ErrorText.tsx'
import { errorCode } from '../ui/send-error.ts'
import { errorWords } from '../ui/words.ts'
import { SiteHandleFields } from './SiteHandleFields.tsx'

type Claim = { state: 'idle' } | { state: 'claiming' } | { state: 'claimed'; handle: string } | { state: 'failed'; words: string }

export function ClaimHandleForm() {
  const id = useId()
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
    // People paste handles with the @ the sites show; the API wants them without it.
    const parsed = Handle.safeParse(handleText.trim().replace(/^@/, ''))
    if (!parsed.success) return setClaim({ state: 'failed', words: t('claimHandleInvalid') })
    setClaim({ state: 'claiming' })
    try {
      await send('creator.claimDev', { site, handle: parsed.data })
      setHandleText('')
      setClaim({ state: 'claimed', handle: parsed.data })
    } catch (error) {
      setClaim({ state: 'failed', words: errorWords(errorCode(error)) })
    }
  }

  if (!offered) return null
  const failed = claim.state === 'failed'
  return (
    <form class="stack claim-form" onSubmit={submit}>
      <fieldset class="stack" disabled={claim.state === 'claiming'}>
        <legend>{t('claimDevLegend')}</legend>
        <p class="muted">{t('claimDevExplain')}</p>
        <SiteHandleFields
          idPrefix={id}
          site={site}
          onSite={setSite}
          handle={handleText}
          onHandle={setHandleText}
          testIds={{ site: 'claim-site', handle: 'claim-handle' }}
          handleProblemId={failed ? `${id}-problem` : undefined}
        />
        {claim.state === 'failed' && <ErrorText id={`${id}-problem`}>{claim.words}</ErrorText>}
        <div>
          <Button type="submit" variant="primary" data-testid="claim-submit">
            {t('claimSubmit')}
          </Button>
        </div>
        <p role="status">{claim.state === 'claimed' && t('claimDone', `@${claim.handle}`)}</p>
      </fieldset>
    </form>
  )
}
