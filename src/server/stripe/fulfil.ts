// Crediting a paid Checkout Session to its wallet. Called by the webhook and by the return page,
// whichever comes first; the topups row (locked) and the ledger's key on the session id make the
// second call a no-op.
import type Stripe from 'stripe'
import { fromStripeAmount, isSupportedCurrency } from '../../shared/currencies.ts'
import type { Tx } from '../db/index.ts'
import { creditWallet } from '../ledger/index.ts'
import type { Services } from '../services.ts'
import { firstDelivery, type EventRef } from './events.ts'

export type TopupStatus = 'paid' | 'processing' | 'failed' | 'expired' | 'unknown'

interface TopupRow {
  account_id: string
  status: string
}

export async function fulfilCheckoutSession(s: Services, sessionId: string, event?: EventRef): Promise<TopupStatus> {
  const session = await s.stripe.checkout.sessions.retrieve(sessionId)
  return s.db.transaction(async (tx) => {
    if (event && !(await firstDelivery(tx, event))) return statusOf(session)
    const topup = await lockTopup(tx, session)
    if (!topup) return 'unknown'
    if (topup.status === 'paid') return 'paid'
    if (session.payment_status !== 'paid') return statusOf(session)

    const currency = (session.currency ?? '').toUpperCase()
    if (!isSupportedCurrency(currency) || session.amount_total === null) {
      throw new Error(`Checkout Session ${session.id} has no usable amount (${session.amount_total} ${currency})`)
    }
    const amount = fromStripeAmount(session.amount_total, currency)
    const transactionId = await creditWallet(tx, 'topup', {
      accountId: topup.account_id,
      amount,
      currency,
      reference: session.id,
    })
    await tx.query(
      `UPDATE topups SET status = 'paid', payment_intent = $2, transaction_id = coalesce($3, transaction_id)
       WHERE checkout_session_id = $1`,
      [session.id, idOf(session.payment_intent), transactionId],
    )
    return 'paid'
  })
}

/** Marks an unpaid top-up as failed or expired; a paid one is never downgraded. */
export async function closeTopup(tx: Tx, sessionId: string, status: 'failed' | 'expired'): Promise<void> {
  await tx.query(`UPDATE topups SET status = $2 WHERE checkout_session_id = $1 AND status = 'open'`, [sessionId, status])
}

/**
 * The row saved when the session was created, or one rebuilt from the session's metadata if the
 * API stopped between Stripe's answer and that insert.
 */
async function lockTopup(tx: Tx, session: Stripe.Checkout.Session): Promise<TopupRow | null> {
  const accountId = session.metadata?.accountId
  if (session.metadata?.purpose === 'topup' && accountId) {
    await tx.query(
      `INSERT INTO topups (checkout_session_id, account_id, idempotency_key, request_hash, checkout_url, amount, currency)
       SELECT $1, $2, $1, '', $3, $4, $5 WHERE EXISTS (SELECT 1 FROM accounts WHERE id = $2)
       ON CONFLICT DO NOTHING`,
      [session.id, accountId, session.url, session.amount_total ?? 0, (session.currency ?? '').toUpperCase()],
    )
  }
  const { rows } = await tx.query<TopupRow>(
    'SELECT account_id, status FROM topups WHERE checkout_session_id = $1 FOR UPDATE',
    [session.id],
  )
  return rows[0] ?? null
}

function statusOf(session: Stripe.Checkout.Session): TopupStatus {
  if (session.payment_status === 'paid') return 'paid'
  if (session.status === 'expired') return 'expired'
  return 'processing'
}

export const idOf = (ref: string | { id: string } | null): string | null => (typeof ref === 'string' ? ref : (ref?.id ?? null))
