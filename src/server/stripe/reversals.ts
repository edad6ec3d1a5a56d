// Money Stripe takes back after a top-up: refunds and disputes, found through the top-up's
// PaymentIntent. Stripe reports refunds cumulatively, so only the increase is reversed.
// Stripe does not deliver events in order: a reversal can arrive before the top-up is credited
// (TopupNotCredited: answered non-2xx so Stripe delivers it again later), and a dispute's close
// can arrive before its opening (the close then applies the whole outcome at once).
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

/** No paid top-up has this PaymentIntent (yet): either not Tipline's, or its credit is still to come. */
export class TopupNotCredited extends Error {
  constructor(readonly paymentIntent: string | null) {
    super(`no credited top-up has PaymentIntent ${paymentIntent}`)
    this.name = 'TopupNotCredited'
  }
}

export async function applyRefund(tx: Tx, charge: Stripe.Charge): Promise<void> {
  const topup = await paidTopupFor(tx, idOf(charge.payment_intent))
  const refunded = fromStripeAmount(charge.amount_refunded, topup.currency)
  const increase = refunded - topup.refunded
  if (increase <= 0) return
  await takeBack(tx, 'refund', { accountId: topup.account_id, amount: increase, currency: topup.currency, reference: charge.id })
  await tx.query('UPDATE topups SET refunded = $2 WHERE checkout_session_id = $1', [topup.checkout_session_id, refunded])
}

export async function openDispute(tx: Tx, dispute: Stripe.Dispute): Promise<void> {
  const topup = await paidTopupFor(tx, idOf(dispute.payment_intent))
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
  const { rows } = await tx.query<{ amount: number; account_id: string; currency: string; status: string }>(
    `SELECT d.amount, t.account_id, t.currency, d.status FROM disputes d JOIN topups t USING (checkout_session_id)
     WHERE d.id = $1 FOR UPDATE OF d`,
    [dispute.id],
  )
  const open = rows[0]
  if (!open) return closeUnopenedDispute(tx, dispute)
  if (open.status !== 'reversed') return
  await tx.query('UPDATE disputes SET status = $2 WHERE id = $1', [dispute.id, dispute.status])
  if (dispute.status === 'won') {
    await creditWallet(tx, 'dispute_won', {
      accountId: open.account_id, amount: open.amount, currency: open.currency, reference: dispute.id,
    })
  }
}

/** Won: nothing ever moved. Lost: the money goes back to Stripe now. A later opening finds the row and does nothing. */
async function closeUnopenedDispute(tx: Tx, dispute: Stripe.Dispute): Promise<void> {
  const topup = await paidTopupFor(tx, idOf(dispute.payment_intent))
  const amount = fromStripeAmount(dispute.amount, topup.currency)
  await tx.query(
    'INSERT INTO disputes (id, checkout_session_id, amount, status) VALUES ($1, $2, $3, $4)',
    [dispute.id, topup.checkout_session_id, amount, dispute.status],
  )
  if (dispute.status === 'lost') {
    await takeBack(tx, 'dispute', { accountId: topup.account_id, amount, currency: topup.currency, reference: dispute.id })
  }
}

async function paidTopupFor(tx: Tx, paymentIntent: string | null): Promise<PaidTopup> {
  if (!paymentIntent) throw new TopupNotCredited(null)
  const { rows } = await tx.query<PaidTopup>(
    `SELECT checkout_session_id, account_id, currency, refunded FROM topups
     WHERE payment_intent = $1 AND status = 'paid' FOR UPDATE`,
    [paymentIntent],
  )
  const topup = rows[0]
  if (!topup || !isSupportedCurrency(topup.currency)) throw new TopupNotCredited(paymentIntent)
  return topup
}
