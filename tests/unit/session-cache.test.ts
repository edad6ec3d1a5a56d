// The API's memory of session tokens, on a clock the test moves: an entry is trusted until the
// session expires and never longer than a minute, and the memory stays bounded.
import { describe, expect, test } from 'vitest'
import { SessionCache } from '../../src/server/auth/session-cache.ts'

function clock(start = Date.UTC(2026, 10, 24, 12)) {
  let now = start
  return { now: () => now, advance: (ms: number) => (now += ms) }
}

describe('SessionCache', () => {
  test('a session is remembered until it expires', () => {
    const time = clock()
    const cache = new SessionCache(time.now)
    cache.remember('hash-a', 'acct_a', new Date(time.now() + 10_000))
    expect(cache.accountFor('hash-a')).toBe('acct_a')
    time.advance(9_999)
    expect(cache.accountFor('hash-a')).toBe('acct_a')
    time.advance(1)
    expect(cache.accountFor('hash-a')).toBeUndefined()
  })

  test('a long session is trusted for a minute at most, then asked of the database again', () => {
    const time = clock()
    const cache = new SessionCache(time.now)
    cache.remember('hash-a', 'acct_a', new Date(time.now() + 15 * 60_000))
    time.advance(59_999)
    expect(cache.accountFor('hash-a')).toBe('acct_a')
    time.advance(1)
    expect(cache.accountFor('hash-a')).toBeUndefined()
  })

  test('an unknown token is not an account', () => {
    expect(new SessionCache().accountFor('hash-unknown')).toBeUndefined()
  })

  test('past its cap the cache lets go of the entry it has held longest', () => {
    const time = clock()
    const cache = new SessionCache(time.now)
    const later = new Date(time.now() + 60_000)
    for (let i = 0; i < 100_000; i++) cache.remember(`hash-${i}`, `acct_${i}`, later)
    cache.remember('hash-new', 'acct_new', later)
    expect(cache.accountFor('hash-0')).toBeUndefined()
    expect(cache.accountFor('hash-1')).toBe('acct_1')
    expect(cache.accountFor('hash-new')).toBe('acct_new')
  })
})
