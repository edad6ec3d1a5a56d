// Request bodies are checked against the shared contract's schemas before anything else runs.
import type { Context } from 'hono'
import type { z } from 'zod'
import { IDEMPOTENCY_HEADER, IdempotencyKey } from '../../shared/api.ts'
import type { ApiEnv } from './env.ts'
import { ApiFailure } from './errors.ts'

/**
 * The request's body, read straight from Node's request stream. Hono's c.req.json() first builds a
 * WHATWG Request around the stream (web streams, an AbortSignal, header copies), which cost the API
 * more CPU per tip than the tip's own handling. Read once per request; its size was judged from
 * Content-Length before (body-limit.ts), and Node reads no more than that.
 */
export async function bodyText(c: Context<ApiEnv>): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of c.env.incoming as AsyncIterable<Buffer>) chunks.push(chunk)
  return Buffer.concat(chunks).toString('utf8')
}

export async function body<S extends z.ZodType>(c: Context<ApiEnv>, schema: S): Promise<z.output<S>> {
  return parseBody(await bodyText(c), schema)
}

/** A body already read as text, checked as body() checks it. */
export function parseBody<S extends z.ZodType>(text: string, schema: S): z.output<S> {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    throw new ApiFailure(400, 'invalid_json', 'The request body must be JSON.')
  }
  const parsed = schema.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const field = issue?.path.map(String).join('.') || undefined
    throw new ApiFailure(400, 'invalid_request', field ? `${field}: ${issue?.message}` : (issue?.message ?? 'Invalid request.'), field)
  }
  return parsed.data
}

export function idempotencyKey(c: Context): string {
  const parsed = IdempotencyKey.safeParse(c.req.header(IDEMPOTENCY_HEADER))
  if (!parsed.success) {
    throw new ApiFailure(
      400,
      'idempotency_key_required',
      `${IDEMPOTENCY_HEADER} header is required: a unique string of 8 to 255 characters per payment.`,
      IDEMPOTENCY_HEADER,
    )
  }
  return parsed.data
}
