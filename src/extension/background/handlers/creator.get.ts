// The creator's dashboard data, fresh from the API and cached for the options page: the creator
// view it returns, and every tip received with its totals for the dashboard's insight.
import { syncReceivedTips } from '../received-sync.ts'
import { syncCreator } from '../sync.ts'
import type { Handler } from './caller.ts'

export const creatorGet: Handler<'creator.get'> = async () => {
  const [creator] = await Promise.all([syncCreator(), syncReceivedTips()])
  return creator
}
