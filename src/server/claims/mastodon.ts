// Mastodon: the code in the account's note (GET /api/v1/accounts/lookup) or in a status's content
// (GET /api/v1/statuses/:id), asked of the handle's own instance: user@instance.
import { codeNotFound, handleInvalid, handleMismatch, proofNotFound, proofUrlInvalid } from './refusals.ts'
import { carriesCode, type ReadPublicJson, textOfHtml } from './public-json.ts'
import type { ProofQuestion } from './checkers.ts'

interface Account {
  acct?: string
  note?: string
}
interface Status {
  content?: string
  account?: Account
}

// A DNS name only: the instance is typed by the creator, and a handle such as nour@127.0.0.1 is
// refused as soon as it is typed. A name that resolves to an address of the API's own network is
// refused when the check connects (public-address.ts).
const INSTANCE = /^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/

/** user@instance → its parts; refuses a handle without an instance, since that is where it is checked. */
export function mastodonAccount(handle: string): { user: string; instance: string } {
  const [user, instance, extra] = handle.split('@')
  if (!user || !instance || extra !== undefined || !INSTANCE.test(instance)) {
    throw handleInvalid('a Mastodon handle names its instance, like nour@mastodon.social.')
  }
  return { user, instance }
}

export async function checkMastodon(base: string | null, q: ProofQuestion, read: ReadPublicJson): Promise<void> {
  const { user, instance } = mastodonAccount(q.handle)
  const api = `${base ? `${base}/${instance}` : `https://${instance}`}/api/v1`
  // An account on its own instance has acct "user"; the same account seen elsewhere is user@instance.
  const isOwner = (acct: string | undefined) => acct?.toLowerCase() === user || acct?.toLowerCase() === q.handle
  const where = `Mastodon (${instance})`

  if (!q.proofUrl) {
    const url = new URL(`${api}/accounts/lookup`)
    url.searchParams.set('acct', user)
    const answer = await read(where, url)
    if (!answer.found) throw proofNotFound(`The Mastodon account @${q.handle}`)
    const account = answer.body as Account
    if (!isOwner(account.acct)) throw handleMismatch(q.handle, account.acct ?? 'someone else')
    if (!carriesCode(textOfHtml(account.note ?? ''), q.code)) throw codeNotFound(`the bio of @${q.handle}`, q.code)
    return
  }

  const id = /^\/@[^/]+\/(\d+)\/?$/.exec(q.proofUrl.pathname)?.[1]
  if (q.proofUrl.hostname !== instance || !id) {
    throw proofUrlInvalid(`a post of @${q.handle} looks like https://${instance}/@${user}/<number>.`)
  }
  const answer = await read(where, new URL(`${api}/statuses/${id}`))
  if (!answer.found) throw proofNotFound(`The Mastodon post ${q.proofUrl.href}`)
  const status = answer.body as Status
  if (!isOwner(status.account?.acct)) throw handleMismatch(q.handle, status.account?.acct ?? 'someone else')
  if (!carriesCode(textOfHtml(status.content ?? ''), q.code)) throw codeNotFound(`the Mastodon post ${q.proofUrl.href}`, q.code)
}
