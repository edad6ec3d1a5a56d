// A content script asks which of the posts it just showed the reader has tipped, to mark their buttons.
import { db } from '../../db.ts'
import type { Handler } from './caller.ts'

export const postsTipped: Handler<'posts.tipped'> = async ({ site, postIds }) => {
  const found = await db.tipped.bulkGet(postIds.map((postId) => `${site}:${postId}`))
  return postIds.filter((_, i) => found[i] !== undefined)
}
