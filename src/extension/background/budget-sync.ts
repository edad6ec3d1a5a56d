// The API enforces the same monthly budget the panel asks about, so a new budget is sent there,
// in the wallet's currency and the reader's time zone (the month starts at their midnight).
import { routes } from '../../shared/api.ts'
import { DEFAULT_CURRENCY } from '../../shared/currencies.ts'
import { db } from '../db.ts'
import { api } from './api.ts'

export async function shareBudget(monthly: number | null): Promise<void> {
  const currency = (await db.wallet.get('me'))?.currency ?? DEFAULT_CURRENCY
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone
  await api.put(routes.budget, { monthly, currency, timeZone })
}
