// What POST /v1/accounts accepts: an account `type`, or the controller properties that replace
// types, plus the creator's country, email, requested capabilities and metadata.
import { invalidRequest } from './errors.ts'
import type { FormObject } from './form.ts'
import type { ConnectedAccount, Metadata } from './objects.ts'
import { metadata, optionalObject, optionalString, paramName, rejectUnknown } from './params.ts'

type Capability = keyof ConnectedAccount['capabilities']
type Controller = ConnectedAccount['controller']

export interface AccountSettings {
  type: ConnectedAccount['type']
  controller: Controller
  country: string
  defaultCurrency: string
  email: string | null
  businessType: string | null
  capabilities: Capability[]
  metadata: Metadata
}

const ACCOUNT_PARAMS = ['type', 'controller', 'country', 'email', 'business_type', 'capabilities', 'default_currency', 'metadata', 'expand']
const CAPABILITIES: Capability[] = ['transfers', 'card_payments']
const BUSINESS_TYPES = ['individual', 'company', 'non_profit', 'government_entity']
const EURO_COUNTRIES = ['AT', 'BE', 'CY', 'DE', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PT', 'SI', 'SK']
const COUNTRY_CURRENCIES: Record<string, string> = { US: 'usd', GB: 'gbp', CA: 'cad', AU: 'aud', JP: 'jpy', AE: 'aed', SA: 'sar' }

/** The controller properties each legacy account type stands for. */
const TYPE_CONTROLLERS: Record<'express' | 'standard' | 'custom', Controller> = {
  express: controller('application_express', 'application', 'stripe', 'express'),
  standard: controller('account', 'stripe', 'stripe', 'full'),
  custom: controller('application_custom', 'application', 'application', 'none'),
}

export function accountSettings(params: FormObject): AccountSettings {
  rejectUnknown(params, ACCOUNT_PARAMS)
  const { type, controller } = typeAndController(params)
  const country = (optionalString(params, 'country') ?? 'US').toUpperCase()
  if (!/^[A-Z]{2}$/.test(country)) throw invalidRequest(`Invalid country: ${country}`, 'country')
  const capabilities = requestedCapabilities(params)
  if (type === 'express' && !capabilities.includes('transfers')) {
    throw invalidRequest('Express accounts must request the transfers capability: capabilities[transfers][requested]=true.', 'capabilities')
  }
  const currency = optionalString(params, 'default_currency')?.toLowerCase()
  return {
    type,
    controller,
    country,
    defaultCurrency: currency ?? COUNTRY_CURRENCIES[country] ?? (EURO_COUNTRIES.includes(country) ? 'eur' : 'usd'),
    email: email(params),
    businessType: businessType(params),
    // Standard accounts get Stripe's default capabilities when the platform asks for none.
    capabilities: type === 'standard' && capabilities.length === 0 ? [...CAPABILITIES] : capabilities,
    metadata: metadata(params),
  }
}

function typeAndController(params: FormObject): { type: ConnectedAccount['type']; controller: Controller } {
  const type = optionalString(params, 'type')
  const given = optionalObject(params, 'controller')
  if (type !== undefined && given !== undefined) throw invalidRequest('You cannot pass both type and controller.', 'controller')
  if (type !== undefined) {
    if (type !== 'express' && type !== 'standard' && type !== 'custom') {
      throw invalidRequest('Invalid type: must be one of express, standard or custom.', 'type')
    }
    return { type, controller: TYPE_CONTROLLERS[type] }
  }
  if (given === undefined) throw invalidRequest('Missing required param: type or controller.', 'type', 'parameter_missing')
  return fromController(given)
}

/** Controller properties as given, and the legacy type they amount to (`none` when they match none). */
function fromController(given: FormObject): { type: ConnectedAccount['type']; controller: Controller } {
  rejectUnknown(given, ['fees', 'losses', 'requirement_collection', 'stripe_dashboard'], 'controller')
  const nested = (key: string, field: string, allowed: string[], fallback: string) => {
    const prefix = paramName('controller', key)
    const object = optionalObject(given, key, 'controller') ?? {}
    rejectUnknown(object, [field], prefix)
    return oneOf(optionalString(object, field, prefix) ?? fallback, allowed, paramName(prefix, field))
  }
  const payer = nested('fees', 'payer', ['account', 'application'], 'account')
  const losses = nested('losses', 'payments', ['application', 'stripe'], 'stripe')
  const dashboard = nested('stripe_dashboard', 'type', ['express', 'full', 'none'], 'full')
  const collection = oneOf(
    optionalString(given, 'requirement_collection', 'controller') ?? 'stripe',
    ['application', 'stripe'],
    'controller[requirement_collection]',
  )
  if (dashboard === 'express' && payer === 'application' && losses === 'application' && collection === 'stripe') {
    return { type: 'express', controller: TYPE_CONTROLLERS.express }
  }
  if (dashboard === 'full' && payer === 'account' && losses === 'stripe' && collection === 'stripe') {
    return { type: 'standard', controller: TYPE_CONTROLLERS.standard }
  }
  if (dashboard === 'none' && payer === 'application' && losses === 'application' && collection === 'application') {
    return { type: 'custom', controller: TYPE_CONTROLLERS.custom }
  }
  return { type: 'none', controller: controller(payer, losses, collection, dashboard) }
}

function requestedCapabilities(params: FormObject): Capability[] {
  const given = optionalObject(params, 'capabilities') ?? {}
  const requested: Capability[] = []
  for (const name of Object.keys(given)) {
    const prefix = paramName('capabilities', name)
    if (!CAPABILITIES.includes(name as Capability)) {
      throw invalidRequest(`The stand-in supports the capabilities ${CAPABILITIES.join(' and ')} only.`, prefix)
    }
    const capability = optionalObject(given, name, 'capabilities') ?? {}
    rejectUnknown(capability, ['requested'], prefix)
    if (oneOf(optionalString(capability, 'requested', prefix) ?? 'false', ['true', 'false'], paramName(prefix, 'requested')) === 'true') {
      requested.push(name as Capability)
    }
  }
  return requested
}

function email(params: FormObject): string | null {
  const value = optionalString(params, 'email')
  if (value === undefined) return null
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) throw invalidRequest(`Invalid email address: ${value}`, 'email', 'email_invalid')
  return value
}

function businessType(params: FormObject): string | null {
  const value = optionalString(params, 'business_type')
  return value === undefined ? null : oneOf(value, BUSINESS_TYPES, 'business_type')
}

function oneOf(value: string, allowed: string[], param: string): string {
  if (!allowed.includes(value)) throw invalidRequest(`Invalid ${param}: must be one of ${allowed.join(', ')}`, param)
  return value
}

function controller(payer: string, losses: string, collection: string, dashboard: string): Controller {
  return {
    fees: { payer },
    is_controller: true,
    losses: { payments: losses },
    requirement_collection: collection,
    stripe_dashboard: { type: dashboard },
    type: 'application',
  }
}
