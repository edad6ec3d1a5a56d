// The ledger's invariants as queries over the whole database: each returns the rows that break
// one, so a passing check is four empty lists.
import type { Tx } from '../../../src/server/db/index.ts'

export async function ledgerViolations(db: Tx) {
  const rows = async (sql: string) => (await db.query(sql)).rows
  return {
    /** Every transaction's entries sum to zero per currency. */
    unbalanced: await rows(
      `SELECT transaction_id, currency, sum(amount)::bigint AS off FROM ledger_entries
       GROUP BY transaction_id, currency HAVING sum(amount) <> 0`,
    ),
    /** No wallet (nor earnings, nor escrow) below zero. */
    negative: await rows(
      `SELECT name, currency, balance FROM ledger_accounts
       WHERE balance < 0 AND name SIMILAR TO '(wallet|earnings|escrow):%'`,
    ),
    /** Every cached balance equals the sum of its entries. */
    stale: await rows(
      `SELECT a.name, a.currency, a.balance, coalesce(sum(e.amount), 0)::bigint AS entries
       FROM ledger_accounts a LEFT JOIN ledger_entries e ON e.ledger_account_id = a.id
       GROUP BY a.id HAVING a.balance <> coalesce(sum(e.amount), 0)`,
    ),
    /** Money is conserved: all accounts, stripe:clearing included, sum to zero per currency. */
    unconserved: await rows(
      'SELECT currency, sum(balance)::bigint AS total FROM ledger_accounts GROUP BY currency HAVING sum(balance) <> 0',
    ),
  }
}

export const NO_VIOLATIONS = { unbalanced: [], negative: [], stale: [], unconserved: [] }
