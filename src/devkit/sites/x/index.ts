// The X stand-in: a home timeline at https://x.com/home and post pages at /<handle>/status/<id>.
import { fulfilHtml, routeHosts, type Routable } from '../route.ts'
import { standInPosts } from './posts.ts'
import { timelineHtml, type UiLanguage } from './page.ts'

export { standInPosts, kindAt, AUTHORS, type StandInPost, type StandInAuthor } from './posts.ts'
export { ROW_HEIGHT, POOL_SIZE, type UiLanguage } from './page.ts'

export interface XStandInOptions {
  /** Posts in the timeline; 300 by default, enough for long scroll tests. */
  posts?: number
  /** The interface language the page is served in; 'ar' makes it right to left. */
  language?: UiLanguage
}

const X_HOSTS = ['x.com', 'twitter.com'] as const

export function xStandInHtml(options: XStandInOptions = {}): string {
  return timelineHtml(standInPosts(options.posts ?? 300), 'Home / X', options.language)
}

/** Serve the stand-in on x.com and twitter.com; other requests to those hosts are refused. */
export async function routeXStandIn(context: Routable, options: XStandInOptions = {}): Promise<void> {
  const posts = standInPosts(options.posts ?? 300)
  const home = timelineHtml(posts, 'Home / X', options.language)
  await routeHosts(context, X_HOSTS, async (url, route) => {
    if (url.pathname === '/home') return fulfilHtml(route, home)
    const detail = /^\/(\w+)\/status\/(\d+)$/.exec(url.pathname)
    const post = detail && posts.find((p) => p.id === detail[2] && p.author.handle === detail[1])
    if (post) return fulfilHtml(route, timelineHtml([{ ...post, index: 0 }], `${post.author.name} on X`, options.language))
    return route.abort()
  })
}
