// What a creator sees: the handles they claimed, what they earned, and the tips that came in.
import type { CreatorView, ReceivedTip } from '../../shared/api.ts'
import { receivedTipsPage } from './creator-tips.ts'
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
  // The newest tips: the first page of the full history the dashboard pages through.
  const { items: tips } = await receivedTipsPage(db, accountId, undefined, RECENT_TIPS)
  return {
    handles: handles.map((h) => ({ site: h.site, handle: h.handle, claimedAt: h.claimed_at.toISOString() })),
    earnings,
    tips,
  }
}
