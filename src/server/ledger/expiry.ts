// Expiry: a tip nobody claimed within ESCROW_DAYS goes back from the handle's escrow to the
// tipper's wallet (paying off any debt first). One DB transaction per tip, under the same handle
// lock as tips and claims, so a claim and an expiry can never both take the same tip.
import type { Db, Tx } from '../db/index.ts'
import { debtOf, escrowOf, lockAccounts, pick, walletOf } from './accounts.ts'
import { lockHandle, normaliseHandle } from './handles.ts'
import { open, post, recordActivity } from './post.ts'

interface DueTip {
  id: string
  from_account: string
  site: string
  handle: string
  net_amount: number
  currency: string
}

const BATCH = 100

/** Returns every tip due back by `now`; resolves to how many went back. */
export async function returnExpiredTips(db: Db, now: Date = new Date()): Promise<number> {
  let returned = 0
  for (;;) {
    const { rows: due } = await db.query<{ id: string }>(
      `SELECT id FROM tips WHERE recipient_account IS NULL AND returned_at IS NULL AND returns_at <= $1
       ORDER BY returns_at LIMIT $2`,
      [now, BATCH],
    )
    for (const { id } of due) {
      if (await db.transaction((tx) => returnTip(tx, id, now))) returned++
    }
    if (due.length < BATCH) return returned
  }
}

async function returnTip(tx: Tx, tipId: string, now: Date): Promise<boolean> {
  const { rows: found } = await tx.query<{ site: string; handle: string }>('SELECT site, handle FROM tips WHERE id = $1', [tipId])
  const where = found[0]
  if (!where) return false
  await lockHandle(tx, where.site, where.handle)
  // Checked again under the lock: a claim or another sweeper may have taken it meanwhile.
  const { rows } = await tx.query<DueTip>(
    `SELECT id, from_account, site, handle, net_amount, currency FROM tips
     WHERE id = $1 AND recipient_account IS NULL AND returned_at IS NULL AND returns_at <= $2`,
    [tipId, now],
  )
  const tip = rows[0]
  if (!tip) return false

  const escrow = { name: escrowOf(tip.site, normaliseHandle(tip.handle)), currency: tip.currency }
  const wallet = { name: walletOf(tip.from_account), currency: tip.currency }
  const debt = { name: debtOf(tip.from_account), currency: tip.currency }
  const locked = await lockAccounts(tx, [escrow, wallet, debt])
  const settled = Math.min(-pick(locked, debt).balance, tip.net_amount)
  const opened = await open(tx, 'expiry', undefined, { tip: tip.id })
  await post(tx, opened.id, [
    { account: pick(locked, escrow), amount: -tip.net_amount },
    { account: pick(locked, debt), amount: settled },
    { account: pick(locked, wallet), amount: tip.net_amount - settled },
  ])
  await tx.query('UPDATE tips SET returned_at = $2 WHERE id = $1', [tip.id, now])
  // The contract has no activity kind for a returned tip yet; 'refund' with a positive amount
  // and the tip's post is the closest the extension can already show.
  await recordActivity(tx, {
    accountId: tip.from_account,
    kind: 'refund',
    amount: tip.net_amount,
    currency: tip.currency,
    transactionId: opened.id,
    tipId: tip.id,
  })
  return true
}
