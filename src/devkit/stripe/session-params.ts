// What POST /v1/checkout/sessions accepts, read and checked as Stripe checks it: unknown
// parameters are refused, and every error names the parameter at fault.
import { isSupportedCurrency, stepOf, toStripeAmount } from '../../shared/currencies.ts'
import { invalidRequest } from './errors.ts'
import type { FormObject } from './form.ts'
import { newId } from './ids.ts'
import type { LineItem, Metadata, UiMode } from './objects.ts'
import type { IntentData } from './store.ts'
import {
  metadata,
  optionalArray,
  optionalInteger,
  optionalObject,
  optionalString,
  paramName,
  rejectUnknown,
  requiredInteger,
  requiredObject,
  requiredString,
} from './params.ts'

const SESSION_PARAMS = [
  'mode',
  'line_items',
  'metadata',
  'client_reference_id',
  'success_url',
  'cancel_url',
  'ui_mode',
  'return_url',
  'customer_email',
  'expires_at',
  'payment_method_types',
  'payment_intent_data',
  'expand',
] as const

/** Stripe's largest charge amount (99,999,999 minor units, $999,999.99). */
const MAX_AMOUNT = 99_999_999
const MIN_LIFETIME_S = 30 * 60
const MAX_LIFETIME_S = 24 * 60 * 60

export interface SessionParams {
  lineItems: LineItem[]
  currency: string
  total: number
  /** Where the customer pays and where they go afterwards: a hosted page or Stripe.js on the merchant's. */
  presentation: Presentation
  clientReferenceId: string | null
  customerEmail: string | null
  expiresAt: number
  metadata: Metadata
  /** `payment_intent_data`, applied to the PaymentIntent made when the session is paid. */
  intentData: IntentData
}

export function readSessionParams(params: FormObject, created: number): SessionParams {
  rejectUnknown(params, SESSION_PARAMS)
  const mode = requiredString(params, 'mode')
  if (mode !== 'payment') throw invalidRequest(`The stand-in supports mode 'payment' only, not '${mode}'.`, 'mode')
  checkPaymentMethodTypes(params)
  const items = lineItems(params)
  const currency = items[0]!.currency
  const total = items.reduce((sum, item) => sum + item.amount_total, 0)
  checkTotal(total, currency)
  return {
    lineItems: items,
    currency,
    total,
    presentation: presentation(params),
    clientReferenceId: clientReference(params),
    customerEmail: email(params),
    expiresAt: expiry(params, created),
    metadata: metadata(params),
    intentData: intentData(params, total),
  }
}

function lineItems(params: FormObject): LineItem[] {
  const given = optionalArray(params, 'line_items')
  if (!given || given.length === 0) {
    throw invalidRequest('Missing required param: line_items.', 'line_items', 'parameter_missing')
  }
  if (given.length > 100) throw invalidRequest('A Checkout Session can have at most 100 line items.', 'line_items')
  const items = given.map((entry, i) => lineItem(entry, paramName('line_items', i)))
  const currency = items[0]!.currency
  items.forEach((item, i) => {
    if (item.currency !== currency) {
      const param = `line_items[${i}][price_data][currency]`
      throw invalidRequest('All line items must use the same currency.', param)
    }
  })
  return items
}

function lineItem(entry: unknown, prefix: string): LineItem {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) throw invalidRequest(`Invalid object: ${prefix}`, prefix)
  const item = entry as FormObject
  rejectUnknown(item, ['price_data', 'quantity'], prefix)
  const pricePrefix = paramName(prefix, 'price_data')
  const price = requiredObject(item, 'price_data', prefix)
  rejectUnknown(price, ['currency', 'unit_amount', 'product_data'], pricePrefix)
  const currency = requiredString(price, 'currency', pricePrefix).toLowerCase()
  if (!/^[a-z]{3}$/.test(currency)) {
    throw invalidRequest(`Invalid currency: ${currency}.`, paramName(pricePrefix, 'currency'))
  }
  const unitAmount = requiredInteger(price, 'unit_amount', pricePrefix)
  if (unitAmount < 0) throw invalidRequest('Invalid non-negative integer', paramName(pricePrefix, 'unit_amount'))
  const productPrefix = paramName(pricePrefix, 'product_data')
  const product = requiredObject(price, 'product_data', pricePrefix)
  rejectUnknown(product, ['name', 'description'], productPrefix)
  const name = requiredString(product, 'name', productPrefix)
  const quantity = requiredInteger(item, 'quantity', prefix)
  if (quantity < 1) throw invalidRequest('Quantity must be at least 1.', paramName(prefix, 'quantity'))
  const amount = unitAmount * quantity
  return {
    id: newId('li'),
    object: 'item',
    amount_discount: 0,
    amount_subtotal: amount,
    amount_tax: 0,
    amount_total: amount,
    currency,
    description: name,
    price: {
      id: newId('price'),
      object: 'price',
      active: false,
      currency,
      livemode: false,
      product: newId('prod', 14),
      type: 'one_time',
      unit_amount: unitAmount,
    },
    quantity,
  }
}

function checkTotal(total: number, currency: string): void {
  if (total < 1) throw invalidRequest('The Checkout Session\'s total amount due must be greater than zero.', 'line_items')
  if (total > MAX_AMOUNT) throw invalidRequest(`The total amount must be no more than ${MAX_AMOUNT}.`, 'line_items')
  // Three-decimal currencies want a last digit of 0; ISK, written in hundredths, whole krónur.
  const code = currency.toUpperCase()
  const step = isSupportedCurrency(code) ? toStripeAmount(stepOf(code), code) : 1
  if (total % step !== 0) throw invalidRequest(`Amounts in ${currency} must be a multiple of ${step}.`, 'line_items')
}

type Presentation =
  | { uiMode: 'hosted_page'; successUrl: string; cancelUrl: string | null }
  | { uiMode: 'embedded_page'; returnUrl: string }

const UI_MODES: readonly UiMode[] = ['hosted_page', 'embedded_page']

/** `ui_mode` and the URLs that go with it; each mode refuses the other's, as Stripe does. */
function presentation(params: FormObject): Presentation {
  const uiMode = optionalString(params, 'ui_mode') ?? 'hosted_page'
  if (!UI_MODES.includes(uiMode as UiMode)) {
    throw invalidRequest(`Invalid ui_mode: must be one of ${UI_MODES.join(' or ')} (the stand-in serves these two).`, 'ui_mode')
  }
  const misplaced = (key: string, mode: string) => {
    if (params[key] !== undefined) throw invalidRequest(`You cannot use \`${key}\` when \`ui_mode\` is \`${mode}\`.`, key)
  }
  if (uiMode === 'embedded_page') {
    misplaced('success_url', uiMode)
    misplaced('cancel_url', uiMode)
    return { uiMode, returnUrl: requiredUrl(params, 'return_url') }
  }
  misplaced('return_url', uiMode)
  return { uiMode: 'hosted_page', successUrl: requiredUrl(params, 'success_url'), cancelUrl: url(params, 'cancel_url') ?? null }
}

function requiredUrl(params: FormObject, key: string): string {
  const value = url(params, key)
  if (value === undefined) throw invalidRequest(`Missing required param: ${key}.`, key, 'parameter_missing')
  return value
}

function url(params: FormObject, key: string): string | undefined {
  const value = optionalString(params, key)
  if (value === undefined) return undefined
  // The placeholder's braces are not legal in a URL, so check the URL with it filled in.
  const parsed = URL.parse(value.replaceAll('{CHECKOUT_SESSION_ID}', 'cs_test'))
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
    throw invalidRequest('Not a valid URL', key, 'url_invalid')
  }
  return value
}

function email(params: FormObject): string | null {
  const value = optionalString(params, 'customer_email')
  if (value === undefined) return null
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) throw invalidRequest(`Invalid email address: ${value}`, 'customer_email', 'email_invalid')
  return value
}

function clientReference(params: FormObject): string | null {
  const value = optionalString(params, 'client_reference_id')
  if (value !== undefined && value.length > 200) {
    throw invalidRequest('client_reference_id can be at most 200 characters long.', 'client_reference_id')
  }
  return value ?? null
}

function expiry(params: FormObject, created: number): number {
  const value = optionalInteger(params, 'expires_at')
  if (value === undefined) return created + MAX_LIFETIME_S
  if (value < created + MIN_LIFETIME_S || value > created + MAX_LIFETIME_S) {
    throw invalidRequest('The expires_at timestamp must be between 30 minutes and 24 hours after Checkout Session creation.', 'expires_at')
  }
  return value
}

function checkPaymentMethodTypes(params: FormObject): void {
  const given = optionalArray(params, 'payment_method_types') ?? []
  given.forEach((type, i) => {
    if (type !== 'card') throw invalidRequest(`The stand-in accepts the payment method type 'card' only.`, `payment_method_types[${i}]`)
  })
}

function intentData(params: FormObject, total: number): IntentData {
  const prefix = 'payment_intent_data'
  const data = optionalObject(params, prefix) ?? {}
  rejectUnknown(data, ['description', 'metadata', 'application_fee_amount', 'transfer_data'], prefix)
  return {
    description: optionalString(data, 'description', prefix) ?? null,
    metadata: metadata(data, 'metadata', prefix),
    destination: destination(data, total),
  }
}

/** A destination charge: `transfer_data[destination]`, and the platform's `application_fee_amount` out of it. */
function destination(data: FormObject, total: number): IntentData['destination'] {
  const prefix = 'payment_intent_data'
  const transferPrefix = paramName(prefix, 'transfer_data')
  const transfer = optionalObject(data, 'transfer_data', prefix)
  const fee = optionalInteger(data, 'application_fee_amount', prefix) ?? null
  if (!transfer) {
    if (fee === null) return null
    throw invalidRequest(
      'Can only apply an application_fee_amount when the PaymentIntent is attempting a destination payment (using `transfer_data[destination]`).',
      paramName(prefix, 'application_fee_amount'),
    )
  }
  rejectUnknown(transfer, ['destination'], transferPrefix)
  if (fee !== null && (fee < 0 || fee > total)) {
    throw invalidRequest(
      `The application fee must be between 0 and the total amount (${total}).`,
      paramName(prefix, 'application_fee_amount'),
    )
  }
  return { account: requiredString(transfer, 'destination', transferPrefix), applicationFee: fee }
}
