// Sign out: forget this device. The key cannot be recovered, so the page says what is lost and
// asks once more before doing it.
import { useState } from 'preact/hooks'
import { t } from '../i18n.ts'
import { send } from '../send.ts'
import { Button } from '../ui/Button.tsx'
import { errorCode } from '../ui/send-error.ts'
import { errorWords } from '../ui/words.ts'

type Step = { state: 'idle' } | { state: 'asking' } | { state: 'done' } | { state: 'failed'; code: string }

export function SignOut() {
  const [step, setStep] = useState<Step>({ state: 'idle' })
  async function forget() {
    try {
      await send('device.forget')
      setStep({ state: 'done' })
    } catch (error) {
      setStep({ state: 'failed', code: errorCode(error) })
    }
  }
  return (
    <div class="stack" role="group" aria-labelledby="sign-out-heading">
      <h3 id="sign-out-heading">{t('signOutHeading')}</h3>
      <p class="muted">{t('signOutExplain')}</p>
      {step.state === 'asking' ? (
        <div class="stack" role="alertdialog" aria-labelledby="sign-out-question">
          <p id="sign-out-question">{t('signOutQuestion')}</p>
          <div class="field-row">
            <Button variant="primary" data-testid="sign-out-yes" onClick={forget}>
              {t('signOutYes')}
            </Button>
            <Button data-testid="sign-out-keep" onClick={() => setStep({ state: 'idle' })}>
              {t('signOutKeep')}
            </Button>
          </div>
        </div>
      ) : (
        <div>
          <Button data-testid="sign-out" onClick={() => setStep({ state: 'asking' })}>
            {t('signOutButton')}
          </Button>
        </div>
      )}
      <p role="status" data-testid="sign-out-status">
        {step.state === 'done' && t('signOutDone')}
        {step.state === 'failed' && errorWords(step.code)}
      </p>
    </div>
  )
}
