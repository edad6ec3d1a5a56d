// Why the ledger refused a movement: a code for programs, a sentence for people.
export type LedgerRefusal =
  | 'insufficient_funds'
  | 'debt_outstanding'
  | 'currency_mismatch'
  | 'invalid_amount'
  | 'idempotency_conflict'
  | 'handle_taken'
  | 'budget_exceeded'
  | 'below_payout_minimum'

export class LedgerError extends Error {
  constructor(
    readonly code: LedgerRefusal,
    message: string,
    readonly field?: string,
  ) {
    super(message)
    this.name = 'LedgerError'
  }
}
