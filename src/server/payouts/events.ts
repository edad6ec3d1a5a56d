// Stripe's word on payouts after the fact. On the Connect endpoint (events on creators'
// accounts): account.updated, which tracks readiness. On the platform endpoint: transfer.created,
// which settles a payout whose transfer answer was lost, and transfer.reversed, which returns a
// payout's money to earnings. Each event id is stored in the transaction of its effect.
import type Stripe from 'stripe'
import { fromStripeAmount } from '../../shared/currencies.ts'
import type { Tx } from '../db/index.ts'
import { markPayoutPaid, payoutById, returnPayout } from '../ledger/payout.ts'
import type { Services } from '../services.ts'
import { firstDelivery } from '../stripe/events.ts'
import { copyReadiness } from './accounts.ts'

export async function handleConnectEvent(s: Services, event: Stripe.Event): Promise<void> {
  switch (event.type) {
    case 'account.updated': {
      const fresh = await s.stripe.accounts.retrieve(event.data.object.id)
      return once(s, event, (tx) => copyReadiness(tx, fresh))
    }
    case 'payout.failed':
      // The bank sent it back to the creator's Stripe balance, where Stripe pays it out again: no money of ours moved.
      s.log({ msg: 'connected account payout failed', eventId: event.id, account: event.account, payout: event.data.object.id })
      return once(s, event, async () => {})
    default:
      s.log({ msg: 'stripe connect event ignored', eventId: event.id, type: event.type })
  }
}

/** transfer.created: the transfer exists, whether or not its answer reached the API. */
export async function applyTransferCreated(tx: Tx, transfer: Stripe.Transfer): Promise<void> {
  const payoutId = transfer.metadata?.payout
  if (payoutId && (await payoutById(tx, payoutId))) await markPayoutPaid(tx, payoutId, transfer.id)
}

/** transfer.reversed: whatever Stripe has taken back so far, less what was already returned, goes back to earnings. */
export async function applyTransferReversal(tx: Tx, transfer: Stripe.Transfer): Promise<void> {
  const payoutId = transfer.metadata?.payout
  const payout = payoutId ? await payoutById(tx, payoutId) : null
  if (!payout) return
  await markPayoutPaid(tx, payout.id, transfer.id)
  const reason = transfer.reversed ? 'Stripe reversed the transfer.' : 'Stripe reversed part of the transfer.'
  await returnPayout(tx, payout.id, fromStripeAmount(transfer.amount_reversed, payout.currency), 'reversed', reason)
}

async function once(s: Services, event: Stripe.Event, effect: (tx: Tx) => Promise<void>): Promise<void> {
  await s.db.transaction(async (tx) => {
    if (await firstDelivery(tx, event)) await effect(tx)
  })
}
