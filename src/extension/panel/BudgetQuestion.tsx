// Asked before a tip that passes the monthly budget or is above the confirm-first amount: the
// reader sends it anyway or goes back to the amount.
import { useEffect, useRef } from 'preact/hooks'
import { t } from '../i18n.ts'
import { Button } from '../ui/Button.tsx'
import type { BudgetQuestion } from '../ui/budget.ts'
import { money } from '../ui/Money.tsx'

interface Props {
  question: NonNullable<BudgetQuestion>
  currency: string
  onSend: () => void
  onBack: () => void
}

export function BudgetQuestionPrompt({ question, currency, onSend, onBack }: Props) {
  const send = useRef<HTMLButtonElement>(null)
  useEffect(() => send.current?.focus(), [])
  return (
    <div class="stack budget-question" role="alertdialog" aria-labelledby="budget-question" data-testid="budget-question">
      <p id="budget-question">
        {question.kind === 'passes_budget' ? t('budgetPassed', money(question.left, currency)) : t('budgetAboveThreshold')}
      </p>
      <div class="field-row">
        <button type="button" class="button button--primary" ref={send} data-testid="send-anyway" onClick={onSend}>
          {t('budgetSendAnyway')}
        </button>
        <Button data-testid="budget-back" onClick={onBack}>
          {t('budgetChangeAmount')}
        </Button>
      </div>
    </div>
  )
}
