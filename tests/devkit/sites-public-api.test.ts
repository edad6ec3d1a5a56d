// The site stand-ins' public lookups, which handle claims read: Bluesky's AppView and a Mastodon
// instance's REST API, answering in the shapes the real services use.
import { describe, expect, test } from 'vitest'
import { answerBlueskyApi, blueskyWorld } from '../../src/devkit/sites/bluesky/index.ts'
import { answerMastodonApi, mastodonWorld } from '../../src/devkit/sites/mastodon/index.ts'

describe('Bluesky AppView stand-in', () => {
  const world = blueskyWorld({ posts: 20, descriptions: { 'nour.example.com': 'tipline-claim-7f3a' } })
  const ask = (path: string) => answerBlueskyApi(new URL(path, 'https://public.api.bsky.app'), world)

  test('getProfile by handle or DID answers the profile with its description', () => {
    const byHandle = ask('/xrpc/app.bsky.actor.getProfile?actor=nour.example.com')
    expect(byHandle).toMatchObject({ status: 200, body: { handle: 'nour.example.com', description: 'tipline-claim-7f3a', did: expect.stringMatching(/^did:plc:/) } })
    const did = (byHandle.body as { did: string }).did
    expect(ask(`/xrpc/app.bsky.actor.getProfile?actor=${did}`).body).toEqual(byHandle.body)
  })

  test('an unknown profile is a 400 with an error name, as the AppView answers', () => {
    expect(ask('/xrpc/app.bsky.actor.getProfile?actor=nobody.example.com')).toEqual({
      status: 400,
      body: { error: 'InvalidRequest', message: 'Profile not found' },
    })
  })

  test('getPostThread finds a post by an at:// URI with a handle or a DID', () => {
    const post = world.posts[3]!
    for (const authority of [post.author.handle, post.author.did]) {
      const answer = ask(`/xrpc/app.bsky.feed.getPostThread?uri=${encodeURIComponent(`at://${authority}/app.bsky.feed.post/${post.rkey}`)}`)
      expect(answer).toMatchObject({
        status: 200,
        body: { thread: { $type: 'app.bsky.feed.defs#threadViewPost', post: { uri: `at://${post.author.did}/app.bsky.feed.post/${post.rkey}`, record: { text: post.text } } } },
      })
    }
    expect(ask(`/xrpc/app.bsky.feed.getPostThread?uri=${encodeURIComponent(`at://${post.author.handle}/app.bsky.feed.post/nope`)}`)).toMatchObject({
      status: 400,
      body: { error: 'NotFound' },
    })
  })
})

describe('Mastodon instance stand-in', () => {
  const world = mastodonWorld('mastodon.social', { statuses: 20, notes: { 'nour@mastodon.social': '<p>tipline-claim-7f3a</p>' } })
  const ask = (path: string) => answerMastodonApi(new URL(path, 'https://mastodon.social'), world)

  test('accounts/lookup finds a local account by username or user@instance, with its note', () => {
    const local = ask('/api/v1/accounts/lookup?acct=nour')
    expect(local).toMatchObject({ status: 200, body: { username: 'nour', acct: 'nour', note: '<p>tipline-claim-7f3a</p>', url: 'https://mastodon.social/@nour' } })
    expect(ask('/api/v1/accounts/lookup?acct=nour@mastodon.social').body).toEqual(local.body)
  })

  test('a remote account keeps its domain in acct', () => {
    expect(ask('/api/v1/accounts/lookup?acct=grace@hachyderm.io')).toMatchObject({
      status: 200,
      body: { acct: 'grace@hachyderm.io', url: 'https://hachyderm.io/@grace' },
    })
    expect(ask('/api/v1/accounts/lookup?acct=grace')).toEqual({ status: 404, body: { error: 'Record not found' } })
  })

  test('statuses/:id answers the status with its author and HTML content', () => {
    const status = world.statuses[5]!
    expect(ask(`/api/v1/statuses/${status.id}`)).toMatchObject({
      status: 200,
      body: { id: status.id, account: { username: status.account.username }, content: expect.stringContaining('<p>') },
    })
    expect(ask('/api/v1/statuses/1')).toEqual({ status: 404, body: { error: 'Record not found' } })
  })
})
