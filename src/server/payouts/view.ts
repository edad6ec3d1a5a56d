// What a creator sees of payouts: whether their Stripe account is ready, what they can withdraw
// in each currency and its minimum, and their payouts, newest first.
import type { Payout, PayoutsView } from '../../shared/api.ts'
import { limitsFor, type CurrencyCode } from '../../shared/currencies.ts'
import type { Tx } from '../db/index.ts'
import { earningsOf } from '../ledger/index.ts'
import { payoutAccountOf } from './accounts.ts'

export const RECENT_PAYOUTS = 50

interface PayoutRow {
  id: string
  amount: number
  currency: CurrencyCode
  status: Payout['status']
  failure: string | null
  created_at: Date
}

const PAYOUT_COLUMNS = 'id, amount, currency, status, failure, created_at'

export async function payoutsView(db: Tx, accountId: string): Promise<PayoutsView> {
  const account = await payoutAccountOf(db, accountId)
  const { rows: earnings } = await db.query<{ currency: CurrencyCode; balance: number }>(
    'SELECT currency, balance FROM ledger_accounts WHERE name = $1 ORDER BY currency',
    [earningsOf(accountId)],
  )
  const { rows: payouts } = await db.query<PayoutRow>(
    `SELECT ${PAYOUT_COLUMNS} FROM payouts WHERE account_id = $1 ORDER BY created_at DESC, id LIMIT $2`,
    [accountId, RECENT_PAYOUTS],
  )
  return {
    account: {
      connected: account !== null,
      detailsSubmitted: account?.detailsSubmitted ?? false,
      payoutsEnabled: account?.ready ?? false,
    },
    balances: earnings.map((row) => ({
      currency: row.currency,
      available: Number(row.balance),
      minimum: limitsFor(row.currency).payout.min,
    })),
    payouts: payouts.map(toPayout),
  }
}

export async function payoutView(db: Tx, payoutId: string): Promise<Payout | null> {
  const { rows } = await db.query<PayoutRow>(`SELECT ${PAYOUT_COLUMNS} FROM payouts WHERE id = $1`, [payoutId])
  return rows[0] ? toPayout(rows[0]) : null
}

function toPayout(row: PayoutRow): Payout {
  return {
    id: row.id,
    amount: Number(row.amount),
    currency: row.currency,
    status: row.status,
    failure: row.failure,
    createdAt: new Date(row.created_at).toISOString(),
  }
}
