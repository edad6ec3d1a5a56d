// Products: a creator makes and lists them, anyone reads one and buys it. Each has a public page
// (/p/<id>) that works without the extension: Stripe.js mounts embedded Checkout there when a
// publishable key is configured, and its Pay button, a plain form, sends the buyer on to Stripe's
// hosted checkout whenever that cannot load.
import { randomBytes } from 'node:crypto'
import { IDEMPOTENCY_HEADER, IdempotencyKey, ProductCheckoutRequest, ProductRequest, routes } from '../../shared/api.ts'
import { requireAccount } from '../auth/middleware.ts'
import type { ApiApp } from '../http/env.ts'
import { limitAuth, limitMoney } from '../http/rate-limit.ts'
import { ApiFailure } from '../http/errors.ts'
import { body, bodyText, idempotencyKey, parseBody } from '../http/validate.ts'
import { createProduct, productById, productsOf } from '../products/catalog.ts'
import { ASSETS, assetSources } from '../products/assets.ts'
import { startEmbeddedProductCheckout, startProductCheckout } from '../products/checkout.ts'
import { fulfilOrder, ordersOf, type OrderStatus } from '../products/orders.ts'
import { PAID_PAGE_SECURITY, paidPage, productPage, productPageSecurity } from '../products/page.ts'
import type { Services } from '../services.ts'

const SESSION_ID = /^cs_[A-Za-z0-9_]{1,200}$/
// Hono's patterns for the product routes in the shared contract.
const PRODUCT = `${routes.products}/:id` as const
const PAGE = '/p/:id'

export function productRoutes(app: ApiApp, s: Services): void {
  app.post(routes.products, requireAccount(s), limitMoney(s.limiters), async (c) => {
    const key = idempotencyKey(c)
    const request = await body(c, ProductRequest)
    return c.json(await createProduct(s, c.var.accountId, key, request), 201)
  })
  app.get(routes.products, requireAccount(s), async (c) => c.json({ products: await productsOf(s, c.var.accountId) }))
  app.get(routes.orders, requireAccount(s), async (c) => c.json({ orders: await ordersOf(s.db, c.var.accountId) }))

  app.get(PRODUCT, async (c) => {
    const { product } = await productById(s, c.req.param('id'))
    return c.json(product)
  })

  // Public: the buyer has no Tipline account, so each checkout (a Stripe object made on request)
  // counts against the per-address budget. A key, when sent, makes a retry the same session.
  // No body asks for hosted Checkout, as the extension's Pay button does.
  app.post(`${PRODUCT}/checkout`, limitAuth(s.limiters), async (c) => {
    const key = IdempotencyKey.safeParse(c.req.header(IDEMPOTENCY_HEADER))
    const attempt = key.success ? key.data : undefined
    const text = await bodyText(c)
    const { ui } = text === '' ? ProductCheckoutRequest.parse({}) : parseBody(text, ProductCheckoutRequest)
    if (ui === 'embedded') {
      if (!s.stripeJs) throw new ApiFailure(409, 'embedded_checkout_unavailable', 'Embedded checkout is not set up here; use hosted checkout.')
      return c.json(await startEmbeddedProductCheckout(s, c.req.param('id'), attempt), 201)
    }
    return c.json(await startProductCheckout(s, c.req.param('id'), attempt), 201)
  })

  app.get(PAGE, async (c) => {
    const { product } = await productById(s, c.req.param('id'))
    // The form carries its own key, so submitting it twice (a double click, a reload) opens one session.
    c.header('Content-Security-Policy', productPageSecurity(s.stripeJs))
    return c.html(productPage(product, randomBytes(16).toString('hex'), s.stripeJs))
  })

  const assets = assetSources()
  for (const path of Object.values(ASSETS)) {
    app.get(path, (c) =>
      c.body(assets[path], 200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'public, max-age=300' }),
    )
  }

  app.post(PAGE, limitAuth(s.limiters), async (c) => {
    const form = await c.req.parseBody()
    const key = IdempotencyKey.safeParse(form.attempt)
    const started = await startProductCheckout(s, c.req.param('id'), key.success ? key.data : undefined)
    return c.redirect(started.checkoutUrl, 303)
  })

  // Checkout's success_url (hosted) and return_url (embedded). It fulfils too, so the order is recorded even if the webhook is late.
  app.get(`${PAGE}/paid`, async (c) => {
    const sessionId = c.req.query('session_id') ?? ''
    const status: OrderStatus = SESSION_ID.test(sessionId) ? await fulfilOrder(s, sessionId) : 'unknown'
    c.header('Content-Security-Policy', PAID_PAGE_SECURITY)
    return c.html(paidPage(status), status === 'unknown' ? 404 : 200)
  })
}
