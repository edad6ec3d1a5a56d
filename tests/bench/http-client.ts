// The benchmark's load generator: node:http over kept-alive connections, one per client. The
// client shares the machine's cores with the API and Postgres, and fetch (undici) costs several
// times more CPU per request than this, CPU then taken from the server being measured. Only the
// status is read: the body is drained and dropped.
import { Agent, request } from 'node:http'

export interface LoadClient {
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<number>
  close(): void
}

export function loadClient(baseUrl: string, connections: number): LoadClient {
  const { hostname, port } = new URL(baseUrl)
  const agent = new Agent({ keepAlive: true, maxSockets: connections })
  return {
    post: (path, body, headers = {}) =>
      new Promise((resolve, reject) => {
        const payload = JSON.stringify(body)
        const req = request(
          {
            agent,
            hostname,
            port,
            path,
            method: 'POST',
            headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...headers },
          },
          (res) => {
            res.resume()
            res.once('end', () => resolve(res.statusCode ?? 0))
            res.once('error', reject)
          },
        )
        req.once('error', reject)
        req.end(payload)
      }),
    close: () => agent.destroy(),
  }
}
