// Claiming handles for real through the options page: the creator gets a code, posts it where the
// site shows it (the test posts it to the public-API stand-in through its controls, as the creator
// would on the site), and the API verifies it through the site's public interface. Tips a reader
// sent before the creator joined wait in escrow and move to the creator's earnings on the claim.
import { randomBytes } from 'node:crypto'
import AxeBuilder from '@axe-core/playwright'
import type { Locator, Page } from '@playwright/test'
import { routes } from '../../src/shared/api.ts'
import { routeStandIns } from '../../src/devkit/browser.ts'
import type { Stack } from '../../src/devkit/stack.ts'
import { TEST_CARDS } from '../../src/devkit/stripe/index.ts'
import { newDevice, type Device } from '../server/support/device.ts'
import { launchWithExtension } from '../../src/devkit/chromium.ts'
import { test, expect } from './fixtures.ts'

test('a creator claims a Bluesky handle by bio and a Mastodon handle by post; the tips that waited move to earnings', async ({ stack, options }) => {
  const reader = await fundedReader(stack, 1_000)
  await tip(reader, 'bluesky', 'nour.example.com', 300)
  await tip(reader, 'mastodon', 'nour@mastodon.social', 200)

  const page = await options.open()
  const claim = new ClaimForm(page)

  const blueskyCode = await claim.getCode('bluesky', '@nour.example.com')
  await expect(claim.where).toContainText('Bluesky profile description')
  await claim.verify()
  await expect(claim.problem).toHaveText('That post or profile could not be found. Check that it is public and the link is right.')
  // The code, its copy button, the proof field and the refusal, as a screen reader meets them.
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([])
  await showOnSite(stack, 'profile', { site: 'bluesky', handle: 'nour.example.com', bio: `Essays on the sea and memory. ${blueskyCode}` })
  await claim.verify()
  await expect(claim.result).toContainText('Verified: ')
  await expect(claim.result).toContainText('@nour.example.com')
  await expect(page.getByTestId('handles')).toContainText('nour.example.com')
  await expect(page.getByTestId('earnings')).toHaveText('$3.00')

  const mastodonCode = await claim.getCode('mastodon', 'nour@mastodon.social')
  expect(mastodonCode).not.toBe(blueskyCode)
  await showOnSite(stack, 'post', { site: 'mastodon', handle: 'grace@mastodon.social', id: '113500000000000001', text: mastodonCode })
  await claim.verify('https://mastodon.social/@grace/113500000000000001')
  await expect(claim.problem).toHaveText('That post or profile belongs to someone else, not \u2068@nour@mastodon.social\u2069.')
  await showOnSite(stack, 'post', { site: 'mastodon', handle: 'nour@mastodon.social', id: '113500000000000002', text: `Claiming my Tipline: ${mastodonCode}` })
  await claim.verify('https://mastodon.social/@nour/113500000000000002')
  await expect(claim.result).toContainText('@nour@mastodon.social')
  await expect(page.getByTestId('handles')).toContainText('nour@mastodon.social')
  await expect(page.getByTestId('earnings')).toHaveText('$5.00')
  await expect(options.tipsReceived).toContainText('nour@mastodon.social')
  await expect(options.tipsReceived).toContainText('$2.00')
})

test('a released handle leaves the list, and the tips it already brought stay earned', async ({ stack, options }) => {
  const reader = await fundedReader(stack, 500)
  await tip(reader, 'bluesky', 'ada.bsky.social', 150)
  const page = await options.open()
  const claim = new ClaimForm(page)
  const code = await claim.getCode('bluesky', 'ada.bsky.social')
  await showOnSite(stack, 'profile', { site: 'bluesky', handle: 'ada.bsky.social', bio: code })
  await claim.verify()
  await expect(page.getByTestId('earnings')).toHaveText('$1.50')

  await page.getByRole('button', { name: 'Release \u2068@ada.bsky.social\u2069' }).click()
  await page.getByTestId('claim-release-confirm').click()
  await expect(page.getByTestId('handles')).toHaveText('No handles claimed yet.')
  await expect(page.getByTestId('earnings')).toHaveText('$1.50')
})

const inArabic = test.extend({
  context: async ({ stack: _stack }, use) => {
    const browser = await launchWithExtension({ lang: 'ar' })
    await routeStandIns(browser.context)
    await use(browser.context)
    await browser.context.close()
  },
})

inArabic('in Arabic the claim form reads right to left, says why a proof failed, and passes axe', async ({ stack, options }) => {
  const page = await options.open()
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
  const claim = new ClaimForm(page)
  const code = await claim.getCode('bluesky', 'nour.example.com')
  await claim.verify()
  await expect(claim.problem).toHaveText('تعذّر العثور على المنشور أو الملف الشخصي. تأكد أنه عام وأن الرابط صحيح.')
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([])
  await showOnSite(stack, 'profile', { site: 'bluesky', handle: 'nour.example.com', bio: code })
  await claim.verify()
  await expect(claim.result).toContainText('تم التحقق')
  await expect(claim.result).toContainText('@nour.example.com')
})

/** The verified-claim form on the options page. */
class ClaimForm {
  constructor(private readonly page: Page) {}

  get where(): Locator {
    return this.page.getByTestId('claim-verify-form').locator('p').first()
  }
  get problem(): Locator {
    return this.page.locator('.claim-form [role="alert"]')
  }
  get result(): Locator {
    return this.page.getByTestId('claim-result')
  }

  /** Picks the site, types the handle, asks for a code and returns it as shown. */
  async getCode(site: 'x' | 'bluesky' | 'mastodon', handle: string): Promise<string> {
    const startOver = this.page.getByRole('button', { name: 'Start over' })
    if (await startOver.isVisible()) await startOver.click()
    await this.page.getByTestId('claim-verified-site').selectOption(site)
    await this.page.getByTestId('claim-verified-handle').fill(handle)
    await this.page.getByTestId('claim-get-code').click()
    const code = (await this.page.getByTestId('claim-code').textContent()) ?? ''
    expect(code).toMatch(/^tipline-[0-9A-Z]{4}-[0-9A-Z]{4}$/)
    return code
  }

  async verify(proofUrl = ''): Promise<void> {
    await this.page.getByTestId('claim-proof-url').fill(proofUrl)
    await this.page.getByTestId('claim-verify').click()
    await expect(this.page.getByTestId('claim-verify').or(this.result)).toBeEnabled()
  }
}

/** A reader on another device: registered, topped up through the Stripe stand-in's checkout. */
async function fundedReader(stack: Stack, amount: number): Promise<Device> {
  const reader = await newDevice(stack.api.url)
  const started = await reader.post(routes.topups, { amount, currency: 'USD' }, { 'Idempotency-Key': randomBytes(12).toString('hex') })
  expect(started.status).toBe(201)
  const paid = await fetch(`${stack.stripe.url}/_control/checkout/sessions/${started.body.checkoutSessionId}/pay`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ card: TEST_CARDS.succeeds }),
  })
  expect(paid.status).toBe(200)
  // The stand-in delivers checkout.session.completed to the API on its own, as Stripe does.
  await expect.poll(async () => (await reader.get(routes.wallet)).body.balance).toBe(amount)
  return reader
}

async function tip(reader: Device, site: string, handle: string, amount: number): Promise<void> {
  const sent = await reader.post(
    routes.tips,
    { site, handle, postId: null, postUrl: null, amount, currency: 'USD', note: 'before you joined' },
    { 'Idempotency-Key': randomBytes(12).toString('hex') },
  )
  expect(sent.body.credited).toBe('escrow')
}

/** What the creator posts on the site, as the site's public interface then shows it. */
async function showOnSite(stack: Stack, what: 'profile' | 'post', body: Record<string, string>): Promise<void> {
  const sites = stack.sitesApi
  if (!sites) throw new Error('the stack started without the sites\' public-API stand-in')
  const res = await fetch(`${sites.url}/_control/${what}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  expect(res.status).toBe(200)
}
