// The Bluesky stand-in at https://bsky.app: the home feed (/), profiles (/profile/<handle>),
// threads (/profile/<handle>/post/<rkey>) and notifications (/notifications); and the public
// AppView at https://public.api.bsky.app answering getProfile and getPostThread in Bluesky's own
// shapes, which handle claims read.
import type { FeedLinks } from '../feed.ts'
import { fulfilHtml, fulfilJson, routeHosts, type JsonAnswer, type Routable } from '../route.ts'
import { BLUESKY_AUTHORS, blueskyNotifications, blueskyPosts, type BlueskyAuthor, type BlueskyPost } from './posts.ts'
import { blueskyHtml } from './page.ts'

export { BLUESKY_AUTHORS, blueskyKindAt, blueskyNotifications, blueskyPosts, rkeyFor, shortUrl } from './posts.ts'
export type { BlueskyAuthor, BlueskyNotification, BlueskyPost } from './posts.ts'
export { BLUESKY_PAGE_SIZE, BLUESKY_ROW_HEIGHT } from './page.ts'

export interface BlueskyStandInOptions {
  /** Posts in the home feed; 300 by default, enough for long scroll tests. */
  posts?: number
  /** Profile bios to show instead of the invented ones, by handle (a claim code, say). */
  descriptions?: Record<string, string>
  /** Links put in posts, by post index: a post sharing a Tipline product page, say (on its own thread page too, focused there). */
  links?: FeedLinks
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/** The stand-in's whole world: its people (with any bios overridden) and its posts. */
export function blueskyWorld(options: BlueskyStandInOptions = {}) {
  const authors = BLUESKY_AUTHORS.map((author) => ({ ...author, description: options.descriptions?.[author.handle] ?? author.description }))
  return { authors, posts: blueskyPosts(options.posts ?? 300, authors, options.links) }
}

type World = ReturnType<typeof blueskyWorld>

function findAuthor(world: World, actor: string): BlueskyAuthor | undefined {
  const wanted = actor.toLowerCase()
  return world.authors.find((author) => author.handle === wanted || author.did === actor)
}

function profileView(author: BlueskyAuthor, world: World) {
  return {
    did: author.did,
    handle: author.handle,
    displayName: author.name,
    description: author.description,
    avatar: `https://cdn.bsky.app/img/avatar/plain/${author.did}/bafkreistandin@jpeg`,
    followersCount: 120,
    followsCount: 80,
    postsCount: world.posts.filter((post) => post.author.handle === author.handle).length,
    indexedAt: '2026-01-01T00:00:00.000Z',
    createdAt: '2024-02-06T00:00:00.000Z',
    labels: [],
  }
}

function postView(post: BlueskyPost) {
  return {
    uri: `at://${post.author.did}/app.bsky.feed.post/${post.rkey}`,
    cid: `bafyreistandin${post.rkey}`,
    author: { did: post.author.did, handle: post.author.handle, displayName: post.author.name, labels: [], createdAt: '2024-02-06T00:00:00.000Z' },
    record: { $type: 'app.bsky.feed.post', text: post.text, langs: [post.lang], createdAt: post.createdAt },
    replyCount: post.replies,
    repostCount: post.reposts,
    likeCount: post.likes,
    quoteCount: 0,
    indexedAt: post.createdAt,
    labels: [],
  }
}

/** The AppView's answer to one XRPC query, in its shapes (errors: 400 with error and message). */
export function answerBlueskyApi(url: URL, world: World): JsonAnswer {
  const invalid = (error: string, message: string): JsonAnswer => ({ status: 400, body: { error, message } })
  if (url.pathname === '/xrpc/app.bsky.actor.getProfile') {
    const actor = url.searchParams.get('actor')
    if (!actor) return invalid('InvalidRequest', 'Error: Params must have the property "actor"')
    const author = findAuthor(world, actor)
    return author ? { status: 200, body: profileView(author, world) } : invalid('InvalidRequest', 'Profile not found')
  }
  if (url.pathname === '/xrpc/app.bsky.feed.getPostThread') {
    const uri = url.searchParams.get('uri')
    if (!uri) return invalid('InvalidRequest', 'Error: Params must have the property "uri"')
    const match = /^at:\/\/([^/]+)\/app\.bsky\.feed\.post\/([^/]+)$/.exec(uri)
    const author = match?.[1] ? findAuthor(world, match[1]) : undefined
    const post = author && world.posts.find((p) => p.rkey === match?.[2] && p.author.handle === author.handle)
    if (!post) return invalid('NotFound', `Post not found: ${uri}`)
    return { status: 200, body: { thread: { $type: 'app.bsky.feed.defs#threadViewPost', post: postView(post), replies: [] } } }
  }
  return { status: 501, body: { error: 'MethodNotImplemented', message: 'Method Not Implemented' } }
}

function pageFor(url: URL, world: World): string | null {
  if (url.pathname === '/') return blueskyHtml({ view: 'feed', posts: world.posts, profile: null }, 'Home — Bluesky')
  if (url.pathname === '/notifications') {
    return blueskyHtml({ view: 'notifications', notifications: blueskyNotifications(world.posts) }, 'Notifications — Bluesky')
  }
  const thread = /^\/profile\/([^/]+)\/post\/([^/]+)$/.exec(url.pathname)
  if (thread) {
    const index = world.posts.findIndex((p) => p.author.handle === thread[1] && p.rkey === thread[2])
    const anchor = world.posts[index]
    if (!anchor) return null
    // One parent above, two replies below: each a thread row with its own permalink.
    const parents = world.posts.slice(index + 1, index + 2).map((p) => ({ ...p, repostedBy: null }))
    const replies = world.posts.slice(index + 2, index + 4).map((p) => ({ ...p, repostedBy: null }))
    return blueskyHtml({ view: 'thread', parents, anchor: { ...anchor, repostedBy: null }, replies }, `${escapeHtml(anchor.author.name)}: "${escapeHtml(anchor.text)}" — Bluesky`)
  }
  const profile = /^\/profile\/([^/]+)$/.exec(url.pathname)
  const author = profile?.[1] ? findAuthor(world, decodeURIComponent(profile[1])) : undefined
  if (author) {
    const posts = world.posts
      .filter((p) => (p.repostedBy ? p.repostedBy.handle : p.author.handle) === author.handle)
      .map((p, index) => ({ ...p, index }))
    return blueskyHtml({ view: 'feed', posts, profile: author }, `${escapeHtml(author.name)} (@${author.handle}) — Bluesky`)
  }
  return null
}

/** Serve the stand-in on bsky.app and its AppView on public.api.bsky.app; other requests there are refused. */
export async function routeBlueskyStandIn(context: Routable, options: BlueskyStandInOptions = {}): Promise<void> {
  const world = blueskyWorld(options)
  await routeHosts(context, ['bsky.app', 'public.api.bsky.app'], async (url, route) => {
    if (url.hostname === 'public.api.bsky.app') return fulfilJson(route, answerBlueskyApi(url, world))
    const html = pageFor(url, world)
    return html ? fulfilHtml(route, html) : route.abort()
  })
}
