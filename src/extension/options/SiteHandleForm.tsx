// The form a creator names a site and a handle in to claim it: fieldset, legend and what it does,
// the two fields, why the handle was refused, the button, and what came of it. The verified
// claim's first step and the development shortcut are this form with their own words.
import { useId } from 'preact/hooks'
import { Handle } from '../../shared/api.ts'
import { Button } from '../ui/Button.tsx'
import { ErrorText } from '../ui/ErrorText.tsx'
import { SiteHandleFields, type SiteHandleFieldsProps } from './SiteHandleFields.tsx'

/** The handle as the API takes it, or null: people paste handles with the @ the sites show. */
export function typedHandle(text: string): string | null {
  const parsed = Handle.safeParse(text.trim().replace(/^@/, ''))
  return parsed.success ? parsed.data : null
}

export interface SiteHandleFormProps {
  legend: string
  explain: string
  /** The claim is under way: the whole form waits. */
  busy: boolean
  fields: Omit<SiteHandleFieldsProps, 'idPrefix' | 'handleProblemId'>
  /** Why the handle was refused, in words; null when nothing is wrong. */
  problem: string | null
  submit: { label: string; testId: string }
  /** What came of it, announced in the status region; empty while there is nothing to say. */
  status: string
  testIds?: { form: string; status: string }
  onSubmit(event: Event): void
}

export function SiteHandleForm({ legend, explain, busy, fields, problem, submit, status, testIds, onSubmit }: SiteHandleFormProps) {
  const id = useId()
  const problemId = problem === null ? undefined : `${id}-problem`
  return (
    <form class="stack claim-form" data-testid={testIds?.form} onSubmit={onSubmit}>
      <fieldset class="stack" disabled={busy}>
        <legend>{legend}</legend>
        <p class="muted">{explain}</p>
        <SiteHandleFields idPrefix={id} {...fields} handleProblemId={problemId} />
        {problemId && <ErrorText id={problemId}>{problem}</ErrorText>}
        <div>
          <Button type="submit" variant="primary" data-testid={submit.testId}>
            {submit.label}
          </Button>
        </div>
        <p role="status" data-testid={testIds?.status}>
          {status}
        </p>
      </fieldset>
    </form>
  )
}
