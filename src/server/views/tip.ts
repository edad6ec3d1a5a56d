// One tip, as its receipt, for the tipper or the creator it reached and nobody else.
import type { TipReceipt } from '../../shared/api.ts'
import type { Tx } from '../db/index.ts'

export async function tipReceipt(db: Tx, tipId: string, viewer: string): Promise<TipReceipt | null> {
  const { rows } = await db.query<{ response: TipReceipt; from_account: string; recipient_account: string | null }>(
    `SELECT lt.response, t.from_account, t.recipient_account FROM tips t JOIN ledger_transactions lt ON lt.id = t.id
     WHERE t.id = $1 AND (t.from_account = $2 OR t.recipient_account = $2)`,
    [tipId, viewer],
  )
  const row = rows[0]
  if (!row) return null
  // The stored receipt is the tipper's answer at the time: where the money sits now may have
  // changed, and the tipper's balance is nobody else's business.
  return {
    ...row.response,
    credited: row.recipient_account ? 'earnings' : 'escrow',
    balanceAfter: row.from_account === viewer ? row.response.balanceAfter : 0,
  }
}
