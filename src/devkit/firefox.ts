// Launching Debian's Firefox ESR with the Firefox build of the extension (dist-firefox/) installed,
// driven over WebDriver BiDi. Playwright drives only its own patched Firefox, which these machines
// cannot download, and its BiDi channel asks ESR for commands ESR lacks; the few this needs are
// spoken here directly. Requests are answered through BiDi's network interception, so the
// stand-ins are served at the real sites' addresses, as Playwright's routing serves them to Chromium.
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import WebSocket from 'ws'
import type { Fulfilment, Routable, StandInRoute } from './sites/route.ts'

/** The Firefox build of the extension (npm run build:firefox). */
const FIREFOX_DIST = resolve(import.meta.dirname, '../../dist-firefox')

/** The add-on id the Firefox build declares (scripts/firefox.ts). */
const ADDON_ID = 'extension@tipline.app'
/** The extension's origin is random per profile unless a profile names it: this one does. */
export const FIREFOX_EXTENSION_ORIGIN = 'moz-extension://7e1f1d2c-3b4a-4c5d-8e6f-0a1b2c3d4e5f'

const STARTUP_TIMEOUT_MS = 30_000

function findFirefox(env: NodeJS.ProcessEnv = process.env): string {
  const candidates = [env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'].filter(Boolean) as string[]
  const found = candidates.find((path) => existsSync(path))
  if (!found) throw new Error('No Firefox found. Install one (Debian: `sudo apt-get install -y firefox-esr`) or set FIREFOX_PATH.')
  return found
}

/** A key as WebDriver names it: the two the tests press. */
export const KEYS = { Tab: '\uE004', Enter: '\uE007' } as const

interface Pending {
  resolve(result: unknown): void
  reject(error: Error): void
}

/** One WebDriver BiDi connection: commands answered by id, events handed to their listeners. */
class BidiConnection {
  private nextId = 0
  private readonly pending = new Map<number, Pending>()
  private readonly listeners = new Map<string, (params: never) => void>()

  constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => this.receive(JSON.parse(String(data)) as BidiMessage))
    socket.on('close', () => {
      for (const { reject } of this.pending.values()) reject(new Error('Firefox closed the WebDriver BiDi connection'))
      this.pending.clear()
    })
  }

  send<T>(method: string, params: object): Promise<T> {
    const id = ++this.nextId
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (result: unknown) => void, reject })
      this.socket.send(JSON.stringify({ id, method, params }))
    })
  }

  /** One listener per event: the driver below is the only one. */
  on<P>(event: string, listener: (params: P) => void): void {
    this.listeners.set(event, listener as (params: never) => void)
  }

  private receive(message: BidiMessage): void {
    if (message.id === undefined) {
      this.listeners.get(message.method ?? '')?.(message.params as never)
      return
    }
    const pending = this.pending.get(message.id)
    this.pending.delete(message.id)
    if (message.type === 'error') pending?.reject(new Error(`${message.error}: ${message.message}`))
    else pending?.resolve(message.result)
  }
}

interface BidiMessage {
  id?: number
  type: 'success' | 'error' | 'event'
  method?: string
  params?: unknown
  result?: unknown
  error?: string
  message?: string
}

interface BeforeRequestSent {
  isBlocked: boolean
  request: { request: string; url: string }
}

interface Route {
  match(url: URL): boolean
  handler(route: StandInRoute): unknown
}

/** Tabs, or one page's frames as its children. */
interface BrowsingTree {
  contexts: { context: string; url: string; children: { context: string; url: string }[] | null }[]
}

/** What a script run in a page returned, or threw. */
interface EvaluateResult {
  type: 'success' | 'exception'
  result?: { type: string; value?: unknown }
  exceptionDetails?: { text: string }
}

export interface FirefoxPage {
  goto(url: string): Promise<void>
  /** Runs fn in the page's own world with a JSON argument; its result comes back through JSON. */
  evaluate<R, A = null>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>
  press(key: string): Promise<void>
  /** Types text into what has focus, a key for each character, as a person does. */
  type(text: string): Promise<void>
  /** The window's size changes, as when a person narrows it. */
  resize(viewport: { width: number; height: number }): Promise<void>
  /** Makes this the tab in front, with focus, as a person switching to it does. */
  bringToFront(): Promise<void>
  /** The frames inside this page, with their addresses. */
  frames(): Promise<{ url: string; page: FirefoxPage }[]>
}

export interface ExtensionFirefox extends Routable {
  /** A new tab, focused, at the given viewport size. */
  page(viewport: { width: number; height: number }): Promise<FirefoxPage>
  /** Every tab open, with its address: those the extension opens too. */
  tabs(): Promise<{ url: string; page: FirefoxPage }[]>
  /** Console errors the browser reported so far, from pages and the extension alike. */
  readonly errors: string[]
  close(): Promise<void>
}

export async function launchFirefoxWithExtension(): Promise<ExtensionFirefox> {
  if (!existsSync(resolve(FIREFOX_DIST, 'manifest.json'))) throw new Error(`No Firefox build at ${FIREFOX_DIST}: run \`npm run build:firefox\` first.`)
  const profile = mkdtempSync(join(tmpdir(), 'tipline-firefox-'))
  writeFileSync(
    join(profile, 'user.js'),
    [
      ['extensions.webextensions.uuids', JSON.stringify({ [ADDON_ID]: new URL(FIREFOX_EXTENSION_ORIGIN).host })],
      ['browser.shell.checkDefaultBrowser', false],
      ['datareporting.policy.dataSubmissionEnabled', false],
    ]
      .map(([name, value]) => `user_pref(${JSON.stringify(name)}, ${JSON.stringify(value)});`)
      .join('\n'),
  )
  const firefox = spawn(findFirefox(), ['--headless', '--remote-debugging-port', '0', '--profile', profile, '--no-remote', 'about:blank'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  // A test process that ends without closing the browser (killed, or a test's own mistake) takes Firefox with it.
  const killFirefox = () => {
    firefox.kill()
    rmSync(profile, { recursive: true, force: true })
  }
  process.once('exit', killFirefox)
  const stop = async () => {
    process.off('exit', killFirefox)
    if (firefox.exitCode === null && firefox.signalCode === null) await new Promise((exited) => firefox.once('exit', exited).kill())
    rmSync(profile, { recursive: true, force: true })
  }
  try {
    const address = await listeningAddress(firefox.stderr)
    const socket = new WebSocket(`${address}/session`)
    await new Promise((opened, failed) => socket.once('open', opened).once('error', failed))
    return await driveFirefox(new BidiConnection(socket), async () => {
      socket.close()
      await stop()
    })
  } catch (error) {
    await stop()
    throw error
  }
}

/** Firefox prints the address its WebDriver BiDi server listens on once it is up. */
function listeningAddress(stderr: NodeJS.ReadableStream): Promise<string> {
  return new Promise((found, failed) => {
    let printed = ''
    const timer = setTimeout(() => failed(new Error(`Firefox did not start WebDriver BiDi in ${STARTUP_TIMEOUT_MS} ms:\n${printed.slice(-2000)}`)), STARTUP_TIMEOUT_MS)
    const read = (chunk: Buffer) => {
      printed += String(chunk)
      const address = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(printed)?.[1]
      if (!address) return
      clearTimeout(timer)
      // Drained from here on, unread: a full pipe would stall Firefox.
      stderr.off('data', read).resume()
      found(address)
    }
    stderr.on('data', read)
  })
}

async function driveFirefox(bidi: BidiConnection, close: () => Promise<void>): Promise<ExtensionFirefox> {
  await bidi.send('session.new', { capabilities: {} })
  const errors: string[] = []
  bidi.on<{ level: string; text: string }>('log.entryAdded', (entry) => {
    if (entry.level === 'error') errors.push(entry.text)
  })

  // Newest first, as Playwright routes: a route added later answers before an earlier, broader one.
  const routes: Route[] = []
  bidi.on<BeforeRequestSent>('network.beforeRequestSent', ({ isBlocked, request }) => {
    if (!isBlocked) return
    const url = new URL(request.url)
    const route = routes.find((candidate) => candidate.match(url))
    const answered = route ? Promise.resolve(route.handler(standInRoute(bidi, request))) : bidi.send('network.continueRequest', { request: request.request })
    // Also when the page gave up on the request meanwhile (it navigated away): said, not thrown.
    answered.catch((error: unknown) => console.warn(`Firefox: ${request.url} not answered:`, error))
  })
  await bidi.send('session.subscribe', { events: ['network.beforeRequestSent', 'log.entryAdded'] })
  // Web requests only: a page's data: and extension URLs load as they are.
  await bidi.send('network.addIntercept', {
    phases: ['beforeRequestSent'],
    urlPatterns: [
      { type: 'pattern', protocol: 'http' },
      { type: 'pattern', protocol: 'https' },
    ],
  })
  await bidi.send('webExtension.install', { extensionData: { type: 'path', path: FIREFOX_DIST } })

  return {
    errors,
    async route(match, handler) {
      routes.unshift({ match, handler })
    },
    async tabs() {
      const { contexts } = await bidi.send<BrowsingTree>('browsingContext.getTree', { maxDepth: 0 })
      return contexts.map((tab) => ({ url: tab.url, page: firefoxPage(bidi, tab.context) }))
    },
    async page(viewport) {
      // A new tab, in front: the tab Firefox starts with has no focus when headless, and there the
      // keyboard presses no buttons.
      const { context } = await bidi.send<{ context: string }>('browsingContext.create', { type: 'tab', background: false })
      const tab = firefoxPage(bidi, context)
      await tab.resize(viewport)
      return tab
    },
    close,
  }
}

/** The stand-ins' view of an intercepted request: Playwright's Route, as far as they use it. */
function standInRoute(bidi: BidiConnection, request: BeforeRequestSent['request']): StandInRoute {
  return {
    request: () => ({ url: () => request.url }),
    async fulfill({ status = 200, contentType, headers = {}, body = '' }: Fulfilment) {
      const all = { ...headers, ...(contentType ? { 'content-type': contentType } : {}) }
      await bidi.send('network.provideResponse', {
        request: request.request,
        statusCode: status,
        reasonPhrase: status === 200 ? 'OK' : 'Stand-in',
        headers: Object.entries(all).map(([name, value]) => ({ name, value: { type: 'string', value } })),
        body: { type: 'string', value: body },
      })
    },
    async abort() {
      await bidi.send('network.failRequest', { request: request.request })
    },
  }
}

function firefoxPage(bidi: BidiConnection, context: string): FirefoxPage {
  const keys = (values: string[]) =>
    bidi.send('input.performActions', {
      context,
      actions: [{ type: 'key', id: 'keyboard', actions: values.flatMap((value) => [{ type: 'keyDown', value }, { type: 'keyUp', value }]) }],
    })
  return {
    async goto(address) {
      await bidi.send('browsingContext.navigate', { context, url: address, wait: 'complete' })
    },
    async evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
      const answer = await bidi.send<EvaluateResult>('script.callFunction', {
        functionDeclaration: `async (arg) => JSON.stringify(await (${fn.toString()})(JSON.parse(arg)))`,
        arguments: [{ type: 'string', value: JSON.stringify(arg ?? null) }],
        target: { context },
        awaitPromise: true,
      })
      if (answer.type === 'exception') throw new Error(`In the page: ${answer.exceptionDetails?.text}`)
      const json = answer.result?.value
      return (typeof json === 'string' ? JSON.parse(json) : undefined) as R
    },
    async press(key) {
      await keys([key])
    },
    async type(text) {
      await keys([...text])
    },
    async resize(viewport) {
      await bidi.send('browsingContext.setViewport', { context, viewport })
    },
    async bringToFront() {
      await bidi.send('browsingContext.activate', { context })
    },
    async frames() {
      const { contexts } = await bidi.send<BrowsingTree>('browsingContext.getTree', { root: context, maxDepth: 1 })
      return (contexts[0]?.children ?? []).map((frame) => ({ url: frame.url, page: firefoxPage(bidi, frame.context) }))
    },
  }
}
