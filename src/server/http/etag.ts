// Strong ETags on the reads a client polls: a sync that finds nothing new costs a 304 with no body.
import { etag, RETAINED_304_HEADERS } from 'hono/etag'

/** The extension's origin is cross-origin: a 304 without its CORS headers would fail in the browser. */
export const withETag = () =>
  etag({
    retainedHeaders: [
      ...RETAINED_304_HEADERS,
      'access-control-allow-origin',
      'access-control-allow-credentials',
      'access-control-expose-headers',
    ],
  })
