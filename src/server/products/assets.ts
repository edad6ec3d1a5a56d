// The product page's scripts, served from the API's own origin so its CSP names no CDN:
// @stripe/stripe-js's loader (its ESM build has no imports, so it is served as published, read once
// from node_modules) and the page's own script. The loader then fetches Stripe.js itself from
// https://js.stripe.com, the one place Stripe allows it to come from.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

export const ASSETS = {
  stripeLoader: '/assets/stripe-js.mjs',
  productPage: '/assets/product-page.js',
} as const

const STRIPE_LOADER = join(dirname(createRequire(import.meta.url).resolve('@stripe/stripe-js/package.json')), 'dist/pure.mjs')
const PRODUCT_PAGE = new URL('assets/product-page.js', import.meta.url)

export function assetSources(): Record<(typeof ASSETS)[keyof typeof ASSETS], string> {
  return {
    [ASSETS.stripeLoader]: readFileSync(STRIPE_LOADER, 'utf8'),
    [ASSETS.productPage]: readFileSync(PRODUCT_PAGE, 'utf8'),
  }
}
