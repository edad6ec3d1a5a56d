// `npm run tour`: the product's short story, headless, with a screenshot of each step under
// .data/tour/, so anyone can see it work on a machine without a display.
import { execFileSync } from 'node:child_process'
import { mkdirSync, rmSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Page } from '@playwright/test'
import { startStack } from '../src/devkit/stack.ts'
import { launchDemoBrowser } from '../src/devkit/browser.ts'
import { Popup } from '../tests/e2e/pages/popup.ts'
import { Options } from '../tests/e2e/pages/options.ts'
import { XTimeline } from '../tests/e2e/pages/x-timeline.ts'

const root = resolve(import.meta.dirname, '..')
const shots = resolve(root, '.data/tour')
rmSync(shots, { recursive: true, force: true })
mkdirSync(shots, { recursive: true })

console.log('Building the extension…')
execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' })
const stack = await startStack({ log: () => {} })
const browser = await launchDemoBrowser({ headless: true })

let step = 0
async function snap(page: Page, name: string, says: string): Promise<void> {
  step += 1
  const file = resolve(shots, `${String(step).padStart(2, '0')}-${name}.png`)
  await page.screenshot({ path: file })
  console.log(`${step}. ${says}\n   ${file}`)
}

try {
  const popup = new Popup(browser.context, browser.extensionId)
  const x = new XTimeline(browser.context)
  const options = new Options(browser.context, browser.extensionId)

  const popupPage = await popup.open()
  await popupPage.setViewportSize({ width: 380, height: 600 })
  await snap(popupPage, 'empty-wallet', 'A new reader opens the popup: no funds yet.')

  const checkout = await popup.topUp('10.00')
  await snap(checkout.page, 'funds-added', 'They add $10.00 through the hosted checkout with the test card.')
  await popup.balance.filter({ hasText: '$10.00' }).waitFor()
  await snap(popupPage, 'balance', 'The popup shows the new balance.')

  const timeline = await x.open()
  const post = x.post('nour_writes')
  await post.button.waitFor()
  await snap(timeline, 'timeline', 'A Tip button sits under every post on the X timeline.')
  await post.tip('2.00', 'Thanks for the thread')
  await (await post.panel()).getByTestId('panel-status').getByText('$2.00').waitFor()
  await snap(timeline, 'tipped', 'They tip @nour_writes $2.00 with a note.')

  await popupPage.bringToFront()
  await popup.balance.filter({ hasText: '$8.00' }).waitFor()
  await snap(popupPage, 'balance-after', 'The balance is $8.00.')

  await options.claim('x', 'nour_writes')
  await options.tipsReceived.getByText('nour_writes').first().waitFor()
  await snap(await options.open(), 'dashboard', 'The creator claims @nour_writes and sees the tip and its note.')
  console.log(`\nTour finished: ${step} screenshots in ${shots}`)
} finally {
  await browser.context.close()
  await stack.close()
}
