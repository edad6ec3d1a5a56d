// The stand-in timeline's posts: invented authors and words, numeric ids like X's, and every kind
// of post the adapter must handle, spread through the list at fixed steps so tests can predict them.
import { ARABIC, ENGLISH, pick } from '../feed.ts'

export interface StandInAuthor {
  handle: string
  name: string
}

export interface StandInPost {
  /** Position in the timeline, from 0. */
  index: number
  id: string
  author: StandInAuthor
  text: string
  /** A link the author put in the post, shown after its text (e.g. a Tipline product page). */
  link?: string
  lang: string
  /** Ads carry an "Ad" label and get no Tip button. */
  promoted: boolean
  /** A repost shows "<name> reposted" above the original, whose author is the one to pay. */
  repostedBy: StandInAuthor | null
  quoted: { id: string; author: StandInAuthor; text: string } | null
  replies: number
  reposts: number
  likes: number
  views: number
  datetime: string
}

export const AUTHORS: readonly StandInAuthor[] = [
  { handle: 'nour_writes', name: 'نور Nour' },
  { handle: 'ada_lovelace', name: 'Ada Lovelace' },
  { handle: 'grace_hopper', name: 'Grace Hopper' },
  { handle: 'sam_k', name: 'Sam K' },
  { handle: 'layla_ar', name: 'ليلى' },
  { handle: 'tipline_news', name: 'Tipline News' },
  { handle: 'quiet_kettle', name: 'Quiet Kettle' },
]

/** Which kind a post at index i is: fixed steps, so a test knows without reading the page. */
export const kindAt = (i: number) => ({
  promoted: i % 13 === 7,
  repost: i % 11 === 4,
  quote: i % 7 === 2,
  arabic: i % 9 === 5,
})

const FIRST_ID = 1_893_000_000_000_000_000n

export function standInPosts(count: number): StandInPost[] {
  return Array.from({ length: count }, (_, i) => {
    const kind = kindAt(i)
    const author = kind.arabic ? pick([AUTHORS[0], AUTHORS[4]], i)! : pick(AUTHORS, i)
    const id = String(FIRST_ID + BigInt(i) * 7919n)
    return {
      index: i,
      id,
      author,
      text: kind.arabic ? pick(ARABIC, i) : `${pick(ENGLISH, i)} (#${i + 1})`,
      lang: kind.arabic ? 'ar' : 'en',
      promoted: kind.promoted,
      repostedBy: kind.repost ? pick(AUTHORS, i + 3) : null,
      quoted: kind.quote
        ? { id: String(FIRST_ID - BigInt(i + 1) * 104_729n), author: pick(AUTHORS, i + 2), text: pick(ENGLISH, i + 1) }
        : null,
      replies: (i * 7) % 40,
      reposts: (i * 3) % 25,
      likes: (i * 37) % 900,
      views: 1000 + i * 131,
      datetime: new Date(Date.UTC(2026, 10, 23, 20, 0) - i * 4 * 60_000).toISOString(),
    }
  })
}
