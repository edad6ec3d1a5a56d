// What creators sell: making a product (only with a payout account Stripe can pay), the
// creator's own list, and one product as anyone may see it.
import { routes, type Product, type ProductRequest } from '../../shared/api.ts'
import { isSupportedCurrency, isValidMinorAmount, limitsFor, type CurrencyCode } from '../../shared/currencies.ts'
import type { Tx } from '../db/index.ts'
import { ApiFailure, notFound } from '../http/errors.ts'
import { hashRequest, newId } from '../ledger/index.ts'
import { payoutAccountOf } from '../payouts/accounts.ts'
import type { Services } from '../services.ts'

interface ProductRow {
  id: string
  account_id: string
  title: string
  description: string
  price: string | number
  currency: CurrencyCode
  request_hash: string
  created_at: Date | string
}

const COLUMNS = 'id, account_id, title, description, price, currency, request_hash, created_at'

export async function createProduct(s: Services, accountId: string, idempotencyKey: string, request: ProductRequest): Promise<Product> {
  const requestHash = hashRequest(request)
  const earlier = await productByKey(s.db, accountId, idempotencyKey)
  if (earlier) return replay(s, earlier, requestHash)
  checkPrice(request.price, request.currency)
  const payouts = await payoutAccountOf(s.db, accountId)
  if (!payouts?.ready) {
    throw new ApiFailure(409, 'payouts_not_ready', 'Connect a payout account and finish Stripe’s setup before selling products.')
  }
  // A concurrent retry with the same key may insert first; then its row is the answer.
  await s.db.query(
    `INSERT INTO products (id, account_id, title, description, price, currency, idempotency_key, request_hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (account_id, idempotency_key) DO NOTHING`,
    [newId('prd'), accountId, request.title, request.description, request.price, request.currency, idempotencyKey, requestHash],
  )
  const saved = await productByKey(s.db, accountId, idempotencyKey)
  if (!saved) throw new Error(`product for key ${idempotencyKey} vanished after insert`)
  return replay(s, saved, requestHash)
}

export async function productsOf(s: Services, accountId: string): Promise<Product[]> {
  const { rows } = await s.db.query<ProductRow>(
    `SELECT ${COLUMNS} FROM products WHERE account_id = $1 ORDER BY created_at DESC, id`,
    [accountId],
  )
  return rows.map((row) => view(s, row))
}

/** A product and its seller's account id, or 404. */
export async function productById(s: Services, id: string): Promise<{ product: Product; sellerId: string }> {
  const { rows } = await s.db.query<ProductRow>(`SELECT ${COLUMNS} FROM products WHERE id = $1`, [id])
  const row = rows[0]
  if (!row) throw notFound('Product')
  return { product: view(s, row), sellerId: row.account_id }
}

/**
 * A card payment's bounds: at least a top-up's minimum (above every card network's minimum, so
 * the fee and Stripe's cut never swallow it) and at most a payout's maximum.
 */
export function checkPrice(price: number, currency: string): void {
  if (!isSupportedCurrency(currency)) {
    throw new ApiFailure(400, 'unsupported_currency', `${currency} is not a supported currency.`, 'currency')
  }
  if (!isValidMinorAmount(price, currency)) throw new ApiFailure(400, 'invalid_amount', `price is not a valid ${currency} amount.`, 'price')
  const limits = limitsFor(currency)
  const min = limits.topup.min
  const max = limits.payout.max
  if (price < min || price > max) {
    throw new ApiFailure(400, 'invalid_amount', `price must be between ${min} and ${max} in ${currency} minor units.`, 'price')
  }
}

async function productByKey(tx: Tx, accountId: string, idempotencyKey: string): Promise<ProductRow | null> {
  const { rows } = await tx.query<ProductRow>(
    `SELECT ${COLUMNS} FROM products WHERE account_id = $1 AND idempotency_key = $2`,
    [accountId, idempotencyKey],
  )
  return rows[0] ?? null
}

function replay(s: Services, row: ProductRow, requestHash: string): Product {
  if (row.request_hash !== requestHash) {
    throw new ApiFailure(409, 'idempotency_conflict', 'This Idempotency-Key was already used with a different request.')
  }
  return view(s, row)
}

function view(s: Services, row: ProductRow): Product {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    price: Number(row.price),
    currency: row.currency,
    pageUrl: `${s.publicUrl}${routes.productPage(row.id)}`,
    createdAt: new Date(row.created_at).toISOString(),
  }
}
