// The Mastodon stand-in with the built extension: one Tip button per status, naming its author as
// a global user@domain handle (a boost pays the boosted author, a quote pays the quoting one),
// kept true while the timeline re-renders far-off articles hidden and loads page after page, on
// any listed instance; and a tip that reaches the API.
import { expect, test as standIn, type Page } from '@playwright/test'
import { launchWithExtension, type ExtensionBrowser } from '../../src/devkit/chromium.ts'
import { refuseUnserved } from '../../src/devkit/sites/route.ts'
import { acctOf, handleOf, mastodonStatuses, routeMastodonStandIn, type MastodonStatus } from '../../src/devkit/sites/mastodon/index.ts'
import { test } from './fixtures.ts'
import { mastodonRows, scrollAndRender } from './pages/standin-rows.ts'
import { XPost } from './pages/x-timeline.ts'

const HOST = 'mastodon.social'
const STATUSES = mastodonStatuses(300)

let browser: ExtensionBrowser
let page: Page

standIn.describe.configure({ mode: 'serial' })

standIn.beforeAll(async () => {
  browser = await launchWithExtension()
  await refuseUnserved(browser.context)
  await routeMastodonStandIn(browser.context, HOST, { statuses: STATUSES.length })
})
standIn.afterAll(async () => browser?.context.close())
standIn.afterEach(async () => page?.close())

async function open(url: string): Promise<Page> {
  page = await browser.context.newPage()
  await page.setViewportSize({ width: 1000, height: 900 })
  await page.goto(url, { waitUntil: 'domcontentloaded' })
  return page
}

const rows = mastodonRows(STATUSES, HOST)
const visibleRows = (page: Page) => page.evaluate(rows.read)
const wrongRows = async (page: Page) => rows.wrong(await visibleRows(page))

const at = (kind: (s: MastodonStatus) => boolean) => STATUSES.find(kind)!
const buttonFor = (s: MastodonStatus) => page.locator(`tipline-button[data-post-id="${s.id}"]`)

standIn('every visible status has one Tip button naming its author as user@domain', async () => {
  await open(`https://${HOST}/home`)
  await expect(page.locator('tipline-button').first()).toBeAttached()
  expect((await visibleRows(page)).length).toBeGreaterThan(2)
  await expect.poll(() => wrongRows(page)).toEqual([])
  const first = page.locator('tipline-button').first()
  await expect(first).toHaveAttribute('data-site', 'mastodon')
  await expect(first).toHaveAttribute('data-handle', `nour@${HOST}`) // a local account gets the instance
  await expect(first).toHaveAttribute('data-post-id', STATUSES[0]!.id)
  await expect(first.getByRole('button', { name: `Tip ${STATUSES[0]!.account.name}` })).toHaveText('Tip')
  const remote = at((s) => s.account.domain === 'hachyderm.io' && !s.boostedBy)
  await expect(buttonFor(remote)).toHaveAttribute('data-handle', 'grace@hachyderm.io')
})

standIn('a boost pays the boosted author; a quote pays the quoting author and gets no button inside', async () => {
  await open(`https://${HOST}/home`)
  const boost = at((s) => !!s.boostedBy && s.boostedBy.id !== s.account.id)
  const quote = at((s) => !!s.quoted && s.quoted.account.id !== s.account.id && !s.boostedBy)
  for (const s of [boost, quote]) {
    await page.locator(`article[aria-posinset="${s.index + 1}"]`).scrollIntoViewIfNeeded()
    await expect(buttonFor(s)).toHaveCount(1)
    await expect(buttonFor(s)).toHaveAttribute('data-handle', handleOf(s.account, HOST))
  }
  await expect(page.locator(`tipline-button[data-handle="${handleOf(boost.boostedBy!, HOST)}"][data-post-id="${boost.id}"]`)).toHaveCount(0)
  await expect(page.locator(`tipline-button[data-post-id="${quote.quoted!.id}"]`)).toHaveCount(0)
  await expect(page.locator('.status__quote tipline-button')).toHaveCount(0)
  await expect(page.locator('.status__quote').first()).toBeAttached()
})

standIn('a right-to-left status has its button too', async () => {
  await open(`https://${HOST}/home`)
  const arabic = at((s) => s.lang === 'ar' && !s.boostedBy)
  await page.locator(`article[aria-posinset="${arabic.index + 1}"]`).scrollIntoViewIfNeeded()
  await expect(buttonFor(arabic)).toHaveAttribute('data-handle', handleOf(arabic.account, HOST))
})

standIn('scrolling through 300 statuses, hidden and re-rendered and loaded page by page, keeps one true button on each', async () => {
  await open(`https://${HOST}/home`)
  await expect(page.locator('tipline-button').first()).toBeAttached()
  const tipped = new Set<string>()
  let sawHidden = false
  for (let step = 0; step < 400; step++) {
    await expect.poll(() => wrongRows(page), { message: `after scroll step ${step}` }).toEqual([])
    for (const row of await visibleRows(page)) if (!row.hidden) tipped.add(row.permalink!)
    // Far-off articles were re-rendered hidden: their buttons went with their statuses.
    const hidden = await page.evaluate(() => document.querySelectorAll('article[style*="opacity: 0"]').length)
    if (hidden > 0) {
      sawHidden = true
      expect(await page.locator('article[style*="opacity: 0"] tipline-button').count()).toBe(0)
    }
    const atEnd = await page.evaluate(() => innerHeight + scrollY >= document.documentElement.scrollHeight - 2)
    if (atEnd && tipped.size === STATUSES.length) break
    await scrollAndRender(page, 700)
  }
  expect(sawHidden).toBe(true)
  expect(tipped.size).toBe(STATUSES.length)
  // Back to the top: the re-rendered statuses get their buttons again.
  await page.evaluate(() => scrollTo(0, 0))
  await expect(buttonFor(STATUSES[0]!)).toHaveCount(1)
  await expect.poll(() => wrongRows(page)).toEqual([])
})

standIn('a status page has one button per status, the focused one in its detailed action bar', async () => {
  const focused = at((s) => !!s.quoted && !s.boostedBy && s.index > 3)
  await open(`https://${HOST}/@${acctOf(focused.account)}/${focused.id}`)
  const thread = [STATUSES[focused.index + 1]!, focused, STATUSES[focused.index + 2]!, STATUSES[focused.index + 3]!]
  await expect(page.locator('tipline-button')).toHaveCount(4)
  const shown = await page.locator('tipline-button').evaluateAll((hosts) => hosts.map((host) => [host.dataset.handle, host.dataset.postId]))
  expect(shown).toEqual(thread.map((s) => [handleOf(s.account, HOST), s.id]))
  await expect(page.locator('.detailed-status__action-bar > tipline-button')).toHaveAttribute('data-post-id', focused.id)
})

standIn('on another listed instance, its own accounts get its host', async () => {
  page = await browser.context.newPage()
  await routeMastodonStandIn(page, 'fosstodon.org', { statuses: 20 })
  await page.goto('https://fosstodon.org/home', { waitUntil: 'domcontentloaded' })
  await expect(page.locator('tipline-button').first()).toHaveAttribute('data-handle', 'nour@fosstodon.org')
  const remote = at((s) => s.account.domain === 'hachyderm.io' && !s.boostedBy)
  await expect(buttonFor(remote)).toHaveAttribute('data-handle', 'grace@hachyderm.io')
})

test('a tip under a Mastodon status lowers the balance and reaches the creator', async ({ context, popup, options }) => {
  await popup.topUp('10.00')
  await popup.open()
  await expect(popup.balance).toHaveText('$10.00')
  const home = await context.newPage()
  await home.goto(`https://${HOST}/home`, { waitUntil: 'domcontentloaded' })
  const remote = at((s) => s.account.domain === 'hachyderm.io' && !s.boostedBy)
  const post = new XPost(home, home.locator(`tipline-button[data-post-id="${remote.id}"]`))
  await home.locator(`article[aria-posinset="${remote.index + 1}"]`).scrollIntoViewIfNeeded()
  await post.tip('2.00', 'Thanks from Mastodon')
  await expect((await post.panel()).getByTestId('panel-status')).toContainText('$2.00')

  await popup.open()
  await expect(popup.balance).toHaveText('$8.00', { timeout: 20_000 })
  await options.claim('mastodon', 'grace@hachyderm.io')
  await expect(options.tipsReceived).toContainText('grace@hachyderm.io')
  await expect(options.tipsReceived).toContainText('Thanks from Mastodon')
})
