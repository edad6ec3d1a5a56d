// Request bodies are checked against the shared contract's schemas before anything else runs.
import type { Context } from 'hono'
import type { z } from 'zod'
import { IDEMPOTENCY_HEADER, IdempotencyKey } from '../../shared/api.ts'
import { ApiFailure } from './errors.ts'

export async function body<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  let raw: unknown
  try {
    raw = await c.req.json()
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
