// The product's public page and the page Checkout returns the buyer to. Nothing from elsewhere
// but Stripe.js (for embedded Checkout, when a publishable key is configured) and what it frames;
// the Pay form works without any script. hono's html escapes every creator-written value.
import { html } from 'hono/html'
import { routes, type Product } from '../../shared/api.ts'
import { formatMoney } from '../../shared/money.ts'
import type { StripeJsConfig } from '../services.ts'
import { ASSETS } from './assets.ts'
import type { OrderStatus } from './orders.ts'

/**
 * Stripe.js comes from js.stripe.com only; embedded Checkout's frames and calls go to Stripe's
 * checkout origin (Stripe's CSP guide for embedded Checkout), or to a local stand-in's.
 */
export function productPageSecurity(stripeJs: StripeJsConfig | undefined): string {
  const stripe = ['https://js.stripe.com']
  const frames = [...stripe, 'https://checkout.stripe.com', ...(stripeJs?.standInOrigin ? [stripeJs.standInOrigin] : [])]
  return [
    "default-src 'none'",
    "style-src 'unsafe-inline'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    ...(stripeJs
      ? [
          `script-src 'self' ${stripe.join(' ')}`,
          `frame-src 'self' ${frames.join(' ')}`,
          "connect-src 'self' https://api.stripe.com https://checkout.stripe.com",
          "img-src 'self' https://*.stripe.com",
        ]
      : []),
  ].join('; ')
}

/** The paid page has nothing to load. */
export const PAID_PAGE_SECURITY = productPageSecurity(undefined)

const STYLE = html`<style>
  body { font: 16px/1.5 system-ui, sans-serif; max-width: 32rem; margin: 4rem auto; padding: 0 1rem; color: #1b1b1f; }
  h1 { font-size: 1.5rem; }
  .price { font-size: 1.25rem; font-weight: 600; }
  .description { white-space: pre-wrap; }
  button { font: inherit; padding: 0.5rem 1.25rem; border-radius: 0.5rem; border: 0; background: #1d4ed8; color: #fff; cursor: pointer; }
</style>`

/** `stripeJs`: mount embedded Checkout above the Pay form, which stays as the fallback. */
export const productPage = (product: Product, attempt: string, stripeJs?: StripeJsConfig) => {
  const price = formatMoney(product.price, product.currency, 'en')
  return html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${product.title} · Tipline</title>
    ${STYLE}
  </head>
  <body>
    <main>
      <h1>${product.title}</h1>
      <p class="price" data-testid="price">${price}</p>
      <p class="description">${product.description}</p>
      ${stripeJs
        ? html`<div
              id="embedded-checkout"
              data-testid="embedded-checkout"
              data-publishable-key="${stripeJs.publishableKey}"
              data-checkout-url="${routes.productCheckout(product.id)}"
              data-attempt="${attempt}"
            ></div>
            <p id="checkout-status" role="status" aria-live="polite"></p>`
        : ''}
      <form id="hosted-checkout" method="post" action="${routes.productPage(product.id)}">
        <input type="hidden" name="attempt" value="${attempt}" />
        <button type="submit">Pay ${price}</button>
      </form>
    </main>
    ${stripeJs ? html`<script type="module" src="${ASSETS.productPage}"></script>` : ''}
  </body>
</html>`
}

const PAID: Record<OrderStatus, { title: string; detail: string }> = {
  paid: { title: 'Thank you', detail: 'Your payment went through. Stripe emails the receipt. You can close this tab.' },
  processing: { title: 'Payment is processing', detail: 'The order is recorded as soon as the payment clears.' },
  expired: { title: 'Checkout expired', detail: 'Nothing was charged.' },
  unknown: { title: 'Unknown checkout', detail: 'This page does not recognise that checkout session.' },
}

export const paidPage = (status: OrderStatus) => html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${PAID[status].title} · Tipline</title>
    ${STYLE}
  </head>
  <body>
    <main>
      <h1>${PAID[status].title}</h1>
      <p>${PAID[status].detail}</p>
    </main>
  </body>
</html>`
