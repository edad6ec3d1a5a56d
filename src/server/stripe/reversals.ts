// Money Stripe takes back after a top-up: refunds and disputes, found through the top-up's
// PaymentIntent. Stripe reports refunds cumulatively, so only the increase is reversed.
import type Stripe from 'stripe'
import { fromStripeAmount, isSupportedCurrency, type CurrencyCode } from '../../shared/currencies.ts'
import type { Tx } from '../db/index.ts'
import { creditWallet, takeBack } from '../ledger/index.ts'
import { idOf } from './fulfil.ts'

interface PaidTopup {
  checkout_session_id: string
  account_id: string
  currency: CurrencyCode
  refunded: number
}

export async function applyRefund(tx: Tx, charge: Stripe.Charge): Promise<void> {
  const topup = await paidTopupFor(tx, idOf(charge.payment_intent))
  if (!topup) return
  const refunded = fromStripeAmount(charge.amount_refunded, topup.currency)
  const increase = refunded - topup.refunded
  if (increase <= 0) return
  await takeBack(tx, 'refund', { accountId: topup.account_id, amount: increase, currency: topup.currency, reference: charge.id })
  await tx.query('UPDATE topups SET refunded = $2 WHERE checkout_session_id = $1', [topup.checkout_session_id, refunded])
}

export async function openDispute(tx: Tx, dispute: Stripe.Dispute): Promise<void> {
  const topup = await paidTopupFor(tx, idOf(dispute.payment_intent))
  if (!topup) return
  const amount = fromStripeAmount(dispute.amount, topup.currency)
  const { rowCount } = await tx.query(
    `INSERT INTO disputes (id, checkout_session_id, amount, status) VALUES ($1, $2, $3, 'reversed') ON CONFLICT DO NOTHING`,
    [dispute.id, topup.checkout_session_id, amount],
  )
  if (rowCount === 1) {
    await takeBack(tx, 'dispute', { accountId: topup.account_id, amount, currency: topup.currency, reference: dispute.id })
  }
}

/** A won dispute gives the money back to the wallet (paying any debt first); a lost one changes nothing more. */
export async function closeDispute(tx: Tx, dispute: Stripe.Dispute): Promise<void> {
  const { rows } = await tx.query<{ amount: number; account_id: string; currency: string }>(
    `SELECT d.amount, t.account_id, t.currency FROM disputes d JOIN topups t USING (checkout_session_id)
     WHERE d.id = $1 AND d.status = 'reversed' FOR UPDATE OF d`,
    [dispute.id],
  )
  const open = rows[0]
  if (!open) return
  await tx.query('UPDATE disputes SET status = $2 WHERE id = $1', [dispute.id, dispute.status])
  if (dispute.status === 'won') {
    await creditWallet(tx, 'dispute_won', {
      accountId: open.account_id, amount: open.amount, currency: open.currency, reference: dispute.id,
    })
  }
}

async function paidTopupFor(tx: Tx, paymentIntent: string | null): Promise<PaidTopup | null> {
  if (!paymentIntent) return null
  const { rows } = await tx.query<PaidTopup>(
    `SELECT checkout_session_id, account_id, currency, refunded FROM topups
     WHERE payment_intent = $1 AND status = 'paid' FOR UPDATE`,
    [paymentIntent],
  )
  const topup = rows[0]
  return topup && isSupportedCurrency(topup.currency) ? topup : null
}
