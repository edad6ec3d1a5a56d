// Each stand-in's rows on screen, read with the test's own queries (not the adapter's), and which of
// them carry other buttons than their post calls for. The readers run in the page: through
// Playwright's page.evaluate in Chromium, and through the Firefox driver's in Firefox.
import type { BlueskyPost } from '../../../src/devkit/sites/bluesky/index.ts'
import { acctOf, handleOf, type MastodonStatus } from '../../../src/devkit/sites/mastodon/index.ts'
import type { StandInPost } from '../../../src/devkit/sites/x/index.ts'
import type { Page } from '@playwright/test'

export interface StandInRows<Row> {
  /** Runs in the page: each row on screen. Self-contained, as a function sent to a page must be. */
  read: () => Row[]
  /** Rows whose buttons differ from what their post calls for: none once the engine has caught up. */
  wrong(rows: Row[]): string[]
}

/**
 * Scrolls by px and waits two frames: the stand-ins render what scrolled into view on the next
 * frame, and rows read before it would skip the posts that only pass through the view meanwhile.
 */
export const scrollAndRender = (page: Page, px: number) =>
  page.evaluate((by) => new Promise((done) => {
    scrollBy(0, by)
    requestAnimationFrame(() => requestAnimationFrame(done))
  }), px)

const differ = (shown: unknown, expected: unknown) => JSON.stringify(shown) !== JSON.stringify(expected)

export interface XRow {
  statusHref: string | null
  buttons: { postId: string | undefined; handle: string | undefined }[]
}

export function xRows(posts: readonly StandInPost[]): StandInRows<XRow> {
  const byId = new Map(posts.map((post) => [post.id, post]))
  return {
    read: () =>
      [...document.querySelectorAll<HTMLElement>('[data-testid="cellInnerDiv"]')]
        .filter((cell) => {
          const box = cell.getBoundingClientRect()
          return !cell.hidden && box.bottom > 0 && box.top < innerHeight
        })
        .map((cell) => ({
          statusHref: cell.querySelector('time')?.closest('a')?.getAttribute('href') ?? null,
          buttons: [...cell.querySelectorAll<HTMLElement>('tipline-button')].map((b) => ({ postId: b.dataset.postId, handle: b.dataset.handle })),
        })),
    wrong: (rows) =>
      rows.flatMap((row) => {
        const post = byId.get(/\/status\/(\d+)$/.exec(row.statusHref ?? '')?.[1] ?? '')
        if (!post) return [`a row shows an unknown post: ${row.statusHref}`]
        const expected = post.promoted ? [] : [{ postId: post.id, handle: post.author.handle }]
        return differ(row.buttons, expected) ? [`post #${post.index} ${post.author.handle}/${post.id}${post.promoted ? ' (ad)' : ''} has ${JSON.stringify(row.buttons)}`] : []
      }),
  }
}

export interface BlueskyRow {
  /** The row's own permalink as the test reads it: the first /post/ link by the testid's author. */
  key: string | null
  buttons: { handle: string | undefined; postId: string | undefined; inQuote: boolean }[]
}

export function blueskyRows(posts: readonly BlueskyPost[]): StandInRows<BlueskyRow> {
  const byKey = new Map(posts.map((post) => [`${post.author.handle}/${post.rkey}`, post]))
  return {
    read: () =>
      [...document.querySelectorAll<HTMLElement>('[data-testid^="feedItem-by-"]')]
        .filter((row) => {
          const box = row.getBoundingClientRect()
          return box.bottom > 0 && box.top < innerHeight
        })
        .map((row) => {
          const author = row.dataset.testid!.slice('feedItem-by-'.length)
          const link = row.querySelector(`a[href^="/profile/${author}/post/"]`)
          return {
            key: link?.getAttribute('href')?.replace(/^\/profile\//, '').replace('/post/', '/') ?? null,
            buttons: [...row.querySelectorAll<HTMLElement>('tipline-button')].map((b) => ({
              handle: b.dataset.handle,
              postId: b.dataset.postId,
              inQuote: !!b.closest('[aria-label^="Post by"]'),
            })),
          }
        }),
    wrong: (rows) =>
      rows.flatMap((row) => {
        const post = row.key ? byKey.get(row.key) : undefined
        if (!post) return [`a row shows an unknown post: ${row.key}`]
        const expected = [{ handle: post.author.handle, postId: post.rkey, inQuote: false }]
        return differ(row.buttons, expected) ? [`post #${post.index} ${row.key} has ${JSON.stringify(row.buttons)}`] : []
      }),
  }
}

export interface MastodonRow {
  permalink: string | null
  hidden: boolean
  buttons: { handle: string | undefined; postId: string | undefined; inBar: boolean }[]
}

export function mastodonRows(statuses: readonly MastodonStatus[], host: string): StandInRows<MastodonRow> {
  const byPermalink = new Map(statuses.map((s) => [`/@${acctOf(s.account)}/${s.id}`, s]))
  return {
    read: () =>
      [...document.querySelectorAll<HTMLElement>('article[data-id]')]
        .filter((article) => {
          const box = article.getBoundingClientRect()
          return box.bottom > 0 && box.top < innerHeight
        })
        .map((article) => ({
          permalink: article.querySelector(':scope > .status__wrapper > .status > .status__info > a.status__relative-time')?.getAttribute('href') ?? null,
          hidden: article.style.opacity === '0',
          buttons: [...article.querySelectorAll<HTMLElement>('tipline-button')].map((b) => ({
            handle: b.dataset.handle,
            postId: b.dataset.postId,
            inBar: b.parentElement?.matches(':scope.status__action-bar') === true && !b.closest('.status__quote'),
          })),
        })),
    wrong: (rows) =>
      rows.flatMap((row) => {
        if (row.hidden) return row.buttons.length ? [`a hidden article keeps ${JSON.stringify(row.buttons)}`] : []
        const s = row.permalink ? byPermalink.get(row.permalink) : undefined
        if (!s) return [`an article shows an unknown status: ${row.permalink}`]
        const expected = [{ handle: handleOf(s.account, host), postId: s.id, inBar: true }]
        return differ(row.buttons, expected) ? [`status #${s.index} ${row.permalink} has ${JSON.stringify(row.buttons)}`] : []
      }),
  }
}
