// A failed background action in words, with the one thing the person can do about it.
import { t } from '../i18n.ts'
import { Button } from './Button.tsx'
import { errorWords } from './words.ts'

export function ProblemNotice({ code, onRetry, testId }: { code: string; onRetry: () => void; testId?: string }) {
  return (
    <div class="notice notice--problem" role="alert" data-testid={testId}>
      <p>{errorWords(code)}</p>
      <Button variant="quiet" onClick={onRetry}>
        {t('actionTryAgain')}
      </Button>
    </div>
  )
}
