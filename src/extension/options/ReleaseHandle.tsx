// Giving a handle up, from its row in the handle list. Asked twice, because tips to it go to
// escrow afterwards and someone else may claim it.
import { useState } from 'preact/hooks'
import type { SiteId } from '../../shared/api.ts'
import { t } from '../i18n.ts'
import { send } from '../send.ts'
import { Button } from '../ui/Button.tsx'
import { errorCode } from '../ui/send-error.ts'
import { claimErrorWords } from './claim-words.ts'

export function ReleaseHandle({ site, handle }: { site: SiteId; handle: string }) {
  const [step, setStep] = useState<'idle' | 'confirm' | 'releasing'>('idle')
  const [problem, setProblem] = useState<string | null>(null)

  async function release() {
    setStep('releasing')
    try {
      await send('claims.release', { site, handle })
    } catch (error) {
      setStep('idle')
      setProblem(claimErrorWords(errorCode(error), site, handle))
    }
  }

  const who = `@${handle}`
  return (
    <span class="release-handle">
      {step === 'idle' ? (
        <Button variant="quiet" aria-label={t('claimReleaseLabel', who)} onClick={() => (setProblem(null), setStep('confirm'))}>
          {t('claimRelease')}
        </Button>
      ) : (
        <>
          <Button variant="primary" disabled={step === 'releasing'} data-testid="claim-release-confirm" onClick={release}>
            {t('claimReleaseConfirm', who)}
          </Button>
          <Button variant="quiet" disabled={step === 'releasing'} onClick={() => setStep('idle')}>
            {t('claimReleaseKeep')}
          </Button>
        </>
      )}
      {problem && (
        <span class="error-text" role="alert">
          {problem}
        </span>
      )}
    </span>
  )
}
