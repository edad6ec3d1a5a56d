// Every tip a creator received, newest first, a page at a time, for the dashboard's history and
// its CSV export. The cursor is the last row's (created_at, id): a tip claimed out of escrow keeps
// the time it was sent, so pages are ordered by that and never by arrival in earnings.
import type { ReceivedTip, ReceivedTipsPage } from '../../shared/api.ts'
import type { CurrencyCode } from '../../shared/currencies.ts'
import type { Tx } from '../db/index.ts'

export const RECEIVED_PAGE_SIZE = 500

interface Row {
  id: string
  site: ReceivedTip['site']
  handle: string
  post_id: string | null
  post_url: string | null
  net_amount: number
  currency: CurrencyCode
  note: string | null
  from_account: string
  created_at: Date
}
export interface ReceivedCursor {
  at: string
  id: string
}

/** undefined: no cursor given; null: one this API never gave out. */
export function parseReceivedCursor(cursor: string | undefined): ReceivedCursor | null | undefined {
  if (cursor === undefined) return undefined
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    if (!Array.isArray(parsed) || parsed.length !== 2) return null
    const [at, id] = parsed as unknown[]
    if (typeof at !== 'string' || typeof id !== 'string' || Number.isNaN(Date.parse(at))) return null
    return { at, id }
  } catch {
    return null
  }
}

export async function receivedTipsPage(
  db: Tx,
  accountId: string,
  after: ReceivedCursor | undefined,
  limit = RECEIVED_PAGE_SIZE,
): Promise<ReceivedTipsPage> {
  const { rows } = await db.query<Row>(
    `SELECT id, site, handle, post_id, post_url, net_amount, currency, note, from_account, created_at FROM tips
     WHERE recipient_account = $1 AND ($2::timestamptz IS NULL OR (created_at, id) < ($2::timestamptz, $3::text))
     ORDER BY created_at DESC, id DESC LIMIT $4`,
    [accountId, after?.at ?? null, after?.id ?? null, limit + 1],
  )
  const page = rows.slice(0, limit)
  const last = page[page.length - 1]
  return {
    items: page.map((t) => ({
      id: t.id,
      site: t.site,
      handle: t.handle,
      postId: t.post_id,
      postUrl: t.post_url,
      amount: t.net_amount,
      currency: t.currency,
      note: t.note,
      from: t.from_account,
      at: t.created_at.toISOString(),
    })),
    nextCursor:
      rows.length > limit && last
        ? Buffer.from(JSON.stringify([last.created_at.toISOString(), last.id])).toString('base64url')
        : null,
  }
}
