// Claiming a handle for real: pick the site and handle, get a one-time code, post it there
// (in the bio, or in a post whose link goes in the proof field), and ask Tipline to verify. The
// API reads the code back through the site's public interface; the answer, or the reason it was
// refused, is announced where the creator is looking.
import { useId, useRef, useState } from 'preact/hooks'
import { PostUrl, type ClaimStarted, type SiteId } from '../../shared/api.ts'
import { t } from '../i18n.ts'
import { send } from '../send.ts'
import { Button } from '../ui/Button.tsx'
import { ErrorText } from '../ui/ErrorText.tsx'
import { errorCode } from '../ui/send-error.ts'
import { claimErrorWords, needsPostLink, WHERE_TO_POST } from './claim-words.ts'
import { SiteHandleForm, typedHandle } from './SiteHandleForm.tsx'

type Step =
  | { state: 'pick' }
  | { state: 'starting' }
  | { state: 'posting'; claim: ClaimStarted }
  | { state: 'verifying'; claim: ClaimStarted }
  | { state: 'verified'; handle: string }

type Problem = { field: 'handle' | 'proofUrl' | null; words: string } | null

export function ClaimHandle() {
  const id = useId()
  const [site, setSite] = useState<SiteId>('bluesky')
  const [handleText, setHandleText] = useState('')
  const [proofText, setProofText] = useState('')
  const [step, setStep] = useState<Step>({ state: 'pick' })
  const [problem, setProblem] = useState<Problem>(null)
  const [copied, setCopied] = useState(false)
  const codeRef = useRef<HTMLElement>(null)

  async function getCode(event: Event) {
    event.preventDefault()
    const handle = typedHandle(handleText)
    if (handle === null) return setProblem({ field: 'handle', words: t('claimHandleInvalid') })
    setProblem(null)
    setStep({ state: 'starting' })
    try {
      const claim = await send('claims.start', { site, handle })
      setCopied(false)
      setProofText('')
      setStep({ state: 'posting', claim })
    } catch (error) {
      setStep({ state: 'pick' })
      setProblem({ field: 'handle', words: claimErrorWords(errorCode(error), site, handle) })
    }
  }

  async function verify(event: Event, claim: ClaimStarted) {
    event.preventDefault()
    const link = proofText.trim()
    const proofUrl = link === '' ? undefined : PostUrl.safeParse(link).data
    if ((link !== '' && !proofUrl) || (!proofUrl && needsPostLink(claim.site))) {
      return setProblem({ field: 'proofUrl', words: t('claimErrorProofUrlInvalid') })
    }
    setProblem(null)
    setStep({ state: 'verifying', claim })
    try {
      await send('claims.verify', { site: claim.site, handle: claim.handle, ...(proofUrl ? { proofUrl } : {}) })
      setHandleText('')
      setStep({ state: 'verified', handle: claim.handle })
    } catch (error) {
      const code = errorCode(error)
      setStep({ state: 'posting', claim })
      setProblem({ field: code.startsWith('claim_proof') ? 'proofUrl' : null, words: claimErrorWords(code, claim.site, claim.handle) })
    }
  }

  async function copy(code: string) {
    try {
      await navigator.clipboard.writeText(code)
      setCopied(true)
    } catch {
      // Without clipboard access the code is selected instead, ready for the keyboard's copy.
      const range = document.createRange()
      if (codeRef.current) range.selectNodeContents(codeRef.current)
      getSelection()?.removeAllRanges()
      getSelection()?.addRange(range)
    }
  }

  const problemText = problem && <ErrorText id={`${id}-problem`}>{problem.words}</ErrorText>
  const describedBy = (field: 'handle' | 'proofUrl') => (problem?.field === field ? `${id}-problem` : undefined)

  if (step.state === 'posting' || step.state === 'verifying') {
    const { claim } = step
    return (
      <form class="stack claim-form" data-testid="claim-verify-form" onSubmit={(event) => verify(event, claim)}>
        <fieldset class="stack" disabled={step.state === 'verifying'}>
          <legend>{t('claimVerifyLegend', `@${claim.handle}`, t(`site_${claim.site}`))}</legend>
          <p>{t(WHERE_TO_POST[claim.site], `@${claim.handle}`)}</p>
          <div class="field-row">
            <code ref={codeRef} class="claim-code" data-testid="claim-code" aria-label={t('claimCodeLabel')}>
              {claim.code}
            </code>
            <Button onClick={() => copy(claim.code)} data-testid="claim-copy">
              {t('claimCopy')}
            </Button>
            <span role="status">{copied && t('claimCopied')}</span>
          </div>
          <div class="field">
            <label class="field-label" for={`${id}-proof`}>
              {needsPostLink(claim.site) ? t('claimProofLabel') : t('claimProofOptionalLabel')}
            </label>
            <input
              id={`${id}-proof`}
              class="text-input"
              type="url"
              inputMode="url"
              autoComplete="off"
              spellcheck={false}
              data-testid="claim-proof-url"
              value={proofText}
              required={needsPostLink(claim.site)}
              aria-invalid={problem?.field === 'proofUrl' ? true : undefined}
              aria-describedby={describedBy('proofUrl')}
              onInput={(event) => setProofText(event.currentTarget.value)}
            />
          </div>
          {problemText}
          <div class="field-row">
            <Button type="submit" variant="primary" data-testid="claim-verify">
              {step.state === 'verifying' ? t('claimVerifying') : t('claimVerify')}
            </Button>
            <Button variant="quiet" onClick={() => (setProblem(null), setStep({ state: 'pick' }))}>
              {t('claimStartOver')}
            </Button>
          </div>
        </fieldset>
      </form>
    )
  }

  // Back at the first step, every problem there is the handle's: the proof's are left behind.
  return (
    <SiteHandleForm
      legend={t('claimLegend')}
      explain={t('claimExplain')}
      busy={step.state === 'starting'}
      fields={{ site, onSite: setSite, handle: handleText, onHandle: setHandleText, testIds: { site: 'claim-verified-site', handle: 'claim-verified-handle' } }}
      problem={problem?.words ?? null}
      submit={{ label: t('claimGetCode'), testId: 'claim-get-code' }}
      status={step.state === 'verified' ? t('claimVerified', `@${step.handle}`) : ''}
      testIds={{ form: 'claim-start-form', status: 'claim-result' }}
      onSubmit={getCode}
    />
  )
}
