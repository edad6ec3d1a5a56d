// The smallest and largest tip and top-up the pages accept, from the shared currency table.
import { isSupportedCurrency, limitsFor, type AmountRange } from '../../shared/currencies.ts'

// A currency the table doesn't know can only come from a newer server; let it judge the amount.
const SERVER_DECIDES: AmountRange = { min: 1, max: Number.MAX_SAFE_INTEGER }

export function tipLimits(currency: string): AmountRange {
  return isSupportedCurrency(currency) ? limitsFor(currency).tip : SERVER_DECIDES
}

export function topupLimits(currency: string): AmountRange {
  return isSupportedCurrency(currency) ? limitsFor(currency).topup : SERVER_DECIDES
}
