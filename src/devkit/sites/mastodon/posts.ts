// The Mastodon stand-in's accounts and statuses: invented people and words, some local to the
// instance and some remote (user@domain), ids shaped like Mastodon's, and every kind of status the
// adapter must handle, spread through the timeline at fixed steps so tests can predict them.

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

const ENGLISH = [
  'Finished the first draft of the essay on tide pools. Feedback welcome.',
  'Notes on the analytical engine, part 3: loops are just cards that come back around.',
  'A bug is a moth until proven otherwise.',
  'Small tools, sharp edges, good coffee.',
  'What I learned shipping a browser extension to three stores.',
]
const ARABIC = ['صباح الخير! كتبت اليوم عن البحر والذاكرة.', 'شكراً لكل من قرأ المقال الأخير ❤️']

/** Which kind the status at index i is: fixed steps, so a test knows without reading the page. */
export const mastodonKindAt = (i: number) => ({
  boost: i % 11 === 4,
  quote: i % 7 === 2,
  arabic: i % 9 === 5,
})

const FIRST_ID = 113_524_367_112_233_445n

function pick<T>(list: readonly T[], i: number): T {
  return list[i % list.length] as T
}

export function mastodonStatuses(count: number): MastodonStatus[] {
  return Array.from({ length: count }, (_, i) => {
    const kind = mastodonKindAt(i)
    const account = kind.arabic ? pick([MASTODON_ACCOUNTS[0]!, MASTODON_ACCOUNTS[4]!], i) : pick(MASTODON_ACCOUNTS, i)
    return {
      index: i,
      id: String(FIRST_ID - BigInt(i) * 65_537n),
      account,
      text: kind.arabic ? pick(ARABIC, i) : `${pick(ENGLISH, i)} (#${i + 1})`,
      lang: kind.arabic ? 'ar' : 'en',
      boostedBy: kind.boost ? pick(MASTODON_ACCOUNTS, i + 3) : null,
      quoted: kind.quote
        ? { id: String(FIRST_ID - 10_000_000n - BigInt(i) * 7_919n), account: pick(MASTODON_ACCOUNTS, i + 2), text: pick(ENGLISH, i + 1) }
        : null,
      replies: (i * 7) % 40,
      boosts: (i * 3) % 25,
      favourites: (i * 37) % 900,
      createdAt: new Date(Date.UTC(2026, 10, 23, 20, 0) - i * 4 * 60_000).toISOString(),
    }
  })
}
