// Graceful stop of the HTTP server: no new connections, requests in flight finish, and each
// connection is closed as soon as it has nothing in flight. Node's server.close() closes only the
// connections idle at that moment, so one that finishes its request later would sit in keep-alive
// until its timeout; and a client that never finishes its request would keep the process alive
// for ever. Hence the sweep, and the cut-off after the grace period.
import type { Server } from 'node:http'

/** How long requests in flight get to finish before their connections are cut. */
export const SHUTDOWN_GRACE_MS = 10_000
const IDLE_SWEEP_MS = 50

export async function stopServer(server: Server, graceMs: number): Promise<void> {
  const closed = new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())))
  server.closeIdleConnections()
  const sweep = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS)
  const cutOff = setTimeout(() => server.closeAllConnections(), graceMs)
  try {
    await closed
  } finally {
    clearInterval(sweep)
    clearTimeout(cutOff)
  }
}
