import { routes } from '../../../shared/api.ts'
import { api } from '../api.ts'
import type { Handler } from './caller.ts'

export const ordersList: Handler<'orders.list'> = async () => (await api.get(routes.orders)).orders
