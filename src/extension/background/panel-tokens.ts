// One-time tokens that tie a tip panel to the post and the tab it was opened for. A content
// script asks for one (panel.open); the panel page in that tab redeems it once (panel.claim) and
// then uses it for its tip. A page that embeds the panel itself, or another tab, gets nothing.
// Grants live in storage.session because the worker may be stopped between open and claim.
import browser from 'webextension-polyfill'
import type { PostRef } from '../../shared/messages.ts'
import { BackgroundError } from './errors.ts'

/** Unclaimed tokens die after this; a claimed one lives this long after its last use. */
export const PANEL_TOKEN_TTL_MS = 10 * 60_000
const PREFIX = 'panel:'

export interface PanelGrant {
  tabId: number
  post: PostRef
  claimed: boolean
  expiresAt: number
}

// Claims read, check and write; this chain keeps two messages in one worker from interleaving.
let pending: Promise<unknown> = Promise.resolve()
function serially<T>(step: () => Promise<T>): Promise<T> {
  const result = pending.then(step)
  pending = result.catch(() => undefined)
  return result
}

export function issuePanelToken(tabId: number, post: PostRef): Promise<string> {
  return serially(async () => {
    await forgetExpired()
    const token = randomToken()
    const grant: PanelGrant = { tabId, post, claimed: false, expiresAt: Date.now() + PANEL_TOKEN_TTL_MS }
    await browser.storage.session.set({ [PREFIX + token]: grant })
    return token
  })
}

/** Redeems an unclaimed token from the tab it was issued to; works once. */
export function claimPanelToken(token: string, tabId: number): Promise<PanelGrant> {
  return serially(async () => {
    const grant = await liveGrant(token, tabId)
    if (grant.claimed) throw badToken()
    return renew(token, { ...grant, claimed: true })
  })
}

/** The grant behind a claimed token, for the panel's tip; each use keeps it alive a while longer. */
export function usePanelToken(token: string, tabId: number): Promise<PanelGrant> {
  return serially(async () => {
    const grant = await liveGrant(token, tabId)
    if (!grant.claimed) throw badToken()
    return renew(token, grant)
  })
}

export function revokePanelToken(token: string, tabId: number): Promise<PanelGrant> {
  return serially(async () => {
    const grant = await liveGrant(token, tabId)
    await browser.storage.session.remove(PREFIX + token)
    return grant
  })
}

async function liveGrant(token: string, tabId: number): Promise<PanelGrant> {
  const grant = (await browser.storage.session.get(PREFIX + token))[PREFIX + token] as PanelGrant | undefined
  if (!grant || grant.expiresAt <= Date.now() || grant.tabId !== tabId) throw badToken()
  return grant
}

async function renew(token: string, grant: PanelGrant): Promise<PanelGrant> {
  const renewed = { ...grant, expiresAt: Date.now() + PANEL_TOKEN_TTL_MS }
  await browser.storage.session.set({ [PREFIX + token]: renewed })
  return renewed
}

async function forgetExpired(): Promise<void> {
  const everything = await browser.storage.session.get(null)
  const expired = Object.entries(everything)
    .filter(([key, grant]) => key.startsWith(PREFIX) && (grant as PanelGrant).expiresAt <= Date.now())
    .map(([key]) => key)
  if (expired.length > 0) await browser.storage.session.remove(expired)
}

function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32))
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')
}

function badToken(): BackgroundError {
  return new BackgroundError('bad_token', 'This tip panel is no longer valid; open it again from the post.')
}
