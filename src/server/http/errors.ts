// Every error the API answers is JSON shaped like ApiError: a code for programs, a sentence for
// people, and the field when one input is to blame.
import type { ApiError } from '../../shared/api.ts'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { LedgerRefusal } from '../ledger/index.ts'

export class ApiFailure extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message)
    this.name = 'ApiFailure'
  }

  body(): ApiError {
    return { error: { code: this.code, message: this.message, ...(this.field ? { field: this.field } : {}) } }
  }
}

export const LEDGER_STATUS: Record<LedgerRefusal, ContentfulStatusCode> = {
  insufficient_funds: 402,
  debt_outstanding: 403,
  currency_mismatch: 400,
  invalid_amount: 400,
  idempotency_conflict: 409,
  handle_taken: 409,
  budget_exceeded: 402,
  below_payout_minimum: 400,
}

export const unauthenticated = () =>
  new ApiFailure(401, 'unauthenticated', 'A valid session token is required (Authorization: Bearer <token>).')
export const notFound = (what: string) => new ApiFailure(404, 'not_found', `${what} not found.`)
