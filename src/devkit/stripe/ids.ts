// Object ids that look like Stripe's: a type prefix and a random tail (test-mode sessions carry
// `cs_test_`, like the real ones, so code that inspects the prefix behaves the same).
import { randomBytes } from 'node:crypto'

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

export function newId(prefix: string, length = 24): string {
  const bytes = randomBytes(length)
  let tail = ''
  for (const byte of bytes) tail += ALPHABET[byte % ALPHABET.length]
  return `${prefix}_${tail}`
}

export function unixNow(): number {
  return Math.floor(Date.now() / 1000)
}
