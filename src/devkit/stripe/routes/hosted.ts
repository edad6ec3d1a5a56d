// Checkout's payment form, served two ways: the hosted page at the session's `url`, and the frame
// the stand-in's Stripe.js mounts on the merchant's page for an embedded session (embedded.ts).
// The customer pays with a test card and authenticates when the card asks for it; a hosted
// session then sends them to the merchant's success_url.
import { Hono, type Context } from 'hono'
import type { Account } from '../account.ts'
import { checkCvc, readExpiry } from '../cards.ts'
import { finishAuthentication, payWithCard, type PaymentResult } from '../checkout.ts'
import { cardError, StripeApiError } from '../errors.ts'
import type { CheckoutSession } from '../objects.ts'
import { authenticationPage, checkoutPage, messagePage, type PaymentForm } from '../pages.ts'

export const SECURITY_HEADERS = {
  // No scripts, no external resources. form-action stays open: the POST redirects to success_url.
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
  'Cache-Control': 'no-store',
}

const EMPTY_FORM: PaymentForm = { email: '', card: '', expiry: '', cvc: '', name: '' }

/** What differs between the hosted page and the embedded frame. */
export interface CheckoutSurface {
  /** The session that the path's `:key` names, if this surface shows it. */
  find(key: string): CheckoutSession | undefined
  /** Where the payment form for `key` posts (its authentication step posts to `/authenticate` under it). */
  action(key: string): string
  headers(session: CheckoutSession): Record<string, string>
  /** What the customer sees once they paid. */
  paid(c: Context, session: CheckoutSession): Response
  /** What a later visit to a paid session shows. */
  alreadyPaid(c: Context, session: CheckoutSession): Response
}

export function hostedPages(account: Account): Hono {
  const { store } = account
  return checkoutPages(account, {
    find: (id) => {
      const session = store.sessions.get(id)
      return session?.ui_mode === 'hosted_page' ? session : undefined
    },
    action: (id) => `/c/pay/${id}`,
    headers: () => SECURITY_HEADERS,
    paid: (c, session) => c.redirect(returnAddress(session.success_url ?? '', session), 303),
    alreadyPaid: (c, session) =>
      c.html(
        messagePage('Payment complete', 'This checkout has already been paid.', {
          href: returnAddress(session.success_url ?? '', session),
          text: 'Return to the merchant',
        }),
        200,
        SECURITY_HEADERS,
      ),
  })
}

/** The merchant's URL with the session's id in place of `{CHECKOUT_SESSION_ID}`. */
export function returnAddress(template: string, session: CheckoutSession): string {
  return template.replaceAll('{CHECKOUT_SESSION_ID}', session.id)
}

/** The payment form, its authentication step and the closed-session pages, at `/:key` on `surface`. */
export function checkoutPages(account: Account, surface: CheckoutSurface): Hono {
  const { store } = account
  const pages = new Hono()

  const page = (c: Context, paying: CheckoutSession, html: string, status: 200 | 400 = 200) =>
    c.html(html, status, surface.headers(paying))
  const notFound = (c: Context) =>
    c.html(messagePage('Checkout not found', 'This checkout link is not valid.'), 404, SECURITY_HEADERS)
  const paymentForm = (c: Context, key: string, paying: CheckoutSession, form: PaymentForm, error?: StripeApiError) =>
    page(c, paying, checkoutPage(paying, store.lineItems.get(paying.id) ?? [], form, surface.action(key), error))
  const closed = (c: Context, paying: CheckoutSession) => {
    if (paying.status === 'complete') return surface.alreadyPaid(c, paying)
    return page(
      c,
      paying,
      messagePage(
        'Checkout expired',
        'This checkout session has expired. Go back and start again.',
        paying.cancel_url ? { href: paying.cancel_url, text: 'Return to the merchant' } : undefined,
      ),
    )
  }

  /** What the customer sees next after an attempt. */
  const outcome = (c: Context, key: string, paying: CheckoutSession, result: PaymentResult, form: PaymentForm) => {
    switch (result.kind) {
      case 'paid':
        return surface.paid(c, paying)
      case 'authentication_required':
        return page(c, paying, authenticationPage(paying, result.token, surface.action(key)))
      case 'declined':
        return paymentForm(c, key, paying, { ...form, cvc: '' }, result.error)
    }
  }

  pages.get('/:key', (c) => {
    const paying = surface.find(c.req.param('key'))
    if (!paying) return notFound(c)
    if (paying.status !== 'open') return closed(c, paying)
    return paymentForm(c, c.req.param('key'), paying, { ...EMPTY_FORM, email: paying.customer_email ?? '' })
  })

  pages.post('/:key', async (c) => {
    const key = c.req.param('key')
    const paying = surface.find(key)
    if (!paying) return notFound(c)
    if (paying.status !== 'open') return closed(c, paying)
    const form = readForm(await c.req.parseBody())
    const email = paying.customer_email ?? form.email
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
      return paymentForm(c, key, paying, form, cardError('email_invalid', 'Your email address is incomplete or invalid.'))
    }
    const expiry = readExpiry(form.expiry)
    if (expiry instanceof StripeApiError) return paymentForm(c, key, paying, form, expiry)
    const cvcError = checkCvc(form.cvc)
    if (cvcError) return paymentForm(c, key, paying, form, cvcError)
    if (form.name.trim() === '') return paymentForm(c, key, paying, form, cardError('incomplete_name', 'Your name on card is incomplete.'))
    const result = payWithCard(
      account,
      paying.id,
      { number: form.card, expMonth: expiry.month, expYear: expiry.year },
      { email, name: form.name.trim() },
    )
    return outcome(c, key, paying, result, form)
  })

  pages.post('/:key/authenticate', async (c) => {
    const key = c.req.param('key')
    const paying = surface.find(key)
    if (!paying) return notFound(c)
    if (paying.status !== 'open') return closed(c, paying)
    const body = await c.req.parseBody()
    const token = typeof body.token === 'string' ? body.token : ''
    const result = finishAuthentication(account, paying.id, token, body.decision === 'complete')
    return outcome(c, key, paying, result, { ...EMPTY_FORM, email: paying.customer_email ?? '' })
  })

  pages.onError((error, c) => {
    if (!(error instanceof StripeApiError)) throw error
    return c.html(messagePage('Payment not completed', error.message), 400, SECURITY_HEADERS)
  })

  return pages
}

function readForm(body: Record<string, unknown>): PaymentForm {
  const text = (name: keyof PaymentForm) => (typeof body[name] === 'string' ? body[name] : '')
  return { email: text('email').trim(), card: text('card'), expiry: text('expiry'), cvc: text('cvc'), name: text('name') }
}
