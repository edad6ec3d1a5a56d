// Which account a session token belongs to, remembered by one API instance so that a request
// need not ask the database first. Safe because a session never changes once opened: nothing
// revokes it, it only expires (sessions.ts). An entry is trusted until the session's own expiry,
// and at most MAX_AGE_MS besides, so that a session ended in the database some other way (an
// operator deleting it) is honoured for at most that long by an instance that had seen it.
// Nothing else depends on it: another instance simply asks the database.

const MAX_AGE_MS = 60_000
const MAX_ENTRIES = 100_000

interface Entry {
  accountId: string
  trustedUntil: number
}

export class SessionCache {
  readonly #entries = new Map<string, Entry>()
  readonly #now: () => number

  constructor(now: () => number = Date.now) {
    this.#now = now
  }

  accountFor(tokenHash: string): string | undefined {
    const entry = this.#entries.get(tokenHash)
    if (!entry) return undefined
    if (entry.trustedUntil > this.#now()) return entry.accountId
    this.#entries.delete(tokenHash)
    return undefined
  }

  remember(tokenHash: string, accountId: string, expiresAt: Date): void {
    // A Map iterates in insertion order: past the cap, the longest-held entry goes first.
    if (this.#entries.size >= MAX_ENTRIES) this.#entries.delete(this.#entries.keys().next().value!)
    this.#entries.set(tokenHash, { accountId, trustedUntil: Math.min(expiresAt.getTime(), this.#now() + MAX_AGE_MS) })
  }
}
