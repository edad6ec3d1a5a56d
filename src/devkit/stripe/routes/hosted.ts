// Checkout's hosted page at the session's `url`: the customer pays here with a test card,
// authenticates when the card asks for it, and is sent back to the merchant's success_url.
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

export function hostedPages(account: Account): Hono {
  const { store } = account
  const pages = new Hono()

  const page = (c: Context, html: string, status: 200 | 400 | 404 = 200) => c.html(html, status, SECURITY_HEADERS)
  const session = (id: string) => store.sessions.get(id)
  const paymentForm = (c: Context, paying: CheckoutSession, form: PaymentForm, error?: StripeApiError) =>
    page(c, checkoutPage(paying, store.lineItems.get(paying.id) ?? [], form, error))

  /** What the customer sees next after an attempt. */
  const outcome = (c: Context, paying: CheckoutSession, result: PaymentResult, form: PaymentForm) => {
    switch (result.kind) {
      case 'paid':
        return c.redirect(paying.success_url.replaceAll('{CHECKOUT_SESSION_ID}', paying.id), 303)
      case 'authentication_required':
        return page(c, authenticationPage(paying, result.token))
      case 'declined':
        return paymentForm(c, paying, { ...form, cvc: '' }, result.error)
    }
  }

  pages.get('/pay/:id', (c) => {
    const paying = session(c.req.param('id'))
    if (!paying) return page(c, messagePage('Checkout not found', 'This checkout link is not valid.'), 404)
    if (paying.status !== 'open') return page(c, closedPage(paying))
    return paymentForm(c, paying, { ...EMPTY_FORM, email: paying.customer_email ?? '' })
  })

  pages.post('/pay/:id', async (c) => {
    const paying = session(c.req.param('id'))
    if (!paying) return page(c, messagePage('Checkout not found', 'This checkout link is not valid.'), 404)
    if (paying.status !== 'open') return page(c, closedPage(paying))
    const form = readForm(await c.req.parseBody())
    const email = paying.customer_email ?? form.email
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
      return paymentForm(c, paying, form, cardError('email_invalid', 'Your email address is incomplete or invalid.'))
    }
    const expiry = readExpiry(form.expiry)
    if (expiry instanceof StripeApiError) return paymentForm(c, paying, form, expiry)
    const cvcError = checkCvc(form.cvc)
    if (cvcError) return paymentForm(c, paying, form, cvcError)
    if (form.name.trim() === '') return paymentForm(c, paying, form, cardError('incomplete_name', 'Your name on card is incomplete.'))
    const result = payWithCard(
      account,
      paying.id,
      { number: form.card, expMonth: expiry.month, expYear: expiry.year },
      { email, name: form.name.trim() },
    )
    return outcome(c, paying, result, form)
  })

  pages.post('/pay/:id/authenticate', async (c) => {
    const paying = session(c.req.param('id'))
    if (!paying) return page(c, messagePage('Checkout not found', 'This checkout link is not valid.'), 404)
    if (paying.status !== 'open') return page(c, closedPage(paying))
    const body = await c.req.parseBody()
    const token = typeof body.token === 'string' ? body.token : ''
    const result = finishAuthentication(account, paying.id, token, body.decision === 'complete')
    return outcome(c, paying, result, { ...EMPTY_FORM, email: paying.customer_email ?? '' })
  })

  pages.onError((error, c) => {
    if (!(error instanceof StripeApiError)) throw error
    return page(c, messagePage('Payment not completed', error.message), 400)
  })

  return pages
}

function readForm(body: Record<string, unknown>): PaymentForm {
  const text = (name: keyof PaymentForm) => (typeof body[name] === 'string' ? body[name] : '')
  return { email: text('email').trim(), card: text('card'), expiry: text('expiry'), cvc: text('cvc'), name: text('name') }
}

function closedPage(session: CheckoutSession): string {
  if (session.status === 'complete') {
    const back = session.success_url.replaceAll('{CHECKOUT_SESSION_ID}', session.id)
    return messagePage('Payment complete', 'This checkout has already been paid.', { href: back, text: 'Return to the merchant' })
  }
  return messagePage(
    'Checkout expired',
    'This checkout session has expired. Go back and start again.',
    session.cancel_url ? { href: session.cancel_url, text: 'Return to the merchant' } : undefined,
  )
}
