// On a person's profile, a Send button in the header pays them directly: the same tip panel,
// for the person rather than a post.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { test, expect } from './fixtures.ts'
import { routeSavedPage } from '../../src/devkit/sites/route.ts'
import { PROFILES } from './pages/profiles.ts'
import { XPost } from './pages/x-timeline.ts'

const SAVED_PROFILE = resolve(import.meta.dirname, '../../../shared/sites/x/cpft-pr777-profile-badlogicgames.html')

test('Send on a profile opens the panel for the person and the money leaves the wallet', async ({ context, popup }) => {
  await popup.topUp('10.00')
  await popup.open()
  await expect(popup.balance).toHaveText('$10.00')

  const page = await context.newPage()
  await page.goto('https://x.com/nour_writes', { waitUntil: 'domcontentloaded' })
  const send = page.locator('tipline-button[data-kind="send"]')
  await expect(send).toHaveCount(1)
  await expect(send.getByRole('button', { name: 'Send money to نور Nour' })).toHaveText('Send')
  // It sits with the Follow button, and the posts below keep their own Tip buttons.
  await expect(page.locator('div:has(> [data-testid="placementTracking"]) > tipline-button')).toHaveCount(1)
  await expect(page.locator('tipline-button[data-kind="tip"][data-handle="nour_writes"]').first()).toBeAttached()

  const person = new XPost(page, send)
  await person.tip('1.50', 'For the essays')
  await expect((await person.panel()).getByTestId('panel-status')).toContainText('$1.50')
  await expect(popup.balance).toHaveText('$8.50')
})

test('the saved real profile page gets one Send button for its person, trusted only at its own address', async ({ context }) => {
  const html = readFileSync(SAVED_PROFILE, 'utf8')
  const page = await context.newPage()
  await routeSavedPage(page, 'https://x.com/badlogicgames', html)
  await page.goto('https://x.com/badlogicgames', { waitUntil: 'domcontentloaded' })
  const send = page.locator('tipline-button[data-kind="send"]')
  await expect(send).toHaveCount(1)
  await expect(send).toHaveAttribute('data-handle', 'badlogicgames')
  await expect(send.getByRole('button', { name: 'Send money to Mario Zechner' })).toBeAttached()
  await expect(page.locator('tipline-button[data-kind="tip"]')).toHaveCount(9)

  // The same markup at another address: the @handle on the page is not the page's person, so no Send.
  const elsewhere = await context.newPage()
  await routeSavedPage(elsewhere, 'https://x.com/someone_else', html)
  await elsewhere.goto('https://x.com/someone_else', { waitUntil: 'domcontentloaded' })
  await expect(elsewhere.locator('tipline-button[data-kind="tip"]').first()).toBeAttached()
  await expect(elsewhere.locator('tipline-button[data-kind="send"]')).toHaveCount(0)
})

// X's has its own test above, with a tip through it.
for (const site of PROFILES.filter((profile) => profile.site !== 'X')) {
  test(`Send on a ${site.site} profile sits with Follow and opens the panel for the person`, async ({ context }) => {
    const page = await context.newPage()
    await page.goto(site.url, { waitUntil: 'domcontentloaded' })
    const send = page.locator('tipline-button[data-kind="send"]')
    await expect(send).toHaveCount(1)
    await expect(page.locator(`${site.actions} > tipline-button[data-kind="send"]`)).toHaveCount(1)
    await expect(send).toHaveAttribute('data-handle', site.handle)
    await expect(send.getByRole('button', { name: `Send money to ${site.person}` })).toHaveText('Send')
    // The person's own posts below keep their Tip buttons.
    await expect(page.locator(`tipline-button[data-kind="tip"][data-handle="${site.handle}"]`).first()).toBeAttached()

    await send.getByRole('button').click()
    const panel = await new XPost(page, send).panel()
    await expect(panel.locator('#panel-title')).toContainText(site.person)
  })
}

test('a Mastodon profile header that shows another account than its address gets no Send', async ({ context }) => {
  const page = await context.newPage()
  // Before the content script looks, the header names @ada while the address is @nour's.
  await page.addInitScript(() => {
    new MutationObserver(() => {
      const acct = document.querySelector('.account__header__tabs__name small span')
      if (acct && acct.textContent !== '@ada') acct.textContent = '@ada'
    }).observe(document, { childList: true, subtree: true })
  })
  await page.goto('https://mastodon.social/@nour', { waitUntil: 'domcontentloaded' })
  await expect(page.locator('.account__header__tabs__name small')).toHaveText('@ada')
  await expect(page.locator('tipline-button[data-kind="tip"]').first()).toBeAttached()
  await expect(page.locator('tipline-button[data-kind="send"]')).toHaveCount(0)
})
