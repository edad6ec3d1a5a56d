// The hosted checkout page in a real browser: no accessibility violations, and a customer can
// pay with the keyboard alone and land on the merchant's success page.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import AxeBuilder from '@axe-core/playwright'
import { chromium, type Browser, type Page } from '@playwright/test'
import Stripe from 'stripe'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { startStripeStandIn, TEST_CARDS, type StripeStandIn } from '../../src/devkit/stripe/index.ts'
import { findChromium } from '../../src/devkit/chromium.ts'

let standIn: StripeStandIn
let stripe: Stripe
let browser: Browser
/** The merchant's return pages; a real server, since a browser follows the redirect there. */
let merchant: Server
let merchantUrl: string

beforeAll(async () => {
  merchant = createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html' }).end('<title>Back at Tipline</title>')
  })
  await new Promise<void>((resolve) => merchant.listen(0, '127.0.0.1', resolve))
  merchantUrl = `http://127.0.0.1:${(merchant.address() as AddressInfo).port}`
  standIn = await startStripeStandIn({ port: 0 })
  const { hostname, port } = new URL(standIn.url)
  stripe = new Stripe(standIn.secretKey, { host: hostname, port: Number(port), protocol: 'http' })
  browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: ['--no-sandbox', '--disable-gpu'] })
})

afterAll(async () => {
  await browser?.close()
  await standIn?.close()
  await new Promise((resolve) => merchant?.close(resolve))
})

async function openCheckout(): Promise<{ page: Page; session: Stripe.Checkout.Session }> {
  const session = await stripe.checkout.sessions.create({
    mode: 'payment',
    line_items: [{ price_data: { currency: 'usd', unit_amount: 1000, product_data: { name: 'Tipline wallet top-up' } }, quantity: 1 }],
    success_url: `${merchantUrl}/topup/done?session={CHECKOUT_SESSION_ID}`,
    cancel_url: `${merchantUrl}/topup/cancelled`,
  })
  const page = await (await browser.newContext()).newPage()
  page.setDefaultTimeout(10_000)
  await page.goto(session.url!)
  return { page, session }
}

async function expectNoViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze()
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
}

test('the payment form and its error state have no accessibility violations', async () => {
  const { page } = await openCheckout()
  await expectNoViolations(page)
  await page.getByLabel('Email').fill('reader@example.com')
  await page.getByLabel('Card number').fill(TEST_CARDS.declined)
  await page.getByLabel('Expiry (MM / YY)').fill('12 / 40')
  await page.getByLabel('CVC').fill('123')
  await page.getByLabel('Name on card').fill('Nour Reader')
  await page.getByRole('button', { name: 'Pay $10.00' }).click()
  await expect.poll(() => page.getByRole('alert').textContent()).toBe('Your card was declined.')
  await expectNoViolations(page)
  await page.context().close()
})

test('a customer pays with the keyboard alone and lands on the success page', async () => {
  const { page, session } = await openCheckout()
  await page.keyboard.press('Tab')
  const typeInto = async (label: string, text: string) => {
    while (!(await page.getByLabel(label).evaluate((el) => el === document.activeElement))) await page.keyboard.press('Tab')
    await page.keyboard.type(text)
  }
  await typeInto('Email', 'reader@example.com')
  await typeInto('Card number', '4242 4242 4242 4242')
  await typeInto('Expiry (MM / YY)', '12 / 40')
  await typeInto('CVC', '123')
  await typeInto('Name on card', 'Nour Reader')
  await page.keyboard.press('Enter')
  await page.waitForURL(`${merchantUrl}/topup/done?session=${session.id}`)
  expect(await page.title()).toBe('Back at Tipline')
  expect((await stripe.checkout.sessions.retrieve(session.id)).payment_status).toBe('paid')
  await page.context().close()
})

test('the authentication step is answered from the page', async () => {
  const { page, session } = await openCheckout()
  await page.getByLabel('Email').fill('reader@example.com')
  await page.getByLabel('Card number').fill('4000 0025 0000 3155')
  await page.getByLabel('Expiry (MM / YY)').fill('12 / 40')
  await page.getByLabel('CVC').fill('123')
  await page.getByLabel('Name on card').fill('Nour Reader')
  await page.getByRole('button', { name: 'Pay $10.00' }).click()
  await page.getByRole('heading', { name: 'Authenticate this payment' }).waitFor()
  await expectNoViolations(page)
  await page.getByRole('button', { name: 'Complete' }).click()
  await page.waitForURL(`${merchantUrl}/topup/done?session=${session.id}`)
  expect((await stripe.checkout.sessions.retrieve(session.id)).status).toBe('complete')
  await page.context().close()
})
