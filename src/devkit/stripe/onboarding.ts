// Account Links: single-use links to the hosted onboarding page. Like Stripe's, a link that has
// expired, was opened before, or was answered sends the creator to `refresh_url` (where the
// platform makes a fresh link); answering it sends them to `return_url`.
import type { Account } from './account.ts'
import { completeOnboarding } from './connected-accounts.ts'
import { invalidRequest } from './errors.ts'
import type { FormObject } from './form.ts'
import { newId, unixNow } from './ids.ts'
import type { AccountLink, ConnectedAccount } from './objects.ts'
import { rejectUnknown, requiredString } from './params.ts'
import type { OnboardingLink } from './store.ts'

/** Stripe's Account Links last five minutes. */
const LINK_LIFETIME_S = 5 * 60

export type OnboardingVisit =
  | { kind: 'page'; link: OnboardingLink; connected: ConnectedAccount }
  | { kind: 'refresh'; url: string }
  | { kind: 'unknown' }

/** POST /v1/account_links. */
export function createAccountLink(account: Account, params: FormObject): AccountLink {
  rejectUnknown(params, ['account', 'refresh_url', 'return_url', 'type', 'expand'])
  const type = requiredString(params, 'type')
  if (type !== 'account_onboarding') {
    throw invalidRequest(`The stand-in makes account_onboarding links only, not '${type}'.`, 'type')
  }
  const connected = account.store.account(requiredString(params, 'account'), 'account')
  const created = unixNow()
  const link: OnboardingLink = {
    token: newId('olink', 32),
    account: connected.id,
    refreshUrl: webUrl(params, 'refresh_url'),
    returnUrl: webUrl(params, 'return_url'),
    expiresAt: created + LINK_LIFETIME_S,
    visited: false,
    used: false,
  }
  account.store.onboardingLinks.set(link.token, link)
  return { object: 'account_link', created, expires_at: link.expiresAt, url: `${account.url}/connect/setup/${link.token}` }
}

/** Opening the link's page: the first visit shows it, any later one goes to refresh_url. */
export function visitLink(account: Account, token: string): OnboardingVisit {
  const link = account.store.onboardingLinks.get(token)
  const connected = link && account.store.accounts.get(link.account)
  if (!link || !connected) return { kind: 'unknown' }
  if (link.visited || link.used || expired(link)) return { kind: 'refresh', url: link.refreshUrl }
  link.visited = true
  return { kind: 'page', link, connected }
}

/** The creator's answer on the page; returns where to send them next. */
export function answerLink(account: Account, token: string, decision: 'complete' | 'later'): string | undefined {
  const link = account.store.onboardingLinks.get(token)
  if (!link || !account.store.accounts.has(link.account)) return undefined
  if (link.used || expired(link)) return link.refreshUrl
  link.used = true
  if (decision === 'complete') completeOnboarding(account, link.account)
  return link.returnUrl
}

function expired(link: OnboardingLink): boolean {
  return unixNow() >= link.expiresAt
}

function webUrl(params: FormObject, key: string): string {
  const value = requiredString(params, key)
  const parsed = URL.parse(value)
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) throw invalidRequest('Not a valid URL', key, 'url_invalid')
  return value
}
