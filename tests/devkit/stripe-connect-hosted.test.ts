// Connect's hosted onboarding page in a real browser: no accessibility violations, and a creator
// finishes (or postpones) onboarding with the keyboard alone and lands back on the platform.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import AxeBuilder from '@axe-core/playwright'
import { chromium, type Browser, type Page } from '@playwright/test'
import Stripe from 'stripe'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { startStripeStandIn, type StripeStandIn } from '../../src/devkit/stripe/index.ts'
import { findChromium } from '../../src/devkit/chromium.ts'

let standIn: StripeStandIn
let stripe: Stripe
let browser: Browser
/** The platform's return and refresh pages; a real server, since the browser follows the redirect there. */
let platform: Server
let platformUrl: string

beforeAll(async () => {
  platform = createServer((request, response) => {
    const title = request.url?.startsWith('/payouts/connected') ? 'Payouts connected' : 'Connect again'
    response.writeHead(200, { 'Content-Type': 'text/html' }).end(`<title>${title}</title>`)
  })
  await new Promise<void>((resolve) => platform.listen(0, '127.0.0.1', resolve))
  platformUrl = `http://127.0.0.1:${(platform.address() as AddressInfo).port}`
  standIn = await startStripeStandIn({ port: 0 })
  const { hostname, port } = new URL(standIn.url)
  stripe = new Stripe(standIn.secretKey, { host: hostname, port: Number(port), protocol: 'http' })
  browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: ['--no-sandbox', '--disable-gpu'] })
})

afterAll(async () => {
  await browser?.close()
  await standIn?.close()
  await new Promise((resolve) => platform?.close(resolve))
})

async function openOnboarding(): Promise<{ page: Page; account: Stripe.Account }> {
  const account = await stripe.accounts.create({
    type: 'express',
    country: 'US',
    email: 'nour@example.com',
    capabilities: { transfers: { requested: true } },
  })
  const link = await stripe.accountLinks.create({
    account: account.id,
    refresh_url: `${platformUrl}/payouts/connect-again`,
    return_url: `${platformUrl}/payouts/connected`,
    type: 'account_onboarding',
  })
  const page = await (await browser.newContext()).newPage()
  page.setDefaultTimeout(10_000)
  await page.goto(link.url)
  return { page, account }
}

async function expectNoViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze()
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
}

/** Tabs until the button named `name` has focus. */
async function tabTo(page: Page, name: string) {
  const button = page.getByRole('button', { name })
  for (let presses = 0; presses < 20; presses++) {
    if (await button.evaluate((el) => el === document.activeElement)) return
    await page.keyboard.press('Tab')
  }
  throw new Error(`Tab never reached "${name}"`)
}

test('the onboarding page and the page for an unknown link have no accessibility violations', async () => {
  const { page } = await openOnboarding()
  expect(await page.title()).toBe('Set up payouts · Connect')
  await expectNoViolations(page)
  await page.goto(`${standIn.url}/connect/setup/olink_unknown`)
  await page.getByRole('heading', { name: 'Link not found' }).waitFor()
  await expectNoViolations(page)
  await page.context().close()
})

test('a creator completes onboarding with the keyboard alone and lands back on the platform', async () => {
  const { page, account } = await openOnboarding()
  await tabTo(page, 'Complete onboarding')
  await page.keyboard.press('Enter')
  await page.waitForURL(`${platformUrl}/payouts/connected`)
  expect(await page.title()).toBe('Payouts connected')
  expect(await stripe.accounts.retrieve(account.id)).toMatchObject({ details_submitted: true, payouts_enabled: true })
  await page.context().close()
})

test('"Leave for later" is reachable by keyboard and changes nothing', async () => {
  const { page, account } = await openOnboarding()
  await tabTo(page, 'Leave for later')
  await page.keyboard.press('Enter')
  await page.waitForURL(`${platformUrl}/payouts/connected`)
  expect((await stripe.accounts.retrieve(account.id)).details_submitted).toBe(false)
  await page.context().close()
})
