// Destination charges: the customer pays the platform, the whole amount moves on to the connected
// account in an automatic transfer, and the platform's application fee comes back out of it, so
// the account keeps amount − fee. Stripe announces the transfer and the fee to the platform.
import type { Account } from './account.ts'
import { PLATFORM } from './balances.ts'
import { checkCanReceiveTransfers } from './connected-accounts.ts'
import { newId, unixNow } from './ids.ts'
import type { ApplicationFee, Charge } from './objects.ts'
import type { IntentData } from './store.ts'
import { sendTransfer } from './transfers.ts'

/** The stand-in's Connect application, named on every application fee. */
const APPLICATION = 'ca_standin'

type Destination = NonNullable<IntentData['destination']>

/** Refuses a destination charge the account cannot receive, before the customer pays. */
export function checkDestination(account: Account, destination: Destination, param: string): void {
  checkCanReceiveTransfers(account.store.account(destination.account, param), param)
}

/** Moves a paid destination charge on to its account and records the fee on `paid`. */
export function settleDestinationCharge(account: Account, paid: Charge, destination: Destination, transferGroup: string): void {
  const { store } = account
  const transfer = sendTransfer(account, {
    amount: paid.amount,
    currency: paid.currency,
    destination: destination.account,
    description: null,
    metadata: {},
    transferGroup,
    sourceTransaction: paid.id,
  })
  paid.transfer = transfer.id
  paid.transfer_data = { destination: destination.account }
  paid.transfer_group = transferGroup
  if (destination.applicationFee === null) return
  const fee: ApplicationFee = {
    id: newId('fee'),
    object: 'application_fee',
    account: destination.account,
    amount: destination.applicationFee,
    amount_refunded: 0,
    application: APPLICATION,
    balance_transaction: null,
    charge: paid.id,
    created: unixNow(),
    currency: paid.currency,
    livemode: false,
    originating_transaction: paid.id,
    refunded: false,
  }
  store.balances.add(destination.account, fee.currency, -fee.amount)
  store.balances.add(PLATFORM, fee.currency, fee.amount)
  store.applicationFees.set(fee.id, fee)
  paid.application_fee = fee.id
  paid.application_fee_amount = fee.amount
  account.emit('application_fee.created', fee)
}
