// Build configuration for the extension. Dev builds point at the local API.
export const DEFAULT_API_URL = 'http://127.0.0.1:8787'

export function apiBaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  const url = env.TIPLINE_API_URL ?? DEFAULT_API_URL
  const parsed = new URL(url) // throws on a malformed value: better at build time than in the field
  return parsed.origin
}
