// The sites' public lookups that handle claims read, as one Node HTTP server: the payments API
// checks claims from Node, so browser request routing cannot serve it. Same paths and shapes as
// the real services, each under its site's prefix:
//   GET /bluesky/xrpc/app.bsky.actor.getProfile?actor=<handle>          (Bluesky's public AppView)
//   GET /bluesky/xrpc/app.bsky.feed.getPostThread?uri=at://<handle>/app.bsky.feed.post/<rkey>
//   GET /mastodon/<instance>/api/v1/accounts/lookup?acct=<user>          (any instance)
//   GET /mastodon/<instance>/api/v1/statuses/<id>
//   GET /x/oembed?url=https://x.com/<handle>/status/<id>                 (X's oEmbed)
// What the sites show is set by tests, as a creator would post it:
//   POST /_control/profile {site, handle, bio}      POST /_control/post {site, handle, id, text}
// Mastodon handles are user@instance; a post id is unique per site.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { z } from 'zod'

export interface SitesPublicApi {
  url: string
  /** The API's claim checker base URLs for this stand-in (ApiConfig.claimCheckers). */
  checkers: { bluesky: string; mastodon: string; x: string }
  close(): Promise<void>
}

const Site = z.enum(['x', 'bluesky', 'mastodon'])
const ProfileControl = z.object({ site: Site, handle: z.string().min(1), bio: z.string() })
const PostControl = z.object({ site: Site, handle: z.string().min(1), id: z.string().regex(/^[A-Za-z0-9]+$/), text: z.string() })

interface Post {
  handle: string
  id: string
  text: string
}

interface Answer {
  status: number
  body: unknown
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
const PUBLISHED = '2026-11-23T12:00:00.000Z'

class World {
  private readonly bios = new Map<string, string>()
  private readonly posts = new Map<string, Post>()

  setBio(site: string, handle: string, bio: string) {
    this.bios.set(`${site}:${handle.toLowerCase()}`, bio)
  }

  addPost(site: string, post: Post) {
    this.posts.set(`${site}:${post.id}`, { ...post, handle: post.handle.toLowerCase() })
  }

  /** A person exists once they have a bio or a post. */
  bio(site: string, handle: string): string | null {
    const key = handle.toLowerCase()
    const bio = this.bios.get(`${site}:${key}`)
    if (bio !== undefined) return bio
    return [...this.posts.entries()].some(([k, p]) => k.startsWith(`${site}:`) && p.handle === key) ? '' : null
  }

  post(site: string, id: string): Post | null {
    return this.posts.get(`${site}:${id}`) ?? null
  }
}

function bluesky(world: World, url: URL): Answer {
  const invalid = (error: string, message: string): Answer => ({ status: 400, body: { error, message } })
  if (url.pathname === '/xrpc/app.bsky.actor.getProfile') {
    const actor = url.searchParams.get('actor') ?? ''
    const bio = world.bio('bluesky', actor)
    if (bio === null) return invalid('InvalidRequest', 'Profile not found')
    return { status: 200, body: { did: didOf(actor), handle: actor.toLowerCase(), displayName: actor, description: bio, indexedAt: PUBLISHED } }
  }
  if (url.pathname === '/xrpc/app.bsky.feed.getPostThread') {
    const uri = url.searchParams.get('uri') ?? ''
    const rkey = /^at:\/\/[^/]+\/app\.bsky\.feed\.post\/([^/]+)$/.exec(uri)?.[1]
    const post = rkey ? world.post('bluesky', rkey) : null
    if (!post) return invalid('NotFound', `Post not found: ${uri}`)
    return {
      status: 200,
      body: {
        thread: {
          $type: 'app.bsky.feed.defs#threadViewPost',
          post: {
            uri: `at://${didOf(post.handle)}/app.bsky.feed.post/${post.id}`,
            author: { did: didOf(post.handle), handle: post.handle, displayName: post.handle },
            record: { $type: 'app.bsky.feed.post', text: post.text, createdAt: PUBLISHED },
            indexedAt: PUBLISHED,
          },
          replies: [],
        },
      },
    }
  }
  return { status: 501, body: { error: 'MethodNotImplemented', message: 'Method Not Implemented' } }
}

const didOf = (handle: string) => `did:plc:${Buffer.from(handle.toLowerCase()).toString('hex').slice(0, 24)}`

function mastodon(world: World, instance: string, path: string, url: URL): Answer {
  const notFound: Answer = { status: 404, body: { error: 'Record not found' } }
  const account = (user: string, bio: string) => ({
    id: String(user.length * 1000 + user.charCodeAt(0)),
    username: user,
    acct: user,
    display_name: user,
    note: bio && `<p>${escapeHtml(bio)}</p>`,
    url: `https://${instance}/@${user}`,
    created_at: PUBLISHED,
  })
  if (path === '/api/v1/accounts/lookup') {
    const user = (url.searchParams.get('acct') ?? '').replace(/^@/, '').split('@')[0]!.toLowerCase()
    const bio = world.bio('mastodon', `${user}@${instance}`)
    return bio === null ? notFound : { status: 200, body: account(user, bio) }
  }
  const id = /^\/api\/v1\/statuses\/(\d+)$/.exec(path)?.[1]
  const post = id ? world.post('mastodon', id) : null
  if (!post || !post.handle.endsWith(`@${instance}`)) return notFound
  const user = post.handle.split('@')[0]!
  return {
    status: 200,
    body: {
      id: post.id,
      created_at: PUBLISHED,
      visibility: 'public',
      url: `https://${instance}/@${user}/${post.id}`,
      content: `<p>${escapeHtml(post.text)}</p>`,
      account: account(user, world.bio('mastodon', post.handle) ?? ''),
    },
  }
}

function xOembed(world: World, url: URL): Answer {
  const postUrl = url.searchParams.get('url') ?? ''
  const id = /^https:\/\/(?:www\.)?(?:x|twitter)\.com\/[A-Za-z0-9_]+\/status\/(\d+)\/?$/.exec(postUrl)?.[1]
  const post = id ? world.post('x', id) : null
  // X answers 404 with an empty body for a post it cannot embed.
  if (!post) return { status: 404, body: '' }
  return {
    status: 200,
    body: {
      url: `https://twitter.com/${post.handle}/status/${post.id}`,
      author_name: post.handle,
      author_url: `https://twitter.com/${post.handle}`,
      html:
        `<blockquote class="twitter-tweet"><p lang="en" dir="ltr">${escapeHtml(post.text)}</p>&mdash; ${escapeHtml(post.handle)} ` +
        `(@${escapeHtml(post.handle)}) <a href="https://twitter.com/${post.handle}/status/${post.id}">November 23, 2026</a></blockquote>\n`,
      width: 550,
      height: null,
      type: 'rich',
      cache_age: '3153600000',
      provider_name: 'Twitter',
      provider_url: 'https://twitter.com',
      version: '1.0',
    },
  }
}

async function control(world: World, path: string, request: IncomingMessage): Promise<Answer> {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  let raw: unknown
  try {
    raw = JSON.parse(Buffer.concat(chunks).toString('utf8'))
  } catch {
    return { status: 400, body: { error: 'body must be JSON' } }
  }
  if (path === '/_control/profile') {
    const parsed = ProfileControl.safeParse(raw)
    if (!parsed.success) return { status: 400, body: { error: parsed.error.issues[0]?.message } }
    world.setBio(parsed.data.site, parsed.data.handle, parsed.data.bio)
    return { status: 200, body: { ok: true } }
  }
  if (path === '/_control/post') {
    const parsed = PostControl.safeParse(raw)
    if (!parsed.success) return { status: 400, body: { error: parsed.error.issues[0]?.message } }
    world.addPost(parsed.data.site, parsed.data)
    return { status: 200, body: { ok: true } }
  }
  return { status: 404, body: { error: `no control at ${path}` } }
}

async function answer(world: World, request: IncomingMessage): Promise<Answer> {
  const url = new URL(request.url ?? '/', 'http://stand-in')
  if (request.method === 'POST' && url.pathname.startsWith('/_control/')) return control(world, url.pathname, request)
  if (request.method !== 'GET') return { status: 405, body: { error: 'method not allowed' } }
  if (url.pathname.startsWith('/bluesky/')) return bluesky(world, new URL(url.pathname.slice('/bluesky'.length) + url.search, url))
  const instance = /^\/mastodon\/([a-z0-9.-]+)(\/.*)$/.exec(url.pathname)
  if (instance) return mastodon(world, instance[1]!, instance[2]!, url)
  if (url.pathname === '/x/oembed') return xOembed(world, url)
  return { status: 404, body: { error: `nothing at ${url.pathname}` } }
}

function reply(response: ServerResponse, { status, body }: Answer) {
  const text = typeof body === 'string' ? body : JSON.stringify(body)
  response.writeHead(status, { 'content-type': typeof body === 'string' ? 'text/plain' : 'application/json; charset=utf-8' })
  response.end(text)
}

export async function startSitesPublicApi(options: { port?: number; host?: string } = {}): Promise<SitesPublicApi> {
  const world = new World()
  const server = createServer((request, response) => {
    answer(world, request).then(
      (answered) => reply(response, answered),
      (error: unknown) => reply(response, { status: 500, body: { error: String(error) } }),
    )
  })
  const host = options.host ?? '127.0.0.1'
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, resolve)
  })
  const url = `http://${host}:${(server.address() as AddressInfo).port}`
  return {
    url,
    checkers: { bluesky: `${url}/bluesky`, mastodon: `${url}/mastodon`, x: `${url}/x` },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}
