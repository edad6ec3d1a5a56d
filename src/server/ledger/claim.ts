// A claim: the handle becomes this account's, and everything waiting in its escrow moves to the
// account's earnings in the same transaction.
import type { Tx } from '../db/index.ts'
import { earningsOf, escrowOf, lockAccounts, pick } from './accounts.ts'
import { LedgerError } from './errors.ts'
import { lockHandle, normaliseHandle } from './handles.ts'
import { open, post, recordActivity } from './post.ts'

export async function claimHandle(tx: Tx, accountId: string, site: string, rawHandle: string): Promise<void> {
  const handle = normaliseHandle(rawHandle)
  await lockHandle(tx, site, handle)
  await tx.query(
    'INSERT INTO handle_claims (site, handle, account_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
    [site, handle, accountId],
  )
  const { rows: owner } = await tx.query<{ account_id: string }>(
    'SELECT account_id FROM handle_claims WHERE site = $1 AND handle = $2',
    [site, handle],
  )
  if (owner[0]?.account_id !== accountId) {
    throw new LedgerError('handle_taken', `${handle} on ${site} is already claimed by another account.`, 'handle')
  }
  const { rows: waiting } = await tx.query<{ id: string; net_amount: number; currency: string }>(
    `SELECT id, net_amount, currency FROM tips
     WHERE site = $1 AND lower(handle) = $2 AND recipient_account IS NULL AND returned_at IS NULL
     ORDER BY created_at`,
    [site, handle],
  )
  if (waiting.length === 0) return

  const totals = new Map<string, number>()
  for (const t of waiting) totals.set(t.currency, (totals.get(t.currency) ?? 0) + t.net_amount)
  const refs = [...totals.keys()].flatMap((currency) => [
    { name: escrowOf(site, handle), currency },
    { name: earningsOf(accountId), currency },
  ])
  const locked = await lockAccounts(tx, refs)
  const opened = await open(tx, 'claim', undefined, { site, handle, tips: waiting.map((t) => t.id) })
  await post(
    tx,
    opened.id,
    [...totals].flatMap(([currency, total]) => [
      { account: pick(locked, { name: escrowOf(site, handle), currency }), amount: -total },
      { account: pick(locked, { name: earningsOf(accountId), currency }), amount: total },
    ]),
  )
  await tx.query('UPDATE tips SET recipient_account = $1 WHERE id = ANY($2::text[])', [accountId, waiting.map((t) => t.id)])
  for (const t of waiting) {
    await recordActivity(tx, {
      accountId, kind: 'tip_received', amount: t.net_amount, currency: t.currency, transactionId: opened.id, tipId: t.id,
    })
  }
}
