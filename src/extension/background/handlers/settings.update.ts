// The options page changes some settings; the answer is all of them as stored. A new monthly
// budget is also given to the API, which enforces it on every tip.
import { shareBudget } from '../budget-sync.ts'
import { updateSettings } from '../settings.ts'
import type { Handler } from './caller.ts'

export const settingsUpdate: Handler<'settings.update'> = async (update) => {
  const settings = await updateSettings(update)
  if (update.budget) await shareBudget(settings.budget.monthly)
  return settings
}
