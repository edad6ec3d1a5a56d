import { createServer } from 'node:net'

/**
 * A local port nothing listens on, for a peer that cannot be reached: bound, noted, released.
 * Only for that: a server that must listen takes port 0 itself, since another process may take
 * a released port before it is bound again.
 */
export function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}
