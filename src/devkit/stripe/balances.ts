// Available balances by currency: the platform's, and each connected account's. Test mode has no
// pending period, so money is available the moment it arrives. Amounts are integer minor units.
import { invalidRequest } from './errors.ts'
import type { Balance } from './objects.ts'

/** The owner key of the platform's own balance; connected accounts are keyed by their acct_ id. */
export const PLATFORM = 'platform'

export class Balances {
  private readonly available = new Map<string, Map<string, number>>()

  add(owner: string, currency: string, amount: number): void {
    const amounts = this.amountsOf(owner)
    amounts.set(currency, (amounts.get(currency) ?? 0) + amount)
  }

  /** Takes `amount` out, refusing as Stripe does when the available balance cannot cover it. */
  take(owner: string, currency: string, amount: number, message: string): void {
    if (this.of(owner, currency) < amount) throw invalidRequest(message, undefined, 'balance_insufficient')
    this.add(owner, currency, -amount)
  }

  of(owner: string, currency: string): number {
    return this.available.get(owner)?.get(currency) ?? 0
  }

  /** The balance object; an owner nothing has moved for shows zero in its default currency, as Stripe's does. */
  balance(owner: string, defaultCurrency: string): Balance {
    const amounts = [...this.amountsOf(owner)]
    const entries: [string, number][] = amounts.length > 0 ? amounts : [[defaultCurrency, 0]]
    return {
      object: 'balance',
      available: entries.map(([currency, amount]) => ({ amount, currency, source_types: { card: amount } })),
      livemode: false,
      pending: entries.map(([currency]) => ({ amount: 0, currency, source_types: { card: 0 } })),
    }
  }

  private amountsOf(owner: string): Map<string, number> {
    let amounts = this.available.get(owner)
    if (!amounts) {
      amounts = new Map()
      this.available.set(owner, amounts)
    }
    return amounts
  }
}
