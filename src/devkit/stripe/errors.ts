// Errors in Stripe's own shape, so the SDK raises the same error classes it raises against Stripe:
// it picks the class from the status code (400/404 invalid request, 401 authentication, 402 card)
// and from `type` ('idempotency_error').
export type ErrorType = 'invalid_request_error' | 'card_error' | 'idempotency_error' | 'api_error'

export interface ErrorBody {
  type: ErrorType
  message: string
  code?: string
  param?: string
  decline_code?: string
}

export class StripeApiError extends Error {
  readonly status: 400 | 401 | 402 | 403 | 404 | 409 | 500
  readonly body: ErrorBody

  constructor(status: StripeApiError['status'], body: ErrorBody) {
    super(body.message)
    this.status = status
    this.body = body
  }
}

export function invalidRequest(message: string, param?: string, code?: string): StripeApiError {
  return new StripeApiError(400, { type: 'invalid_request_error', message, ...(param && { param }), ...(code && { code }) })
}

/** Stripe's wording for an id that does not exist, e.g. "No such payment_intent: 'pi_123'". */
export function resourceMissing(kind: string, id: string, param = 'id'): StripeApiError {
  return new StripeApiError(404, {
    type: 'invalid_request_error',
    code: 'resource_missing',
    param,
    message: `No such ${kind}: '${id}'`,
  })
}

export function cardError(code: string, message: string, declineCode?: string): StripeApiError {
  return new StripeApiError(402, {
    type: 'card_error',
    code,
    message,
    ...(declineCode && { decline_code: declineCode }),
  })
}

export function authenticationError(message: string): StripeApiError {
  return new StripeApiError(401, { type: 'invalid_request_error', message })
}

export function idempotencyError(key: string): StripeApiError {
  return new StripeApiError(400, {
    type: 'idempotency_error',
    message:
      `Keys for idempotent requests can only be used with the same parameters they were first used with. ` +
      `Try using a key other than '${key}' if you meant to execute a different request.`,
  })
}
