// The creators table on fake-indexeddb: names from posts, claim state from receipts and the
// creator's own view, and no write (so no popup repaint) when nothing changed.
import './background-fake-browser.ts'
import 'fake-indexeddb/auto'
import { liveQuery } from 'dexie'
import { beforeEach, expect, test } from 'vitest'
import type { TipReceipt } from '../../src/shared/api.ts'
import type { PostRef } from '../../src/shared/messages.ts'
import { db } from '../../src/extension/db.ts'
import { noteNameFromPost, noteOwnHandles, noteReceipt } from '../../src/extension/background/creators.ts'
import { namesFor, who } from '../../src/extension/popup/creator-names.ts'

const post = (displayName: string | null): PostRef => ({ site: 'bluesky', handle: 'ada.example.com', postId: '3kabc', postUrl: null, displayName })
const receipt = (credited: TipReceipt['credited']): TipReceipt => ({
  id: 'tip_1', site: 'bluesky', handle: 'ada.example.com', postId: '3kabc', amount: 100, currency: 'USD', credited, balanceAfter: 0, createdAt: new Date().toISOString(),
})
const known = () => db.creators.get(['bluesky', 'ada.example.com'])

beforeEach(() => db.creators.clear())

test('a post gives the name, an escrow receipt says unclaimed, the creator view says claimed', async () => {
  await noteNameFromPost(post('Ada'))
  expect(await known()).toEqual({ site: 'bluesky', handle: 'ada.example.com', claimed: null, displayName: 'Ada' })
  await noteReceipt(receipt('escrow'))
  expect(await known()).toMatchObject({ claimed: false, displayName: 'Ada' })
  await noteNameFromPost(post(null))
  expect(await known()).toMatchObject({ displayName: 'Ada' })
  await noteOwnHandles({ handles: [{ site: 'bluesky', handle: 'ada.example.com', claimedAt: new Date().toISOString() }], earnings: [], tips: [] })
  expect(await known()).toMatchObject({ claimed: true, displayName: 'Ada' })
})

test('learning what is already known writes nothing', async () => {
  await noteNameFromPost(post('Ada'))
  await noteReceipt(receipt('earnings'))
  let answers = 0
  const subscription = liveQuery(() => db.creators.toArray()).subscribe({ next: () => answers++ })
  await new Promise((resolve) => setTimeout(resolve, 100))
  await noteNameFromPost(post('Ada'))
  await noteReceipt(receipt('earnings'))
  await new Promise((resolve) => setTimeout(resolve, 100))
  subscription.unsubscribe()
  expect(answers).toBe(1)
})

test('the popup names a handle only once a post showed its name', async () => {
  await noteNameFromPost(post('Ada'))
  const names = await namesFor([{ site: 'bluesky', handle: 'ada.example.com' }, { site: 'x', handle: 'stranger' }, { site: null, handle: null }])
  expect(who('bluesky', 'ada.example.com', names)).toBe('@ada.example.com (Ada)')
  expect(who('x', 'stranger', names)).toBe('@stranger')
})
