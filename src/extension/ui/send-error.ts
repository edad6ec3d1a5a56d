import { SendError } from '../send.ts'

/** The code of whatever a send() rejected with; anything that isn't a SendError is a bug's code. */
export function errorCode(error: unknown): string {
  if (error instanceof SendError) return error.code
  console.error('Tipline: unexpected failure', error)
  return 'unexpected'
}
