// Products: a creator makes and lists them, anyone reads one and buys it. Each has a public page
// (/p/<id>) that works without the extension or any script: its Pay button posts a form that
// sends the buyer on to Stripe's hosted checkout.
import { randomBytes } from 'node:crypto'
import { IDEMPOTENCY_HEADER, IdempotencyKey, ProductRequest, routes } from '../../shared/api.ts'
import { requireAccount } from '../auth/middleware.ts'
import type { ApiApp } from '../http/env.ts'
import { limitAuth, limitMoney } from '../http/rate-limit.ts'
import { body, idempotencyKey } from '../http/validate.ts'
import { createProduct, productById, productsOf } from '../products/catalog.ts'
import { startProductCheckout } from '../products/checkout.ts'
import { fulfilOrder, ordersOf, type OrderStatus } from '../products/orders.ts'
import { paidPage, productPage } from '../products/page.ts'
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
  app.post(`${PRODUCT}/checkout`, limitAuth(s.limiters), async (c) => {
    const key = IdempotencyKey.safeParse(c.req.header(IDEMPOTENCY_HEADER))
    return c.json(await startProductCheckout(s, c.req.param('id'), key.success ? key.data : undefined), 201)
  })

  app.get(PAGE, async (c) => {
    const { product } = await productById(s, c.req.param('id'))
    // The form carries its own key, so submitting it twice (a double click, a reload) opens one session.
    return c.html(productPage(product, randomBytes(16).toString('hex')))
  })

  app.post(PAGE, limitAuth(s.limiters), async (c) => {
    const form = await c.req.parseBody()
    const key = IdempotencyKey.safeParse(form.attempt)
    const started = await startProductCheckout(s, c.req.param('id'), key.success ? key.data : undefined)
    return c.redirect(started.checkoutUrl, 303)
  })

  // Checkout's success_url. It fulfils too, so the order is recorded even if the webhook is late.
  app.get(`${PAGE}/paid`, async (c) => {
    const sessionId = c.req.query('session_id') ?? ''
    const status: OrderStatus = SESSION_ID.test(sessionId) ? await fulfilOrder(s, sessionId) : 'unknown'
    return c.html(paidPage(status), status === 'unknown' ? 404 : 200)
  })
}
