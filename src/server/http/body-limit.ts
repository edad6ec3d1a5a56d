// Request bodies are small JSON objects (Stripe's events are the largest), each sent with its
// length, so the limit is judged from the Content-Length header alone, before a byte is read.
// Hono's bodyLimit reads c.req.raw.body to do the same, and that builds a WHATWG Request around
// Node's stream for every request: more CPU than a tip's own handling (see bodyText).
import { createMiddleware } from 'hono/factory'
import type { ApiEnv } from './env.ts'
import { ApiFailure } from './errors.ts'

export const MAX_BODY_BYTES = 256 * 1024

export const limitBody = createMiddleware<ApiEnv>(async (c, next) => {
  const length = c.req.header('content-length')
  if (length === undefined && c.req.header('transfer-encoding') !== undefined) {
    // A body of unknown length would have to be read to be judged.
    throw new ApiFailure(411, 'length_required', 'Send the request body with a Content-Length header.')
  }
  if (Number(length ?? 0) > MAX_BODY_BYTES) {
    throw new ApiFailure(413, 'body_too_large', `Request bodies are limited to ${MAX_BODY_BYTES} bytes.`)
  }
  await next()
})
