// The Mastodon stand-in on any instance host (mastodon.social by default): the home timeline
// (/home, /), profiles (/@<acct>), status pages (/@<acct>/<id>), and the instance's public REST API for what handle
// claims read, in Mastodon's own shapes: GET /api/v1/accounts/lookup?acct= and /api/v1/statuses/:id.
import type { FeedLinks } from '../feed.ts'
import { fulfilHtml, fulfilJson, routeHosts, type JsonAnswer, type Routable } from '../route.ts'
import { acctOf, handleOf, MASTODON_ACCOUNTS, mastodonStatuses, type MastodonAccount, type MastodonStatus } from './posts.ts'
import { mastodonHtml } from './page.ts'

export { acctOf, handleOf, MASTODON_ACCOUNTS, mastodonKindAt, mastodonStatuses } from './posts.ts'
export type { MastodonAccount, MastodonStatus } from './posts.ts'
export { MASTODON_PAGE_SIZE } from './page.ts'

export interface MastodonStandInOptions {
  /** Statuses in the home timeline; 300 by default, enough for long scroll tests. */
  statuses?: number
  /** Bios (HTML) to serve instead of the invented ones, by global handle (nour@mastodon.social). */
  notes?: Record<string, string>
  /** Links put in statuses, by status index: a status sharing a Tipline product page, say. */
  links?: FeedLinks
}

/** The stand-in instance's whole world: its accounts (with any bios overridden) and statuses. */
export function mastodonWorld(host: string, options: MastodonStandInOptions = {}) {
  const accounts = MASTODON_ACCOUNTS.map((account) => ({ ...account, note: options.notes?.[handleOf(account, host)] ?? account.note }))
  return { host, accounts, statuses: mastodonStatuses(options.statuses ?? 300, accounts, options.links) }
}

type World = ReturnType<typeof mastodonWorld>

/** "nour", "nour@mastodon.social" (this instance) or "grace@hachyderm.io" → the account. */
function findAccount(world: World, acct: string): MastodonAccount | undefined {
  const [username = '', domain = world.host] = acct.replace(/^@/, '').split('@')
  return world.accounts.find(
    (a) => a.username.toLowerCase() === username.toLowerCase() && (a.domain ?? world.host) === domain.toLowerCase(),
  )
}

function accountEntity(a: MastodonAccount, world: World) {
  const url = a.domain ? `https://${a.domain}/@${a.username}` : `https://${world.host}/@${a.username}`
  return {
    id: a.id,
    username: a.username,
    acct: acctOf(a),
    display_name: a.name,
    locked: false,
    bot: false,
    discoverable: true,
    group: false,
    created_at: '2024-02-06T00:00:00.000Z',
    note: a.note,
    url,
    uri: a.domain ? `https://${a.domain}/users/${a.username}` : `https://${world.host}/users/${a.username}`,
    avatar: `https://${world.host}/avatars/original/missing.png`,
    avatar_static: `https://${world.host}/avatars/original/missing.png`,
    header: `https://${world.host}/headers/original/missing.png`,
    header_static: `https://${world.host}/headers/original/missing.png`,
    followers_count: 120,
    following_count: 80,
    statuses_count: world.statuses.filter((s) => s.account.id === a.id).length,
    last_status_at: '2026-11-23',
    emojis: [],
    fields: [],
  }
}

function statusEntity(s: MastodonStatus, world: World) {
  const author = accountEntity(s.account, world)
  return {
    id: s.id,
    created_at: s.createdAt,
    in_reply_to_id: null,
    in_reply_to_account_id: null,
    sensitive: false,
    spoiler_text: '',
    visibility: 'public',
    language: s.lang,
    uri: `${author.uri}/statuses/${s.id}`,
    url: `${author.url}/${s.id}`,
    replies_count: s.replies,
    reblogs_count: s.boosts,
    favourites_count: s.favourites,
    edited_at: null,
    content: `<p>${s.text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)}</p>`,
    reblog: null,
    application: null,
    account: author,
    media_attachments: [],
    mentions: [],
    tags: [],
    emojis: [],
    card: null,
    poll: null,
  }
}

/** The instance's answer to one public API request, in its shapes (404: {"error": "Record not found"}). */
export function answerMastodonApi(url: URL, world: World): JsonAnswer {
  const notFound: JsonAnswer = { status: 404, body: { error: 'Record not found' } }
  if (url.pathname === '/api/v1/accounts/lookup') {
    const acct = url.searchParams.get('acct')
    if (!acct) return { status: 400, body: { error: 'Missing required parameter: acct' } }
    const account = findAccount(world, acct)
    return account ? { status: 200, body: accountEntity(account, world) } : notFound
  }
  const status = /^\/api\/v1\/statuses\/(\d+)$/.exec(url.pathname)
  if (status) {
    const found = world.statuses.find((s) => s.id === status[1])
    return found ? { status: 200, body: statusEntity(found, world) } : notFound
  }
  return notFound
}

function pageFor(url: URL, world: World): string | null {
  if (url.pathname === '/' || url.pathname === '/home') {
    return mastodonHtml({ view: 'timeline', statuses: world.statuses }, `Home - ${world.host}`, world.host, 'Home')
  }
  const profile = /^\/@([^/]+)$/.exec(url.pathname)
  const account = profile ? world.accounts.find((a) => acctOf(a) === decodeURIComponent(profile[1]!)) : undefined
  if (account) {
    // Its own statuses, as its profile's Posts tab lists them.
    const statuses = world.statuses.filter((s) => s.account.id === account.id && !s.boostedBy).map((s, index) => ({ ...s, index }))
    return mastodonHtml({ view: 'profile', account, statuses }, `${account.name} (@${acctOf(account)}) - ${world.host}`, world.host, 'Profile')
  }
  const page = /^\/@([^/]+)\/(\d+)$/.exec(url.pathname)
  const index = page ? world.statuses.findIndex((s) => s.id === page[2] && acctOf(s.account) === decodeURIComponent(page[1]!)) : -1
  const status = world.statuses[index]
  if (!status) return null
  // One ancestor above, two replies below, each a status of its own.
  const plain = (s: MastodonStatus) => ({ ...s, boostedBy: null })
  return mastodonHtml(
    {
      view: 'status',
      ancestors: world.statuses.slice(index + 1, index + 2).map(plain),
      status: plain(status),
      descendants: world.statuses.slice(index + 2, index + 4).map(plain),
    },
    `${status.account.name}: "${status.text}" - ${world.host}`,
    world.host,
    'Post',
  )
}

/** Serve the stand-in instance on host; other requests there are refused. */
export async function routeMastodonStandIn(context: Routable, host = 'mastodon.social', options: MastodonStandInOptions = {}): Promise<void> {
  const world = mastodonWorld(host, options)
  await routeHosts(context, [host], async (url, route) => {
    if (url.pathname.startsWith('/api/')) return fulfilJson(route, answerMastodonApi(url, world))
    const html = pageFor(url, world)
    return html ? fulfilHtml(route, html) : route.abort()
  })
}
