// Products and Pay, end to end: a creator connects Stripe and makes a product on the options
// page; a post on the X stand-in links to its public page and gets a Pay button with the price;
// paying through the hosted checkout records the order. The public page pays on its own too.
import AxeBuilder from '@axe-core/playwright'
import { test, expect } from './fixtures.ts'
import { routeXStandIn } from '../../src/devkit/sites/x/index.ts'
import { TEST_CARDS } from '../../src/devkit/stripe/index.ts'
import { Checkout } from './pages/checkout.ts'
import { Payouts } from './pages/payouts.ts'
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

test('the public product page pays without the extension: its Pay button goes to hosted checkout', async ({ context, options }) => {
  const dashboard = await options.open()
  await new Payouts(context, dashboard).connect()
  const pageUrl = await new Products(dashboard).create(ZINE)

  const buyer = await context.newPage()
  await buyer.goto(pageUrl, { waitUntil: 'domcontentloaded' })
  await expect(buyer.getByRole('heading', { name: ZINE.title })).toBeVisible()
  await expect(buyer.getByText(ZINE.description)).toBeVisible()
  await buyer.getByRole('button', { name: 'Pay $15.00' }).click()
  await new Checkout(buyer).pay(TEST_CARDS.succeeds)
  await expect(buyer.getByRole('heading', { name: 'Thank you' })).toBeVisible()

  await options.open()
  await expect(new Products(dashboard).orders.getByTestId('order')).toHaveCount(1)
})
