// Fixtures for the wallet's end-to-end tests: the shared ones, with a stack whose API can be
// stopped and started again on the same port over the same (on-disk PGlite) database, so a test
// can take the server away from the extension and give it back.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { apiBaseUrl } from '../../scripts/build-config.ts'
import { startStack, STRIPE_STAND_IN_PORT, type Stack } from '../../src/devkit/stack.ts'
import type { Locator } from '@playwright/test'
import { routeStandIns } from '../../src/devkit/browser.ts'
import { launchWithExtension } from '../../src/devkit/chromium.ts'
import { test as base } from './fixtures.ts'

export interface Server {
  stop(): Promise<void>
  start(): Promise<void>
  /** Tip transactions the API booked, and the tipper's wallet balance, read from its database. */
  ledger(): Promise<{ tips: number; walletBalances: number[] }>
}

export const test = base.extend<{ server: Server; lang: string | undefined }>({
  /** The browser's UI language for this test's Chromium (test.use({ lang: 'ar' })); its default otherwise. */
  lang: [undefined, { option: true }],
  context: async ({ stack: _stack, lang }, use) => {
    const browser = await launchWithExtension(lang ? { lang } : {})
    await routeStandIns(browser.context)
    await use(browser.context)
    await browser.context.close()
  },
  stack: async ({}, use) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'tipline-wallet-'))
    const options = { apiUrl: apiBaseUrl(), stripePort: Number(process.env.TIPLINE_STRIPE_PORT ?? STRIPE_STAND_IN_PORT), dataDir, log: () => {} }
    let current: Stack | null = await startStack(options)
    const live = (): Stack => {
      if (!current) throw new Error('the API is stopped')
      return current
    }
    const restartable: Stack & Server = {
      get api() {
        return live().api
      },
      get stripe() {
        return live().stripe
      },
      async stop() {
        await current?.close()
        current = null
      },
      async start() {
        current = await startStack(options)
      },
      async ledger() {
        const { db } = live().api
        const tips = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM tips')
        const wallets = await db.query<{ balance: string }>(`SELECT balance FROM ledger_accounts WHERE name LIKE 'wallet:%' ORDER BY name`)
        return { tips: tips.rows[0]?.n ?? 0, walletBalances: wallets.rows.map((row) => Number(row.balance)) }
      },
      async close() {
        await current?.close()
        await rm(dataDir, { recursive: true, force: true })
      },
    }
    await use(restartable)
    await restartable.close()
  },
  server: async ({ stack }, use) => {
    await use(stack as Stack & Server)
  },
})

export { expect } from './fixtures.ts'

/** An element's text without the Unicode isolates that keep handles and amounts in order in RTL sentences. */
export async function plain(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/[\u2066-\u2069]/g, '')
}
