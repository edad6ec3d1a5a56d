// Embedded Checkout: the payment form in a frame on the merchant's page, at the address the
// stand-in's Stripe.js mounts for a session's client_secret. Only the merchant's page (the
// return_url's origin) may frame it; once paid, its last page hands return_url to Stripe.js there.
import type { Context } from 'hono'
import type { Hono } from 'hono'
import type { Account } from '../account.ts'
import type { CheckoutSession } from '../objects.ts'
import { embeddedCompletePage } from '../pages.ts'
import { checkoutPages, returnAddress } from './hosted.ts'

export const embeddedPath = (clientSecret: string) => `/c/embedded/${encodeURIComponent(clientSecret)}`

export function embeddedPages(account: Account): Hono {
  const { store } = account
  const complete = (c: Context, session: CheckoutSession) =>
    c.html(embeddedCompletePage(returnAddress(session.return_url ?? '', session), merchantOrigin(session)), 200, headers(session))
  return checkoutPages(account, {
    find: (clientSecret) => {
      const session = store.sessions.get(clientSecret.split('_secret_')[0] ?? '')
      return session?.ui_mode === 'embedded_page' && session.client_secret === clientSecret ? session : undefined
    },
    action: embeddedPath,
    headers,
    paid: complete,
    alreadyPaid: complete,
  })
}

function headers(session: CheckoutSession): Record<string, string> {
  return {
    // The one script is the stand-in's own (the last page's signal to the merchant's page).
    'Content-Security-Policy': `default-src 'none'; style-src 'unsafe-inline'; script-src 'self'; frame-ancestors ${merchantOrigin(session)}`,
    'Cache-Control': 'no-store',
  }
}

function merchantOrigin(session: CheckoutSession): string {
  return new URL(returnAddress(session.return_url ?? '', session)).origin
}
