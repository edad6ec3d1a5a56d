// What the Bluesky and Mastodon stand-ins' feeds share: the same invented words, the same fixed
// steps at which a row is a share (a repost, a boost), a quote or in Arabic, and the same counts
// and times. Each site's generator adds only its own ids and names, so a test that knows where
// the quotes are in one feed knows it in the other.

/** One row of a feed, before the site names its parts. */
export interface FeedRow<Person> {
  /** Position in the feed, from 0. */
  index: number
  /** Who wrote it: the one to pay, even when someone else shared it. */
  author: Person
  text: string
  lang: 'en' | 'ar'
  sharedBy: Person | null
  quoted: { author: Person; text: string } | null
  /** An address the author put at the end of the text (a Tipline product page, say). */
  link?: string
  replies: number
  shares: number
  likes: number
  createdAt: string
}

/** Links put in posts, by post index: each post at an index ends its text with that address. */
export type FeedLinks = Readonly<Record<number, string>>

/** What the stand-ins' people write, in turn (every site's stand-in shares them). */
export const ENGLISH = [
  'Finished the first draft of the essay on tide pools. Feedback welcome.',
  'Notes on the analytical engine, part 3: loops are just cards that come back around.',
  'A bug is a moth until proven otherwise.',
  'Small tools, sharp edges, good coffee.',
  'What I learned shipping a browser extension to three stores.',
]
export const ARABIC = ['صباح الخير! كتبت اليوم عن البحر والذاكرة.', 'شكراً لكل من قرأ المقال الأخير ❤️']

/** Which kind the row at index i is: fixed steps, so a test knows without reading the page. */
export const feedKindAt = (i: number) => ({
  shared: i % 11 === 4,
  quote: i % 7 === 2,
  arabic: i % 9 === 5,
})

/** The i-th of a list, round and round. */
export function pick<T>(list: readonly T[], i: number): T {
  return list[i % list.length] as T
}

/** count rows written by people in turn; the first and fifth person are the ones who write in Arabic. */
export function feedRows<Person>(count: number, people: readonly Person[], links: FeedLinks = {}): FeedRow<Person>[] {
  const arabicWriters = [people[0]!, people[4]!]
  return Array.from({ length: count }, (_, i) => {
    const kind = feedKindAt(i)
    return {
      index: i,
      author: kind.arabic ? pick(arabicWriters, i) : pick(people, i),
      text: kind.arabic ? pick(ARABIC, i) : `${pick(ENGLISH, i)} (#${i + 1})`,
      lang: kind.arabic ? 'ar' : 'en',
      sharedBy: kind.shared ? pick(people, i + 3) : null,
      quoted: kind.quote ? { author: pick(people, i + 2), text: pick(ENGLISH, i + 1) } : null,
      link: links[i],
      replies: (i * 7) % 40,
      shares: (i * 3) % 25,
      likes: (i * 37) % 900,
      createdAt: new Date(Date.UTC(2026, 10, 23, 20, 0) - i * 4 * 60_000).toISOString(),
    }
  })
}
