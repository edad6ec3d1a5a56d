// A person's history, newest first, a page at a time. The cursor is the last row's id: rows are
// only ever appended, so a page never shifts under a reader who is paging back.
import type { ActivityItem } from '../../shared/api.ts'
import type { Tx } from '../db/index.ts'
import type { CurrencyCode } from '../../shared/currencies.ts'

export const PAGE_SIZE = 50

interface Row {
  id: number
  kind: ActivityItem['kind']
  amount: number
  currency: CurrencyCode
  at: Date
  site: ActivityItem['site']
  handle: string | null
  post_id: string | null
  post_url: string | null
  note: string | null
}

export function parseCursor(cursor: string | undefined): number | null {
  if (cursor === undefined) return null
  const id = Number(Buffer.from(cursor, 'base64url').toString('utf8'))
  return Number.isSafeInteger(id) && id > 0 ? id : Number.NaN
}

/** An item id this API gave out (act_<n>) as its row id; NaN for anything else. */
export function parseItemId(id: string): number {
  const match = /^act_(\d{1,15})$/.exec(id)
  return match ? Number(match[1]) : Number.NaN
}

/**
 * Items newer than the one the client holds, newest first: the PAGE_SIZE oldest of them, so a
 * client that asks again from the newest it got misses nothing. A full page means ask again.
 */
export async function activitySince(db: Tx, accountId: string, after: number): Promise<{ items: ActivityItem[]; nextCursor: null }> {
  const { rows } = await db.query<Row>(
    `SELECT * FROM (
       SELECT a.id, a.kind, a.amount, a.currency, a.at, t.site, t.handle, t.post_id, t.post_url, t.note
       FROM activity a LEFT JOIN tips t ON t.id = a.tip_id
       WHERE a.account_id = $1 AND a.id > $2
       ORDER BY a.id ASC LIMIT $3
     ) newer ORDER BY id DESC`,
    [accountId, after, PAGE_SIZE],
  )
  return { items: rows.map(toItem), nextCursor: null }
}

function toItem(r: Row): ActivityItem {
  return {
    id: `act_${r.id}`,
    kind: r.kind,
    amount: r.amount,
    currency: r.currency,
    at: r.at.toISOString(),
    site: r.site,
    handle: r.handle,
    postId: r.post_id,
    postUrl: r.post_url,
    note: r.note,
  }
}

export async function activityPage(
  db: Tx,
  accountId: string,
  before: number | null,
  limit = PAGE_SIZE,
): Promise<{ items: ActivityItem[]; nextCursor: string | null }> {
  const { rows } = await db.query<Row>(
    `SELECT a.id, a.kind, a.amount, a.currency, a.at, t.site, t.handle, t.post_id, t.post_url, t.note
     FROM activity a LEFT JOIN tips t ON t.id = a.tip_id
     WHERE a.account_id = $1 AND ($2::bigint IS NULL OR a.id < $2)
     ORDER BY a.id DESC LIMIT $3`,
    [accountId, before, limit + 1],
  )
  const page = rows.slice(0, limit)
  const last = page[page.length - 1]
  return {
    items: page.map(toItem),
    nextCursor: rows.length > limit && last ? Buffer.from(String(last.id)).toString('base64url') : null,
  }
}
