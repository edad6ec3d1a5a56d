// The Mastodon stand-in's accounts and statuses: invented people and words, some local to the
// instance and some remote (user@domain), ids shaped like Mastodon's, and every kind of status the
// adapter must handle, spread through the timeline at the fixed steps every stand-in feed shares
// (../feed.ts).
import { feedKindAt, feedRows, type FeedLinks } from '../feed.ts'

export interface MastodonAccount {
  id: string
  username: string
  /** null for an account on the instance itself; a remote account's home domain otherwise. */
  domain: string | null
  name: string
  /** The profile's bio (HTML, as Mastodon serves it); handle claims look for a code here. */
  note: string
}

export interface MastodonStatus {
  /** Position in the timeline, from 0. */
  index: number
  /** The status's id on this instance (the boosted status's, for a boost). */
  id: string
  account: MastodonAccount
  text: string
  lang: string
  /** A boost shows "<name> boosted" above the original, whose author is the one to pay. */
  boostedBy: MastodonAccount | null
  /** A quote post: a whole status inside this one, with its own author and permalink. */
  quoted: { id: string; account: MastodonAccount; text: string } | null
  /** An address at the end of the text, linked as the server links every address it finds. */
  link?: string
  replies: number
  boosts: number
  favourites: number
  createdAt: string
}

export const MASTODON_ACCOUNTS: readonly MastodonAccount[] = [
  { id: '109300000000000001', username: 'nour', domain: null, name: 'نور Nour', note: '<p>Essays on the sea and memory.</p>' },
  { id: '109300000000000002', username: 'ada', domain: null, name: 'Ada Lovelace', note: '<p>Notes on engines.</p>' },
  { id: '109300000000000003', username: 'grace', domain: 'hachyderm.io', name: 'Grace Hopper', note: '<p>Moths, compilers, nanoseconds.</p>' },
  { id: '109300000000000004', username: 'sam_k', domain: null, name: 'Sam K', note: '<p>Small tools.</p>' },
  { id: '109300000000000005', username: 'layla', domain: null, name: 'ليلى', note: '<p>أكتب عن المدن.</p>' },
  { id: '109300000000000006', username: 'kettle', domain: 'fosstodon.org', name: 'Quiet Kettle', note: '<p>Tea, mostly.</p>' },
]

/** How the instance names an account: "nour" for its own, "grace@hachyderm.io" for a remote one. */
export const acctOf = (account: MastodonAccount) => (account.domain ? `${account.username}@${account.domain}` : account.username)

/** The globally unique handle Tipline pays: always user@domain, the instance's host for its own. */
export const handleOf = (account: MastodonAccount, host: string) => `${account.username}@${account.domain ?? host}`

/** Which kind the status at index i is: fixed steps, so a test knows without reading the page. */
export const mastodonKindAt = (i: number) => {
  const { shared, quote, arabic } = feedKindAt(i)
  return { boost: shared, quote, arabic }
}

const FIRST_ID = 113_524_367_112_233_445n

/** The home timeline, written by accounts (the invented ones unless a world gives them other bios), with links put in statuses by index. */
export function mastodonStatuses(count: number, accounts: readonly MastodonAccount[] = MASTODON_ACCOUNTS, links?: FeedLinks): MastodonStatus[] {
  return feedRows(count, accounts, links).map(({ index, author, text, lang, sharedBy, quoted, link, replies, shares, likes, createdAt }) => ({
    index,
    id: String(FIRST_ID - BigInt(index) * 65_537n),
    account: author,
    text,
    lang,
    boostedBy: sharedBy,
    quoted: quoted && { id: String(FIRST_ID - 10_000_000n - BigInt(index) * 7_919n), account: quoted.author, text: quoted.text },
    link,
    replies,
    boosts: shares,
    favourites: likes,
    createdAt,
  }))
}
