// Launching Debian's Chromium with the built extension loaded, the way every e2e test and the
// demo launcher do it. Playwright cannot download its own browsers here, so we never ask it to.
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { chromium, type BrowserContext, type Worker } from '@playwright/test'

/** The built extension: dist/, or TIPLINE_DIST for a build made against another API origin. */
export const DIST = process.env.TIPLINE_DIST ?? resolve(import.meta.dirname, '../../dist')

export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const candidates = [env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[]
  const found = candidates.find((path) => existsSync(path))
  if (!found) {
    throw new Error(
      'No Chromium found. Install one (Debian: `sudo apt-get install -y chromium`) or set CHROMIUM_PATH.',
    )
  }
  return found
}

export interface ExtensionBrowser {
  context: BrowserContext
  extensionId: string
  worker: Worker
}

/**
 * lang: the browser's UI language, which the extension's pages speak, e.g. 'ar' for Arabic. On Linux
 * Chromium takes it from LANGUAGE (and needs its locale files: Debian's chromium-l10n package).
 */
export async function launchWithExtension(options: { dist?: string; headless?: boolean; lang?: string } = {}): Promise<ExtensionBrowser> {
  const dist = options.dist ?? DIST
  if (!existsSync(resolve(dist, 'manifest.json'))) {
    throw new Error(`No built extension at ${dist}: run \`npm run build\` first.`)
  }
  const context = await chromium.launchPersistentContext('', {
    executablePath: findChromium(),
    headless: options.headless ?? true,
    args: [
      `--disable-extensions-except=${dist}`,
      `--load-extension=${dist}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...(options.lang ? [`--lang=${options.lang}`] : []),
    ],
    // Playwright gives every page its own locale (en-US unless told), which extension pages read too.
    ...(options.lang ? { locale: options.lang, env: { ...process.env, LANGUAGE: options.lang } } : {}),
  })
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'))
  const extensionId = new URL(worker.url()).host
  return { context, extensionId, worker }
}
