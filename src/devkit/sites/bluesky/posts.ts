// The Bluesky stand-in's people and posts: invented authors (one on a custom-domain handle) and
// words, record keys shaped like Bluesky's, and every kind of row the adapter must handle, spread
// through the feed at the fixed steps every stand-in feed shares (../feed.ts).
import { feedKindAt, feedRows, pick, type FeedLinks } from '../feed.ts'

export interface BlueskyAuthor {
  handle: string
  did: string
  name: string
  /** The profile's bio; handle claims look for a code here. */
  description: string
}

export interface BlueskyPost {
  /** Position in the feed, from 0. */
  index: number
  rkey: string
  author: BlueskyAuthor
  text: string
  lang: string
  /** A repost shows "Reposted by <name>" above the original, whose author is the one to pay. */
  repostedBy: BlueskyAuthor | null
  /** An embedded record: a whole post inside this one, with its own author and permalink. */
  quoted: { rkey: string; author: BlueskyAuthor; text: string } | null
  /** A link at the end of the text: where it goes, and the address as the text shows it. */
  link?: { uri: string; text: string }
  replies: number
  reposts: number
  likes: number
  createdAt: string
}

export const BLUESKY_AUTHORS: readonly BlueskyAuthor[] = [
  { handle: 'nour.example.com', did: 'did:plc:n0urw71t3sxq4kd2mzlbe6aa', name: 'نور Nour', description: 'Essays on the sea and memory.' },
  { handle: 'ada.bsky.social', did: 'did:plc:ada1ove1acep5mg7kqzrw2bb', name: 'Ada Lovelace', description: 'Notes on engines.' },
  { handle: 'grace.bsky.social', did: 'did:plc:gr4cehopp3r5nqt6vx2yz3cc', name: 'Grace Hopper', description: 'Moths, compilers, nanoseconds.' },
  { handle: 'sam.bsky.social', did: 'did:plc:s4mk7w2q5r6t7y3u4i5o6pdd', name: 'Sam K', description: 'Small tools.' },
  { handle: 'layla.bsky.social', did: 'did:plc:l4y1a7bc2de3fg4hi5jk6lee', name: 'ليلى', description: 'أكتب عن المدن.' },
  { handle: 'kettle.example.org', did: 'did:plc:k3tt1eq7u2i3e4t5k6e7t8ff', name: 'Quiet Kettle', description: 'Tea, mostly.' },
]

/** Which kind the post at index i is: fixed steps, so a test knows without reading the page. */
export const blueskyKindAt = (i: number) => {
  const { shared, quote, arabic } = feedKindAt(i)
  /** selfQuote: the quote embeds a post by the same author, so its links name the same profile. */
  return { repost: shared, quote, selfQuote: quote && i % 2 === 0, arabic }
}

const BASE32_SORT = '234567abcdefghijklmnopqrstuvwxyz'

/** A record key shaped like Bluesky's TIDs: 13 characters of sortable base32, newest largest. */
export function rkeyFor(n: number): string {
  let value = BigInt(1_763_900_000_000_000) - BigInt(n) * 4_000_000n
  let out = ''
  for (let i = 0; i < 13; i++) {
    out = BASE32_SORT[Number(value % 32n)] + out
    value /= 32n
  }
  return out
}

/**
 * An address as Bluesky writes it into a post's text (social-app's toShortUrl, applied by the
 * composer; the link's facet keeps the whole address): no scheme, and a path past 15 characters
 * cut to 13 and "...".
 */
export function shortUrl(uri: string): string {
  const url = new URL(uri)
  const path = (url.pathname === '/' ? '' : url.pathname) + url.search + url.hash
  return url.host + (path.length > 15 ? `${path.slice(0, 13)}...` : path)
}

/** The home feed, written by authors (the invented ones unless a world gives them other bios), with links put in posts by index. */
export function blueskyPosts(count: number, authors: readonly BlueskyAuthor[] = BLUESKY_AUTHORS, links?: FeedLinks): BlueskyPost[] {
  return feedRows(count, authors, links).map(({ index, author, text, lang, sharedBy, quoted, link, replies, shares, likes, createdAt }) => ({
    index,
    rkey: rkeyFor(index),
    author,
    text,
    lang,
    repostedBy: sharedBy,
    quoted: quoted && { rkey: rkeyFor(100_000 + index), author: blueskyKindAt(index).selfQuote ? author : quoted.author, text: quoted.text },
    link: link === undefined ? undefined : { uri: link, text: shortUrl(link) },
    replies,
    reposts: shares,
    likes,
    createdAt,
  }))
}

/** Notifications: likes, reposts and follows are rows without controls; a reply is a whole post. */
export interface BlueskyNotification {
  reason: 'like' | 'repost' | 'follow' | 'reply'
  author: BlueskyAuthor
  /** For a reply: the reply itself, a post with its own controls. */
  post: BlueskyPost | null
}

export function blueskyNotifications(posts: readonly BlueskyPost[]): BlueskyNotification[] {
  const reasons = ['like', 'repost', 'follow', 'reply', 'like', 'like', 'reply', 'follow'] as const
  return reasons.map((reason, i) => ({
    reason,
    author: pick(BLUESKY_AUTHORS, i + 1),
    post: reason === 'reply' ? { ...posts[i]!, index: i, rkey: rkeyFor(200_000 + i), author: pick(BLUESKY_AUTHORS, i + 1), repostedBy: null, quoted: null, link: undefined } : null,
  }))
}
