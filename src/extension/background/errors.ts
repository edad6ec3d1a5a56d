// Failures the background reports to its callers: a code for programs and a sentence for people.
// Anything thrown that is not one of these is a bug, and the router reports it as `internal`.

export class BackgroundError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message)
    this.name = 'BackgroundError'
  }
}

/** A failure talking to the payments API; status is 0 when no HTTP answer arrived at all. */
export class ApiClientError extends BackgroundError {
  constructor(
    code: string,
    message: string,
    readonly status: number,
  ) {
    super(code, message)
    this.name = 'ApiClientError'
  }
}

/** Worth trying again later with the same idempotency key: the API was unreachable, busy or broken. */
export function isRetryable(error: unknown): boolean {
  if (!(error instanceof ApiClientError)) return false
  return error.status === 0 || error.status === 429 || error.status >= 500
}
