// What a reader sees of their own money.
import type { SiteId, WalletView } from '../../shared/api.ts'
import type { Tx } from '../db/index.ts'
import { balanceOf, debtOf, walletOf } from '../ledger/index.ts'
import type { CurrencyCode } from '../../shared/currencies.ts'

export async function walletView(db: Tx, accountId: string): Promise<WalletView> {
  const { rows } = await db.query<{ wallet_currency: CurrencyCode | null }>(
    'SELECT wallet_currency FROM accounts WHERE id = $1',
    [accountId],
  )
  const currency = rows[0]?.wallet_currency ?? null
  const { rows: escrowed } = await db.query<{
    site: SiteId
    handle: string
    amount: number
    currency: CurrencyCode
    returns_at: Date
  }>(
    `SELECT site, handle, net_amount AS amount, currency, returns_at FROM tips
     WHERE from_account = $1 AND recipient_account IS NULL AND returned_at IS NULL ORDER BY created_at DESC`,
    [accountId],
  )
  return {
    accountId,
    currency,
    balance: currency ? await balanceOf(db, { name: walletOf(accountId), currency }) : 0,
    debt: currency ? -(await balanceOf(db, { name: debtOf(accountId), currency })) : 0,
    escrowed: escrowed.map(({ returns_at, ...t }) => ({ ...t, returnsAt: returns_at.toISOString() })),
  }
}
