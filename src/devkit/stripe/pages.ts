// The hosted pages a customer sees: Checkout's payment form, the test authentication step, the
// page for a session that can no longer be paid, and Connect's onboarding page for a creator. Plain HTML with inline styles and no
// scripts or external resources; every label is tied to its field, errors are announced. The one
// script is on embedded Checkout's last page: it tells the merchant's page (Stripe.js) the payment is done.
import { fromStripeAmount, isSupportedCurrency } from '../../shared/currencies.ts'
import { formatMoney } from '../../shared/money.ts'
import { TEST_CARDS } from './cards.ts'
import type { StripeApiError } from './errors.ts'
import type { CheckoutSession, ConnectedAccount, LineItem } from './objects.ts'

export interface PaymentForm {
  email: string
  card: string
  expiry: string
  cvc: string
  name: string
}

type Field = keyof PaymentForm

/** `action`: where the form posts, the hosted page's own path or the embedded frame's. */
export function checkoutPage(session: CheckoutSession, items: LineItem[], form: PaymentForm, action: string, error?: StripeApiError): string {
  const total = formatAmount(session.amount_total, session.currency)
  const invalid = error ? fieldOf(error) : undefined
  const field = (name: Field, label: string, attributes: string) => {
    const described = invalid === name ? ' aria-invalid="true" aria-describedby="payment-error"' : ''
    return `<div class="field"><label for="${name}">${label}</label>
      <input id="${name}" name="${name}" value="${escape(form[name])}" required ${attributes}${described}></div>`
  }
  const email = session.customer_email
    ? `<div class="field"><label for="email">Email</label>
        <input id="email" name="email" type="email" value="${escape(session.customer_email)}" readonly></div>`
    : field('email', 'Email', 'type="email" autocomplete="email"')
  return layout(
    `Pay ${total}`,
    `<p class="badge">Test mode</p>
    <h1>Pay ${escape(total)}</h1>
    <section aria-labelledby="summary">
      <h2 id="summary">Order summary</h2>
      <ul class="items">${items.map(itemRow).join('')}</ul>
      <p class="total"><span>Total due</span> <strong>${escape(total)}</strong></p>
    </section>
    <form method="post" action="${escape(action)}">
      ${error ? `<p id="payment-error" class="error" role="alert">${escape(error.message)}</p>` : ''}
      ${email}
      ${field('card', 'Card number', 'inputmode="numeric" autocomplete="cc-number" placeholder="1234 1234 1234 1234"')}
      <div class="row">
        ${field('expiry', 'Expiry (MM / YY)', 'autocomplete="cc-exp" placeholder="MM / YY"')}
        ${field('cvc', 'CVC', 'inputmode="numeric" autocomplete="cc-csc" maxlength="4"')}
      </div>
      ${field('name', 'Name on card', 'autocomplete="cc-name"')}
      <button type="submit">Pay ${escape(total)}</button>
    </form>
    ${session.cancel_url ? `<p><a href="${escape(session.cancel_url)}">Cancel and go back</a></p>` : ''}
    <details>
      <summary>Test cards</summary>
      <ul>
        <li><code>${spaced(TEST_CARDS.succeeds)}</code> succeeds</li>
        <li><code>${spaced(TEST_CARDS.declined)}</code> is declined</li>
        <li><code>${spaced(TEST_CARDS.insufficientFunds)}</code> is declined for insufficient funds</li>
        <li><code>${spaced(TEST_CARDS.requiresAuthentication)}</code> asks for authentication</li>
      </ul>
    </details>`,
  )
}

export function authenticationPage(session: CheckoutSession, token: string, action: string): string {
  const total = formatAmount(session.amount_total, session.currency)
  return layout(
    'Authenticate this payment',
    `<p class="badge">Test mode</p>
    <h1>Authenticate this payment</h1>
    <p>Your bank asks you to confirm the payment of <strong>${escape(total)}</strong>.
      In test mode you choose the outcome.</p>
    <form method="post" action="${escape(action)}/authenticate">
      <input type="hidden" name="token" value="${escape(token)}">
      <div class="row">
        <button type="submit" name="decision" value="complete">Complete</button>
        <button type="submit" name="decision" value="fail" class="secondary">Fail</button>
      </div>
    </form>`,
  )
}

export function messagePage(
  title: string,
  message: string,
  link?: { href: string; text: string },
  product: Product = 'Checkout',
): string {
  return layout(
    title,
    `<p class="badge">Test mode</p>
    <h1>${escape(title)}</h1>
    <p>${escape(message)}</p>
    ${link ? `<p><a href="${escape(link.href)}">${escape(link.text)}</a></p>` : ''}`,
    product,
  )
}

/**
 * Embedded Checkout's last page, in its frame: the payment went through. Its script hands
 * `returnUrl` to the stand-in's Stripe.js on the merchant's page (`merchantOrigin`), which sends
 * the customer there.
 */
export function embeddedCompletePage(returnUrl: string, merchantOrigin: string): string {
  return layout(
    'Payment complete',
    `<p class="badge">Test mode</p>
    <h1>Payment complete</h1>
    <p id="checkout-complete" data-return-url="${escape(returnUrl)}" data-merchant-origin="${escape(merchantOrigin)}">
      Taking you back to the merchant…</p>
    <p><a href="${escape(returnUrl)}" target="_top">Return to the merchant</a></p>
    <script src="/js/checkout-complete.js"></script>`,
  )
}

/** Connect onboarding in test mode: nothing to type; the creator completes it or leaves it for later. */
export function onboardingPage(connected: ConnectedAccount, token: string): string {
  const due = connected.requirements.currently_due
  return layout(
    'Set up payouts',
    `<p class="badge">Test mode</p>
    <h1>Set up payouts</h1>
    <p>Connect ${connected.email ? `<strong>${escape(connected.email)}</strong>` : 'this account'} to receive payouts
      (account <code>${escape(connected.id)}</code>, ${escape(connected.country)}).</p>
    ${
      due.length > 0
        ? `<section aria-labelledby="due"><h2 id="due">Details to provide</h2>
      <ul>${due.map((requirement) => `<li><code>${escape(requirement)}</code></li>`).join('')}</ul></section>`
        : '<p>All details are provided; you can confirm them again.</p>'
    }
    <p>In test mode no details are typed: completing onboarding fills them in with test data.</p>
    <form method="post" action="/connect/setup/${escape(token)}">
      <div class="row">
        <button type="submit" name="decision" value="complete">Complete onboarding</button>
        <button type="submit" name="decision" value="later" class="secondary">Leave for later</button>
      </div>
    </form>`,
    'Connect',
  )
}

/** A Stripe amount as people read it, using the one currency table (Stripe writes ISK in hundredths). */
export function formatAmount(amount: number, currency: string): string {
  const code = currency.toUpperCase()
  return formatMoney(isSupportedCurrency(code) ? fromStripeAmount(amount, code) : amount, code, 'en')
}

function itemRow(item: LineItem): string {
  return `<li><span>${escape(item.description)}</span>${item.quantity > 1 ? ` <span>× ${item.quantity}</span>` : ''}
    <span>${escape(formatAmount(item.amount_total, item.currency))}</span></li>`
}

function fieldOf(error: StripeApiError): Field {
  const code = error.body.code ?? ''
  if (code.includes('expiry')) return 'expiry'
  if (code.includes('cvc')) return 'cvc'
  if (code.includes('email')) return 'email'
  if (code.includes('name')) return 'name'
  return 'card'
}

function spaced(number: string): string {
  return number.replace(/(\d{4})(?=\d)/g, '$1 ')
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

type Product = 'Checkout' | 'Connect'

function layout(title: string, body: string, product: Product = 'Checkout'): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} · ${product}</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; color: #1a1a1a; background: #f6f8fa; margin: 0; }
  main { max-width: 28rem; margin: 2rem auto; background: #fff; padding: 1.5rem; border-radius: 8px; }
  h1 { font-size: 1.6rem; margin: 0.25rem 0 1rem; }
  h2 { font-size: 1rem; margin: 0 0 0.5rem; }
  .badge { display: inline-block; margin: 0; padding: 0 0.5rem; background: #fff3e0; color: #7a4100; border-radius: 4px; font-size: 0.85rem; }
  .items { list-style: none; padding: 0; margin: 0 0 0.5rem; }
  .items li, .total { display: flex; justify-content: space-between; gap: 1rem; }
  .field { display: flex; flex-direction: column; margin: 0 0 0.75rem; flex: 1; }
  .row { display: flex; gap: 0.75rem; }
  label { font-weight: 600; font-size: 0.9rem; }
  input { font: inherit; padding: 0.5rem; border: 1px solid #6b7280; border-radius: 4px; }
  input[aria-invalid="true"] { border-color: #b00020; }
  button { font: inherit; font-weight: 600; padding: 0.6rem 1rem; border: 0; border-radius: 4px; background: #0a5cd6; color: #fff; cursor: pointer; width: 100%; }
  button.secondary { background: #fff; color: #1a1a1a; border: 1px solid #6b7280; }
  :focus-visible { outline: 3px solid #0a5cd6; outline-offset: 2px; }
  .error { color: #b00020; font-weight: 600; }
  a { color: #0a5cd6; }
</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`
}
