// Money arriving from and going back to Stripe: top-ups, refunds and disputes. New money pays
// off any debt first; money taken back comes out of the unspent balance, the rest becomes debt.
import type { Tx } from '../db/index.ts'
import { CLEARING, debtOf, lockAccounts, pick, walletOf } from './accounts.ts'
import { open, post, recordActivity, type TransactionKind } from './post.ts'

export interface Movement {
  accountId: string
  amount: number
  currency: string
  /** Stripe's id for what caused it (Checkout Session, charge, dispute), for the audit trail. */
  reference: string
}

/** Stripe → wallet. Returns the ledger transaction id, or null if this reference was already credited. */
export async function creditWallet(
  tx: Tx,
  kind: Extract<TransactionKind, 'topup' | 'dispute_won'>,
  m: Movement,
): Promise<string | null> {
  const opened = await open(tx, kind, { scope: `stripe:${kind}`, key: m.reference, requestHash: '' }, {
    reference: m.reference,
  })
  if (opened.replay !== undefined) return null
  const wallet = { name: walletOf(m.accountId), currency: m.currency }
  const debt = { name: debtOf(m.accountId), currency: m.currency }
  const clearing = { name: CLEARING, currency: m.currency }
  const locked = await lockAccounts(tx, [wallet, debt, clearing])
  const settled = Math.min(-pick(locked, debt).balance, m.amount)
  await post(tx, opened.id, [
    { account: pick(locked, clearing), amount: -m.amount },
    { account: pick(locked, debt), amount: settled },
    { account: pick(locked, wallet), amount: m.amount - settled },
  ])
  await recordActivity(tx, {
    accountId: m.accountId,
    kind: kind === 'topup' ? 'topup' : 'dispute',
    amount: m.amount,
    currency: m.currency,
    transactionId: opened.id,
  })
  return opened.id
}

/** Wallet → Stripe, for a refund or a dispute. Whatever was already spent is recorded as debt. */
export async function takeBack(tx: Tx, kind: Extract<TransactionKind, 'refund' | 'dispute'>, m: Movement): Promise<string> {
  const opened = await open(tx, kind, undefined, { reference: m.reference })
  const wallet = { name: walletOf(m.accountId), currency: m.currency }
  const debt = { name: debtOf(m.accountId), currency: m.currency }
  const clearing = { name: CLEARING, currency: m.currency }
  const locked = await lockAccounts(tx, [wallet, debt, clearing])
  const fromWallet = Math.min(pick(locked, wallet).balance, m.amount)
  await post(tx, opened.id, [
    { account: pick(locked, wallet), amount: -fromWallet },
    { account: pick(locked, debt), amount: -(m.amount - fromWallet) },
    { account: pick(locked, clearing), amount: m.amount },
  ])
  await recordActivity(tx, {
    accountId: m.accountId,
    kind,
    amount: -m.amount,
    currency: m.currency,
    transactionId: opened.id,
  })
  return opened.id
}
