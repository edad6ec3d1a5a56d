// Products and Pay, end to end: a creator connects Stripe and makes a product on the options
// page; a post on the X stand-in links to its public page and gets a Pay button with the price;
// paying through the hosted checkout records the order. The public page pays on its own too, in a
// buyer's browser without the extension: in embedded Checkout, or on the hosted page when
// Stripe.js cannot load.
import AxeBuilder from '@axe-core/playwright'
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test'
import { test, expect } from './fixtures.ts'
import { routeStandIns } from '../../src/devkit/browser.ts'
import { findChromium } from '../../src/devkit/chromium.ts'
import { routeXStandIn } from '../../src/devkit/sites/x/index.ts'
import { TEST_CARDS } from '../../src/devkit/stripe/index.ts'
import type { Options } from './pages/options.ts'
import { Checkout } from './pages/checkout.ts'
import { Payouts } from './pages/payouts.ts'
import { ProductPage } from './pages/product-page.ts'
import { Products } from './pages/products.ts'

const ZINE = { title: 'Night Trains zine', price: '15.00', description: 'Forty pages of sleepers.' }

test('a post linking to a product gets Pay with its price; paying records the order on the dashboard', async ({ context, options, x }) => {
  const dashboard = await options.open()
  await new Payouts(context, dashboard).connect()
  const products = new Products(dashboard)

  // Strict parsing: an ambiguous price is named next to the field, and nothing is made.
  await dashboard.getByTestId('product-title').fill(ZINE.title)
  await dashboard.getByTestId('product-price').fill('15.000')
  await dashboard.getByTestId('product-create').click()
  await expect(dashboard.getByTestId('product-price')).toHaveAccessibleDescription(/.+/)
  await expect(dashboard.getByTestId('products')).toContainText('No products yet.')

  const pageUrl = await products.create(ZINE)
  expect(pageUrl).toMatch(/\/p\/prd_[\w-]+$/)
  await expect(products.list).toContainText('$15.00')
  await expect(products.orders).toContainText('No orders yet.')

  // The first post on the timeline shares the product's page.
  await routeXStandIn(context, { links: { 0: pageUrl } })
  const timeline = await x.open()
  const pay = timeline.locator('tipline-pay').getByRole('button', { name: 'Pay $15.00' })
  await expect(pay).toBeVisible()
  await expect(timeline.locator('tipline-pay')).toHaveCount(1)
  await expect(x.post('nour_writes').button).toBeVisible()

  const checkoutTab = context.waitForEvent('page')
  await pay.click()
  const checkout = new Checkout(await checkoutTab)
  await checkout.pay(TEST_CARDS.succeeds)
  await expect(checkout.page.getByRole('heading', { name: 'Thank you' })).toBeVisible()

  await options.open()
  await expect(products.orders.getByTestId('order')).toHaveCount(1)
  await expect(products.orders).toContainText(`${ZINE.title}`)
  await expect(products.orders).toContainText('$15.00')
  const axe = await new AxeBuilder({ page: dashboard })
    .include('[data-testid="products"]')
    .include('[data-testid="orders"]')
    .withTags(['wcag2a', 'wcag2aa'])
    .analyze()
  expect(axe.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')).toEqual([])
})

/** A creator with a payout account and the zine for sale; resolves to its public page. */
async function sellZine(context: BrowserContext, options: Options): Promise<string> {
  const dashboard = await options.open()
  await new Payouts(context, dashboard).connect()
  return new Products(dashboard).create(ZINE)
}

/**
 * A buyer's own Chromium, without the extension, behind the same stand-ins. `stripeUrl`: js.stripe.com
 * serves that Stripe stand-in's Stripe.js; without it, js.stripe.com is blocked.
 */
async function buyerBrowser(stripeUrl?: string): Promise<{ browser: Browser; page: Page }> {
  const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: ['--no-sandbox', '--disable-gpu'] })
  const context = await browser.newContext()
  await routeStandIns(context, stripeUrl)
  return { browser, page: await context.newPage() }
}

test('the public product page mounts embedded Checkout for a buyer without the extension; a declined card is shown there, a good one pays', async ({ stack, context, options }) => {
  const pageUrl = await sellZine(context, options)
  const { browser, page } = await buyerBrowser(stack.stripe.url)
  try {
    const product = await new ProductPage(page).open(pageUrl)
    await expect(page.getByRole('heading', { name: ZINE.title })).toBeVisible()
    await expect(product.embeddedFrame).toBeVisible()
    await expect(product.payButton('$15.00')).toBeHidden()
    await expect(product.status).toBeEmpty()

    await product.embedded.pay(TEST_CARDS.declined)
    await expect(product.embedded.form.getByRole('alert')).toHaveText('Your card was declined.')
    await product.embedded.pay(TEST_CARDS.succeeds)
    await expect(page).toHaveURL(/\/p\/prd_[\w-]+\/paid\?session_id=cs_test_/)
    await expect(page.getByRole('heading', { name: 'Thank you' })).toBeVisible()
  } finally {
    await browser.close()
  }

  await expect(new Products(await options.open()).orders.getByTestId('order')).toHaveCount(1)
})

test('while Stripe.js loads the page says so; with js.stripe.com blocked it says that, and its Pay button goes to hosted checkout', async ({ context, options }) => {
  const pageUrl = await sellZine(context, options)
  const { browser, page } = await buyerBrowser()
  // Stripe.js is held back a while, then refused, as a slow and then failing network would.
  let refuse = () => {}
  const refused = new Promise<void>((resolve) => (refuse = resolve))
  await page.context().route('https://js.stripe.com/**', async (route) => {
    await refused
    await route.abort('blockedbyclient')
  })
  try {
    const product = await new ProductPage(page).open(pageUrl)
    await expect(product.status).toHaveText('Loading secure checkout…')
    await expect(product.payButton('$15.00')).toBeEnabled()
    refuse()
    await expect(product.status).toHaveText(/Secure checkout could not load here/)
    await expect(product.embeddedFrame).toHaveCount(0)
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze()
    expect(axe.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')).toEqual([])

    await product.payButton('$15.00').click()
    await new Checkout(page).pay(TEST_CARDS.succeeds)
    await expect(page.getByRole('heading', { name: 'Thank you' })).toBeVisible()
  } finally {
    await browser.close()
  }

  await expect(new Products(await options.open()).orders.getByTestId('order')).toHaveCount(1)
})
