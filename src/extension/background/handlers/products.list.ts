import { routes } from '../../../shared/api.ts'
import { api } from '../api.ts'
import type { Handler } from './caller.ts'

export const productsList: Handler<'products.list'> = async () => (await api.get(routes.products)).products
