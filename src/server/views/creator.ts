// What a creator sees: the handles they claimed, what they earned, and the tips that came in.
import type { CreatorView, ReceivedTip } from '../../shared/api.ts'
import type { Tx } from '../db/index.ts'
import { earningsOf } from '../ledger/index.ts'
import type { CurrencyCode } from '../../shared/currencies.ts'

export const RECENT_TIPS = 100

export async function creatorView(db: Tx, accountId: string): Promise<CreatorView> {
  const { rows: handles } = await db.query<{ site: ReceivedTip['site']; handle: string; claimed_at: Date }>(
    'SELECT site, handle, claimed_at FROM handle_claims WHERE account_id = $1 ORDER BY claimed_at',
    [accountId],
  )
  const { rows: earnings } = await db.query<{ currency: CurrencyCode; amount: number }>(
    'SELECT currency, balance AS amount FROM ledger_accounts WHERE name = $1 ORDER BY currency',
    [earningsOf(accountId)],
  )
  const { rows: tips } = await db.query<{
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
  }>(
    `SELECT id, site, handle, post_id, post_url, net_amount, currency, note, from_account, created_at FROM tips
     WHERE recipient_account = $1 ORDER BY created_at DESC, id DESC LIMIT $2`,
    [accountId, RECENT_TIPS],
  )
  return {
    handles: handles.map((h) => ({ site: h.site, handle: h.handle, claimedAt: h.claimed_at.toISOString() })),
    earnings,
    tips: tips.map((t) => ({
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
  }
}
