// Every word the pages show goes through the browser's i18n catalog (public/_locales), so the
// extension speaks the browser's language and Arabic pages lay out right to left.
import browser from 'webextension-polyfill'
import { formattingLocale, textDirection } from './ui/locale.ts'

/** The English catalog is the reference: every key the code may ask for is one of its names. */
export type MessageKey = keyof typeof import('../../public/_locales/en/messages.json')

/**
 * The message in the UI language. Each substitution (a handle, an amount, a name) is wrapped in
 * Unicode isolates so a left-to-right handle inside an Arabic sentence keeps its own order.
 */
export function t(key: MessageKey, ...subs: string[]): string {
  const isolated = subs.map((sub) => `\u2068${sub}\u2069`)
  // An empty answer means a key missing from the catalog: showing the key makes it findable.
  return browser.i18n.getMessage(key, isolated) || key
}

/** The locale for money, dates and numbers: the browser's UI language, with its native digits. */
export function uiLocale(): string {
  return formattingLocale(browser.i18n.getUILanguage())
}

export function applyDocumentLocale(): void {
  const language = browser.i18n.getUILanguage()
  document.documentElement.lang = language
  document.documentElement.dir = textDirection(language)
}
