// Serving site stand-ins and saved pages at the real sites' addresses through the browser's
// request routing, so the shipped manifest's match patterns are what gets tested.

/** A response a stand-in gives, in the shape of Playwright's route.fulfill options. */
export interface Fulfilment {
  status?: number
  contentType?: string
  headers?: Record<string, string>
  body?: string
}

/**
 * A request a stand-in answers: what the stand-ins use of Playwright's Route, which the Firefox
 * driver (../firefox.ts) gives as well.
 */
export interface StandInRoute {
  request(): { url(): string }
  fulfill(response: Fulfilment): Promise<void>
  abort(): Promise<void>
}

/** A Playwright browser context or page, or the Firefox driver: each routes requests the same way. */
export interface Routable {
  route(match: (url: URL) => boolean, handler: (route: StandInRoute) => unknown): Promise<unknown>
}

/**
 * Refuse every web request nothing else serves: an unrouted request can hang a page load offline.
 * Only http(s): a page's requests for the extension's own files (the content script's chunks are
 * fetched by the page) pass through routing too, and must load.
 */
export async function refuseUnserved(context: Routable): Promise<void> {
  await context.route(
    (url) => url.protocol === 'http:' || url.protocol === 'https:',
    (route) => route.abort(),
  )
}

/** Playwright runs the newest route first; this one answers only for the given hosts. */
export async function routeHosts(
  context: Routable,
  hosts: readonly string[],
  serve: (url: URL, route: StandInRoute) => Promise<void>,
): Promise<void> {
  await context.route(
    (url) => hosts.includes(url.hostname),
    (route) => serve(new URL(route.request().url()), route),
  )
}

/** A saved page without its scripts: the site's code would only try to reach the network. */
export function stripScripts(html: string): string {
  return html.replace(/<script\b[^>]*>[\s\S]*?<\/script\s*>/gi, '').replace(/<script\b[^>]*\/>/gi, '')
}

export const fulfilHtml = (route: StandInRoute, html: string, headers: Record<string, string> = {}) =>
  route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', headers, body: html })

/**
 * Headers that make a page cross-origin isolated. Its clock then reads to 5 µs instead of 100 µs:
 * only a benchmark wants that, to time passes shorter than the coarse clock's step.
 */
export const CROSS_ORIGIN_ISOLATED = {
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-embedder-policy': 'require-corp',
} as const

/** A site's public API answer, as a stand-in gives it. */
export interface JsonAnswer {
  status: number
  body: unknown
}

/** A public API answer, readable from any origin as the sites' own are. */
export const fulfilJson = (route: StandInRoute, answer: JsonAnswer) =>
  route.fulfill({
    status: answer.status,
    contentType: 'application/json; charset=utf-8',
    headers: { 'access-control-allow-origin': '*' },
    body: JSON.stringify(answer.body),
  })

/** Serve a saved page, scripts stripped, at url; every other request to that host is refused. */
export async function routeSavedPage(context: Routable, url: string, html: string): Promise<void> {
  const page = new URL(url)
  const body = stripScripts(html)
  await routeHosts(context, [page.hostname], (requested, route) =>
    requested.pathname === page.pathname ? fulfilHtml(route, body) : route.abort(),
  )
}
