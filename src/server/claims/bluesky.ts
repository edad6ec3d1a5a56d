// Bluesky: the code in the profile's description (app.bsky.actor.getProfile) or in a post's text
// (app.bsky.feed.getPostThread), read from the public AppView.
import { codeNotFound, handleMismatch, proofNotFound, proofUrlInvalid } from './refusals.ts'
import { carriesCode, type ReadPublicJson } from './public-json.ts'
import type { ProofQuestion } from './checkers.ts'

interface Profile {
  handle?: string
  description?: string
}
interface Thread {
  thread?: { post?: { author?: { handle?: string }; record?: { text?: string } } }
}

export async function checkBluesky(base: string, q: ProofQuestion, read: ReadPublicJson): Promise<void> {
  if (q.proofUrl) return checkPost(base, q, q.proofUrl, read)
  const url = new URL(`${base}/xrpc/app.bsky.actor.getProfile`)
  url.searchParams.set('actor', q.handle)
  const answer = await read('Bluesky', url)
  if (!answer.found) throw proofNotFound(`The Bluesky profile @${q.handle}`)
  const profile = answer.body as Profile
  if (profile.handle?.toLowerCase() !== q.handle) throw handleMismatch(q.handle, profile.handle ?? 'someone else')
  if (!carriesCode(profile.description ?? '', q.code)) throw codeNotFound(`the bio of @${q.handle} on Bluesky`, q.code)
}

/** https://bsky.app/profile/<handle or did>/post/<rkey> */
async function checkPost(base: string, q: ProofQuestion, proofUrl: URL, read: ReadPublicJson): Promise<void> {
  const path = /^\/profile\/([^/]+)\/post\/([A-Za-z0-9]+)\/?$/.exec(proofUrl.pathname)
  if (proofUrl.hostname !== 'bsky.app' || !path) {
    throw proofUrlInvalid('a Bluesky post link looks like https://bsky.app/profile/<handle>/post/<id>.')
  }
  const url = new URL(`${base}/xrpc/app.bsky.feed.getPostThread`)
  url.searchParams.set('uri', `at://${decodeURIComponent(path[1]!)}/app.bsky.feed.post/${path[2]}`)
  url.searchParams.set('depth', '0')
  const answer = await read('Bluesky', url)
  const post = answer.found ? (answer.body as Thread).thread?.post : undefined
  if (!post) throw proofNotFound(`The Bluesky post ${proofUrl.href}`)
  const author = post.author?.handle?.toLowerCase() ?? ''
  if (author !== q.handle) throw handleMismatch(q.handle, author || 'someone else')
  if (!carriesCode(post.record?.text ?? '', q.code)) throw codeNotFound(`the Bluesky post ${proofUrl.href}`, q.code)
}
