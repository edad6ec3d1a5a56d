// Transfers from the platform's balance to a connected account, and their reversals. A transfer
// needs the destination's transfers capability active and enough available platform balance;
// `transfer.created` and `transfer.reversed` are the platform's own events (no `account`).
import type { Account } from './account.ts'
import { PLATFORM } from './balances.ts'
import { checkCanReceiveTransfers } from './connected-accounts.ts'
import { invalidRequest } from './errors.ts'
import type { FormObject } from './form.ts'
import { newId, unixNow } from './ids.ts'
import type { Metadata, Transfer, TransferReversal } from './objects.ts'
import { metadata, optionalInteger, optionalString, rejectUnknown, requiredInteger, requiredString } from './params.ts'

export interface TransferOrder {
  amount: number
  currency: string
  destination: string
  description: string | null
  metadata: Metadata
  transferGroup: string | null
  /** The charge whose money this is, for a destination charge's automatic transfer. */
  sourceTransaction: string | null
}

/** POST /v1/transfers. */
export function createTransfer(account: Account, params: FormObject): Transfer {
  rejectUnknown(params, ['amount', 'currency', 'destination', 'description', 'metadata', 'transfer_group', 'expand'])
  const amount = requiredInteger(params, 'amount')
  if (amount < 1) throw invalidRequest('Invalid positive integer', 'amount')
  const currency = requiredString(params, 'currency').toLowerCase()
  if (!/^[a-z]{3}$/.test(currency)) throw invalidRequest(`Invalid currency: ${currency}.`, 'currency')
  return sendTransfer(account, {
    amount,
    currency,
    destination: requiredString(params, 'destination'),
    description: optionalString(params, 'description') ?? null,
    metadata: metadata(params),
    transferGroup: optionalString(params, 'transfer_group') ?? null,
    sourceTransaction: null,
  })
}

export function sendTransfer(account: Account, order: TransferOrder): Transfer {
  const { store } = account
  checkCanReceiveTransfers(store.account(order.destination, 'destination'), 'destination')
  store.balances.take(
    PLATFORM,
    order.currency,
    order.amount,
    'You have insufficient available funds in your Stripe account. In the stand-in, paid Checkout Sessions add to the available balance.',
  )
  store.balances.add(order.destination, order.currency, order.amount)
  const id = newId('tr')
  const transfer: Transfer = {
    id,
    object: 'transfer',
    amount: order.amount,
    amount_reversed: 0,
    balance_transaction: null,
    created: unixNow(),
    currency: order.currency,
    description: order.description,
    destination: order.destination,
    livemode: false,
    metadata: order.metadata,
    reversals: { object: 'list', data: [], has_more: false, url: `/v1/transfers/${id}/reversals` },
    reversed: false,
    source_transaction: order.sourceTransaction,
    transfer_group: order.transferGroup,
  }
  store.transfers.set(id, transfer)
  account.emit('transfer.created', transfer)
  return transfer
}

/** POST /v1/transfers/:id/reversals. */
export function createReversal(account: Account, id: string, params: FormObject): TransferReversal {
  rejectUnknown(params, ['amount', 'description', 'metadata', 'refund_application_fee', 'expand'])
  if (optionalString(params, 'refund_application_fee') === 'true') {
    throw invalidRequest('The stand-in does not refund application fees.', 'refund_application_fee')
  }
  return reverseTransfer(account, account.store.transfer(id), optionalInteger(params, 'amount'), metadata(params))
}

/** Takes money back from the destination, all that is left of the transfer unless `amount` says less. */
export function reverseTransfer(account: Account, transfer: Transfer, amount: number | undefined, given: Metadata = {}): TransferReversal {
  const { store } = account
  const left = transfer.amount - transfer.amount_reversed
  if (left === 0) throw invalidRequest(`Transfer ${transfer.id} has already been fully reversed.`, undefined, 'transfer_already_reversed')
  const reversing = amount ?? left
  if (reversing < 1) throw invalidRequest('Invalid positive integer', 'amount')
  if (reversing > left) {
    throw invalidRequest(`Reversal amount (${reversing}) is greater than the amount left on the transfer (${left}).`, 'amount')
  }
  const destination = typeof transfer.destination === 'string' ? transfer.destination : transfer.destination.id
  store.balances.take(destination, transfer.currency, reversing, `The connected account's available balance cannot cover a reversal of ${reversing}.`)
  store.balances.add(PLATFORM, transfer.currency, reversing)
  const reversal: TransferReversal = {
    id: newId('trr'),
    object: 'transfer_reversal',
    amount: reversing,
    balance_transaction: null,
    created: unixNow(),
    currency: transfer.currency,
    destination_payment_refund: null,
    metadata: given,
    source_refund: null,
    transfer: transfer.id,
  }
  store.reversals.set(reversal.id, reversal)
  transfer.amount_reversed += reversing
  transfer.reversed = transfer.amount_reversed === transfer.amount
  transfer.reversals.data.unshift(reversal)
  account.emit('transfer.reversed', transfer)
  return reversal
}
