// Whether the API takes the development claim shortcut: the options page offers it only then.
import { ClaimsConfig, routes } from '../../../shared/api.ts'
import { callApi } from '../http.ts'
import type { Handler } from './caller.ts'

export const claimsConfig: Handler<'claims.config'> = () => callApi('GET', routes.claimsConfig, ClaimsConfig)
