// One HTTP exchange with the payments API: JSON out, JSON back, checked against the shared
// schemas so nothing the API says reaches the cache or a page unvalidated.
import type { z } from 'zod'
import { ApiError, IDEMPOTENCY_HEADER } from '../../shared/api.ts'
import { ApiClientError } from './errors.ts'

/** Long enough for a slow API, short enough that a tip panel is not left spinning. */
const REQUEST_TIMEOUT_MS = 15_000

export interface CallOptions {
  body?: unknown
  token?: string
  idempotencyKey?: string
}

export async function callApi<T>(
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  schema: z.ZodType<T>,
  options: CallOptions = {},
): Promise<T> {
  return read(method, path, schema, await exchange(method, path, options))
}

/** A GET that costs nothing when unchanged: null when the API's ETag still matches `etag`. */
export async function callApiIfChanged<T>(
  path: string,
  schema: z.ZodType<T>,
  options: { token: string; etag: string | null },
): Promise<{ value: T; etag: string | null } | null> {
  const response = await exchange('GET', path, { token: options.token }, options.etag)
  if (response.status === 304) return null
  return { value: await read('GET', path, schema, response), etag: response.headers.get('etag') }
}

async function exchange(method: 'GET' | 'POST' | 'PUT', path: string, options: CallOptions, etag: string | null = null): Promise<Response> {
  const headers = headersFor(options)
  if (etag) headers['if-none-match'] = etag
  try {
    return await fetch(new URL(path, __TIPLINE_API__), {
      method,
      headers,
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    })
  } catch {
    throw unreachable()
  }
}

async function read<T>(method: string, path: string, schema: z.ZodType<T>, response: Response): Promise<T> {
  const payload: unknown = await response.json().catch(() => undefined)
  if (!response.ok) throw refusal(response.status, payload)
  const parsed = schema.safeParse(payload)
  if (!parsed.success) {
    throw new ApiClientError('bad_response', `The payments API answered ${method} ${path} in a shape Tipline does not know.`, response.status)
  }
  return parsed.data
}

function headersFor(options: CallOptions): Record<string, string> {
  const headers: Record<string, string> = { accept: 'application/json' }
  if (options.body !== undefined) headers['content-type'] = 'application/json'
  if (options.token) headers.authorization = `Bearer ${options.token}`
  if (options.idempotencyKey) headers[IDEMPOTENCY_HEADER] = options.idempotencyKey
  return headers
}

function unreachable(): ApiClientError {
  // navigator is absent outside browsers (Node before 21), where only the request's failure tells.
  if (typeof navigator !== 'undefined' && !navigator.onLine) {
    return new ApiClientError('offline', 'This device is offline.', 0)
  }
  return new ApiClientError('api_unreachable', 'Tipline could not reach its payments server.', 0)
}

function refusal(status: number, payload: unknown): ApiClientError {
  const parsed = ApiError.safeParse(payload)
  if (parsed.success) return new ApiClientError(parsed.data.error.code, parsed.data.error.message, status)
  return new ApiClientError(`http_${status}`, `The payments server answered with HTTP ${status}.`, status)
}
