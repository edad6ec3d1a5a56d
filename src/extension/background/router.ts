// The single runtime.onMessage listener. Every envelope is checked before any handler runs: the
// name must be a known message, the input must match its schema, and the sender must be this
// extension; money-moving messages must come from the extension's own pages, never from a
// content script, because a content script shares its page with the site's (hostile) scripts.
import browser from 'webextension-polyfill'
import type { Runtime } from 'webextension-polyfill'
import { CONTENT_SCRIPT_MESSAGES, inputs, type MessageName, type Reply } from '../../shared/messages.ts'
import { BackgroundError } from './errors.ts'
import { isExtensionPage, isWebPage } from './extension-pages.ts'
import type { Caller } from './handlers/caller.ts'
import { handlers } from './handlers/index.ts'

export function onMessage(message: unknown, sender: Runtime.MessageSender, sendResponse: (reply: Reply<unknown>) => void): true {
  // The callback form works with every browser's native messaging and with the polyfill alike.
  void route(message, sender).then(sendResponse)
  return true
}

/** Never rejects: every failure becomes a `{ ok: false }` reply. */
export async function route(message: unknown, sender: Runtime.MessageSender): Promise<Reply<unknown>> {
  const name = messageName(message)
  if (name === null) return refuse('unknown_message', 'Tipline does not know this message.', sender, message)
  const caller = callerOf(sender)
  const unwelcome = senderProblem(name, sender, caller)
  if (unwelcome) return refuse('forbidden', unwelcome, sender, name)
  const input = inputs[name].safeParse((message as { input?: unknown }).input)
  if (!input.success) {
    const issue = input.error.issues[0]
    const field = issue?.path.join('.') || 'input'
    return refuse('bad_input', `${name}: ${field}: ${issue?.message ?? 'invalid'}`, sender, name)
  }
  try {
    const handle = handlers[name] as (input: unknown, caller: Caller) => Promise<unknown>
    return { ok: true, value: await handle(input.data, caller) }
  } catch (error) {
    if (error instanceof BackgroundError) return { ok: false, error: { code: error.code, message: error.message } }
    console.error(`Tipline: ${name} failed`, error)
    return { ok: false, error: { code: 'internal', message: 'Something went wrong inside Tipline.' } }
  }
}

function messageName(message: unknown): MessageName | null {
  if (typeof message !== 'object' || message === null) return null
  const name = (message as { tipline?: unknown }).tipline
  return typeof name === 'string' && Object.hasOwn(inputs, name) ? (name as MessageName) : null
}

function callerOf(sender: Runtime.MessageSender): Caller {
  return {
    tabId: sender.tab?.id ?? null,
    url: sender.url ?? null,
    fromExtensionPage: isExtensionPage(sender.url),
  }
}

/** Why this sender may not send this message, or null when it may. */
function senderProblem(name: MessageName, sender: Runtime.MessageSender, caller: Caller): string | null {
  if (sender.id !== browser.runtime.id) return `${name} came from outside this extension.`
  if (caller.fromExtensionPage) return null
  if (!CONTENT_SCRIPT_MESSAGES.has(name)) return `${name} may only come from Tipline's own pages.`
  if (caller.tabId === null || !isWebPage(sender.url)) return `${name} came from neither a Tipline page nor a content script.`
  return null
}

function refuse(code: string, message: string, sender: Runtime.MessageSender, what: unknown): Reply<never> {
  console.warn(`Tipline: refused a message (${code}): ${message}`, { what, from: sender.url, extension: sender.id })
  return { ok: false, error: { code, message } }
}
