// The creator's dashboard data, fresh from the API and cached for the options page.
import { syncCreator } from '../sync.ts'
import type { Handler } from './caller.ts'

export const creatorGet: Handler<'creator.get'> = () => syncCreator()
