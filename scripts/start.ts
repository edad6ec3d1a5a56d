// `npm start`: build the extension, start the local stack (API on an embedded database, the Stripe
// stand-in, the site stand-ins) and open Chromium with the extension loaded.
import { execFileSync } from 'node:child_process'
import { resolve } from 'node:path'
import { startStack } from '../src/devkit/stack.ts'
import { launchDemoBrowser } from '../src/devkit/browser.ts'

const root = resolve(import.meta.dirname, '..')
const dataDir = resolve(root, '.data/pglite')

console.log('Building the extension…')
execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' })

const stack = await startStack({ dataDir, log: () => {} })
const headless = !process.env.DISPLAY
const browser = await launchDemoBrowser({ headless, stripeUrl: stack.stripe.url })
const timeline = await browser.context.newPage()
await timeline.goto('https://x.com/home', { waitUntil: 'domcontentloaded' })
const popupUrl = `chrome-extension://${browser.extensionId}/src/extension/popup/index.html`
const optionsUrl = `chrome-extension://${browser.extensionId}/src/extension/options/index.html`
await (await browser.context.newPage()).goto(popupUrl)

console.log(`
Tipline is running.
  Payments API        ${stack.api.url}   (database: ${dataDir})
  Stripe stand-in     ${stack.stripe.url}   (test card 4242 4242 4242 4242)
  X stand-in          https://x.com/home   (served inside the browser by request routing)
  Popup               ${popupUrl}
  Dashboard           ${optionsUrl}
  Browser             Chromium with dist/ loaded, ${headless ? 'HEADLESS: no display found (set DISPLAY, or run `npm run tour` for screenshots)' : 'in a window'}
Press Ctrl-C to stop.`)

let stopping = false
async function stop(): Promise<void> {
  if (stopping) return
  stopping = true
  console.log('\nStopping…')
  await browser.context.close().catch(() => {})
  await stack.close()
  console.log('Stopped.')
  process.exit(0)
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
browser.context.on('close', stop)
