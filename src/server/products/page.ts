// The product's public page and the page Checkout returns the buyer to. Self-contained: no
// scripts, fonts or images from anywhere; hono's html escapes every creator-written value.
import { html } from 'hono/html'
import { routes, type Product } from '../../shared/api.ts'
import { formatMoney } from '../../shared/money.ts'
import type { OrderStatus } from './orders.ts'

const STYLE = html`<style>
  body { font: 16px/1.5 system-ui, sans-serif; max-width: 32rem; margin: 4rem auto; padding: 0 1rem; color: #1b1b1f; }
  h1 { font-size: 1.5rem; }
  .price { font-size: 1.25rem; font-weight: 600; }
  .description { white-space: pre-wrap; }
  button { font: inherit; padding: 0.5rem 1.25rem; border-radius: 0.5rem; border: 0; background: #1d4ed8; color: #fff; cursor: pointer; }
</style>`

export const productPage = (product: Product, attempt: string) => {
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
      <form method="post" action="${routes.productPage(product.id)}">
        <input type="hidden" name="attempt" value="${attempt}" />
        <button type="submit">Pay ${price}</button>
      </form>
    </main>
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
