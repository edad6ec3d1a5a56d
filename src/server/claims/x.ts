// X: only a post proves a handle (X offers no public bio lookup); its oEmbed answer carries the
// post's text in `html` and its author in `author_url`.
import { codeNotFound, handleMismatch, proofNotFound, proofUrlInvalid } from './refusals.ts'
import { carriesCode, type ReadPublicJson, textOfHtml } from './public-json.ts'
import type { ProofQuestion } from './checkers.ts'

interface OEmbed {
  author_url?: string
  html?: string
}

const HOSTS = new Set(['x.com', 'twitter.com', 'www.x.com', 'www.twitter.com', 'mobile.twitter.com'])

export async function checkX(base: string, q: ProofQuestion, read: ReadPublicJson): Promise<void> {
  if (!q.proofUrl) throw proofUrlInvalid('on X the code must be in a post: paste the post\'s link.')
  if (!HOSTS.has(q.proofUrl.hostname) || !/^\/[A-Za-z0-9_]+\/status\/\d+\/?$/.test(q.proofUrl.pathname)) {
    throw proofUrlInvalid('a post on X looks like https://x.com/<handle>/status/<number>.')
  }
  const url = new URL(`${base}/oembed`)
  url.searchParams.set('url', q.proofUrl.href)
  const answer = await read('X', url)
  if (!answer.found) throw proofNotFound(`The post ${q.proofUrl.href}`)
  const embed = answer.body as OEmbed
  const author = embed.author_url?.replace(/\/+$/, '').split('/').pop()?.toLowerCase() ?? ''
  if (author !== q.handle) throw handleMismatch(q.handle, author || 'someone else')
  if (!carriesCode(textOfHtml(embed.html ?? ''), q.code)) throw codeNotFound(`the post ${q.proofUrl.href}`, q.code)
}
