// The stand-in's substitute for Stripe.js, at /js/<train>/stripe.js (what loadStripe asks
// js.stripe.com for, routed here by ../browser.ts), and the script of embedded Checkout's last page.
import { readFileSync } from 'node:fs'
import { Hono } from 'hono'
import type { Account } from '../account.ts'

const source = (name: string) => readFileSync(new URL(`../stripe-js/${name}`, import.meta.url), 'utf8')
const STRIPE_JS = source('stripe.js')
const CHECKOUT_COMPLETE = source('checkout-complete.js')
/** A release train as Stripe.js's address names it: `v3`, or a name such as `endive`. */
const TRAIN = /^(v3|[a-z]+)$/

export function stripeJs(account: Account, publishableKey: string): Hono {
  const scripts = new Hono()
  const script = (body: string) =>
    new Response(body, { headers: { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' } })

  scripts.get('/:train/stripe.js', (c) => {
    const train = c.req.param('train')
    if (!TRAIN.test(train)) return c.notFound()
    const standIn = { origin: account.url, publishableKey, train }
    return script(`${STRIPE_JS}\ninstallStripe(${JSON.stringify(standIn)})\n`)
  })
  scripts.get('/checkout-complete.js', () => script(CHECKOUT_COMPLETE))
  return scripts
}
