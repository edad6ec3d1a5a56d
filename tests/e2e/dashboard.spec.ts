// The creator's dashboard insight: tips received show in the earnings chart's table, the top
// posts and supporters and the notes; the CSV export carries the ledger's numbers; and axe finds
// nothing serious on the page in English or in Arabic.
import AxeBuilder from '@axe-core/playwright'
import { readFile } from 'node:fs/promises'
import type { Page } from '@playwright/test'
import type { Options } from './pages/options.ts'
import type { Popup } from './pages/popup.ts'
import type { XTimeline } from './pages/x-timeline.ts'
import { escapeTipPanel } from './pages/tip-panel.ts'
import { test, expect, plain, type Server } from './wallet-fixtures.ts'

// A top-up, two tips through their undo hold and two claims: past a minute on a loaded machine.
test.describe.configure({ timeout: 120_000 })

/** A note a spreadsheet would run as a formula if the export let it through. */
const FORMULA_NOTE = '=HYPERLINK("https://evil.example","click me")'

/** A reader tips posts by @nour_writes (with a note) and @ada_lovelace; one creator claims both handles. */
async function tipAndClaim(popup: Popup, x: XTimeline, options: Options, server: Server): Promise<Page> {
  await popup.topUp('10.00')
  await expect.poll(() => server.ledger()).toEqual({ tips: 0, walletBalances: [1000] })
  // The tip must see the money in the extension's own cache too, or the panel offers a top-up instead.
  await popup.open()
  await expect.poll(() => plain(popup.balance)).toMatch(/10|١٠/)
  const timeline = await x.open()
  await x.post('nour_writes', 1).tip('2.00', FORMULA_NOTE)
  await expect.poll(() => server.ledger(), { timeout: 30_000 }).toEqual({ tips: 1, walletBalances: [800] })
  await escapeTipPanel(timeline)
  await x.post('ada_lovelace').tip('1.50')
  await expect.poll(() => server.ledger(), { timeout: 30_000 }).toEqual({ tips: 2, walletBalances: [650] })
  await options.claim('x', 'nour_writes')
  await options.claim('x', 'ada_lovelace')
  return options.open()
}

/** RFC 4180 as the export writes it: CRLF after every record, quotes doubled inside quoted fields. */
function parseCsv(text: string): string[][] {
  const records: string[][] = []
  const pattern = /("(?:[^"]|"")*"|[^",\r\n]*)(,|\r\n)/y
  let record: string[] = []
  while (pattern.lastIndex < text.length) {
    const match = pattern.exec(text)
    if (!match) throw new Error(`not RFC 4180 at ${pattern.lastIndex}`)
    const cell = match[1]!
    record.push(cell.startsWith('"') ? cell.slice(1, -1).replaceAll('""', '"') : cell)
    if (match[2] === '\r\n') {
      records.push(record)
      record = []
    }
  }
  return records
}

test('tips received show in the chart table, top posts, supporters and notes, and the CSV matches the ledger', async ({ popup, x, options, server, stack }) => {
  const page = await tipAndClaim(popup, x, options, server)
  const insight = page.getByTestId('insight')

  const usd = insight.getByTestId('earnings-table-USD')
  await expect(usd.locator('tbody tr')).toHaveCount(1)
  await expect(usd.locator('tbody tr td').nth(0)).toHaveText('$3.50')
  await expect(usd.locator('tbody tr td').nth(1)).toHaveText('2')

  const posts = insight.getByTestId('top-posts').locator('li')
  await expect(posts).toHaveCount(2)
  await expect(posts.nth(0)).toContainText('$2.00')
  await expect(posts.nth(1)).toContainText('$1.50')
  const postLinks = await posts.getByRole('link').evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href))
  expect(postLinks).toEqual([expect.stringMatching(/^https:\/\/x\.com\/nour_writes\/status\//), expect.stringMatching(/^https:\/\/x\.com\/ada_lovelace\/status\//)])

  const { rows: ledgerTips } = await stack.api.db.query<{
    id: string
    net_amount: string
    currency: string
    note: string | null
    from_account: string
    post_url: string
  }>('SELECT id, net_amount, currency, note, from_account, post_url FROM tips ORDER BY created_at DESC, id DESC')
  expect(ledgerTips).toHaveLength(2)
  const supporter = ledgerTips[0]!.from_account
  await expect(insight.getByTestId('top-supporters')).toContainText(supporter)
  await expect(insight.getByTestId('top-supporters')).toContainText('$3.50')
  expect(await plain(insight.getByTestId('notes'))).toContain(FORMULA_NOTE)

  await page.getByRole('radio', { name: 'Month' }).check()
  await expect(usd.locator('tbody tr td').nth(0)).toHaveText('$3.50')

  const downloading = page.waitForEvent('download')
  await page.getByTestId('export-csv').click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/^tipline-\d{4}-\d{2}-\d{2}\.csv$/)
  const csv = await readFile((await download.path())!, 'utf8')
  const [header, ...records] = parseCsv(csv)
  expect(header).toEqual(['record', 'date', 'currency', 'amount', 'count', 'from', 'site', 'handle', 'post', 'note', 'status'])
  const column = (name: string) => header!.indexOf(name)
  const tipRows = records.filter((row) => row[0] === 'tip')
  const major = (minor: string) => (Number(minor) / 100).toFixed(2)
  expect(tipRows.map((row) => [row[column('amount')], row[column('currency')], row[column('from')], row[column('post')], row[column('note')]])).toEqual(
    ledgerTips.map((tip) => [major(tip.net_amount), tip.currency, tip.from_account, tip.post_url, tip.note === null ? '' : `'${tip.note}`]),
  )
  const { rows: earnings } = await stack.api.db.query<{ balance: string }>(
    `SELECT balance FROM ledger_accounts WHERE name LIKE 'earnings:%' AND currency = 'USD'`,
  )
  expect(records.find((row) => row[0] === 'earnings_month')?.[column('amount')]).toBe(major(earnings[0]!.balance))
  expect(records.filter((row) => row[0] === 'top_post').map((row) => row[column('amount')])).toEqual(['2.00', '1.50'])

  // Signing out forgets what this account received: the next account's dashboard starts empty.
  await page.getByTestId('sign-out').click()
  await page.getByTestId('sign-out-yes').click()
  await expect(page.getByTestId('sign-out-status')).toContainText('Signed out.')
  await expect(insight.getByTestId('top-posts').locator('li')).toHaveCount(0)
  await expect(insight.getByTestId('notes').locator('li')).toHaveCount(0)
  await expect(insight).toContainText('No tips received yet.')
})

for (const lang of ['en', 'ar'] as const) {
  test.describe(`in ${lang === 'en' ? 'English' : 'Arabic'}`, () => {
    test.use({ lang })
    test('the dashboard has no serious or critical accessibility violations', async ({ popup, x, options, server }) => {
    const page = await tipAndClaim(popup, x, options, server)
    await expect(page.locator('html')).toHaveAttribute('dir', lang === 'ar' ? 'rtl' : 'ltr')
    await expect(page.getByTestId('top-posts').locator('li')).toHaveCount(2)
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze()
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target) }))
    expect(serious).toEqual([])
    })
  })
}
