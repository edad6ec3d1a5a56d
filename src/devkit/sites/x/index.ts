// The X stand-in: a home timeline at https://x.com/home, post pages at /<handle>/status/<id>, and
// each author's profile at /<handle>: the profile header above their posts.
import { CROSS_ORIGIN_ISOLATED, fulfilHtml, routeHosts, type Routable } from '../route.ts'
import { AUTHORS, standInPosts, type StandInPost } from './posts.ts'
import { timelineHtml, type UiLanguage } from './page.ts'
import { profileHeaderHtml } from './profile.ts'

export { standInPosts, kindAt, AUTHORS, type StandInPost, type StandInAuthor } from './posts.ts'
export { ROW_HEIGHT, POOL_SIZE, type UiLanguage } from './page.ts'

export interface XStandInOptions {
  /** Posts in the timeline; 300 by default, enough for long scroll tests. */
  posts?: number
  /** The interface language the page is served in; 'ar' makes it right to left. */
  language?: UiLanguage
  /** Links put in posts, by post index: a post sharing a Tipline product page, say. Shown as X shows them: through t.co, the address in the text. */
  links?: Readonly<Record<number, string>>
  /** Serve pages cross-origin isolated, for a clock fine enough to time one engine pass (benchmarks). */
  crossOriginIsolated?: boolean
}

const X_HOSTS = ['x.com', 'twitter.com'] as const

export function xStandInHtml(options: XStandInOptions = {}): string {
  return timelineHtml(standInPosts(options.posts ?? 300), 'Home / X', options.language)
}

/** A profile page: the author's header, then their own posts (not their reposts of others). */
function profileHtml(posts: StandInPost[], authorIndex: number, language: UiLanguage | undefined): string {
  const author = AUTHORS[authorIndex]!
  const theirs = posts.filter((p) => p.author.handle === author.handle && !p.repostedBy && !p.promoted).map((p, index) => ({ ...p, index }))
  return timelineHtml(theirs, `${author.name} (@${author.handle}) / X`, language, profileHeaderHtml(author, 1_000_000 + authorIndex))
}

/** Serve the stand-in on x.com and twitter.com; other requests to those hosts are refused. */
export async function routeXStandIn(context: Routable, options: XStandInOptions = {}): Promise<void> {
  const posts = standInPosts(options.posts ?? 300).map((post) => {
    const link = options.links?.[post.index]
    return link ? { ...post, link } : post
  })
  const home = timelineHtml(posts, 'Home / X', options.language)
  const headers = options.crossOriginIsolated ? CROSS_ORIGIN_ISOLATED : {}
  await routeHosts(context, X_HOSTS, async (url, route) => {
    if (url.pathname === '/home') return fulfilHtml(route, home, headers)
    const detail = /^\/(\w+)\/status\/(\d+)$/.exec(url.pathname)
    const post = detail && posts.find((p) => p.id === detail[2] && p.author.handle === detail[1])
    if (post) return fulfilHtml(route, timelineHtml([{ ...post, index: 0 }], `${post.author.name} on X`, options.language), headers)
    const author = AUTHORS.findIndex((a) => url.pathname === `/${a.handle}`)
    if (author >= 0) return fulfilHtml(route, profileHtml(posts, author, options.language), headers)
    return route.abort()
  })
}
