// Typed reads of decoded form parameters, failing the way Stripe fails: a 400 that names the
// parameter ("Missing required param: line_items[0][quantity].").
import { invalidRequest } from './errors.ts'
import type { FormObject, FormValue } from './form.ts'

export function rejectUnknown(params: FormObject, allowed: readonly string[], prefix = ''): void {
  for (const key of Object.keys(params)) {
    if (!allowed.includes(key)) throw invalidRequest(`Received unknown parameter: ${paramName(prefix, key)}`, paramName(prefix, key))
  }
}

export function paramName(prefix: string, key: string | number): string {
  return prefix ? `${prefix}[${key}]` : String(key)
}

export function optionalString(params: FormObject, key: string, prefix = ''): string | undefined {
  const value = params[key]
  if (value === undefined || value === '') return undefined
  if (typeof value !== 'string') throw invalidRequest(`Invalid string: ${paramName(prefix, key)}`, paramName(prefix, key))
  return value
}

export function requiredString(params: FormObject, key: string, prefix = ''): string {
  const value = optionalString(params, key, prefix)
  if (value === undefined) throw missing(paramName(prefix, key))
  return value
}

export function optionalInteger(params: FormObject, key: string, prefix = ''): number | undefined {
  const text = optionalString(params, key, prefix)
  if (text === undefined) return undefined
  if (!/^-?\d+$/.test(text) || !Number.isSafeInteger(Number(text))) {
    throw invalidRequest(`Invalid integer: ${text}`, paramName(prefix, key))
  }
  return Number(text)
}

export function requiredInteger(params: FormObject, key: string, prefix = ''): number {
  const value = optionalInteger(params, key, prefix)
  if (value === undefined) throw missing(paramName(prefix, key))
  return value
}

export function optionalObject(params: FormObject, key: string, prefix = ''): FormObject | undefined {
  const value = params[key]
  if (value === undefined || value === '') return undefined
  if (!isObject(value)) throw invalidRequest(`Invalid object: ${paramName(prefix, key)}`, paramName(prefix, key))
  return value
}

export function requiredObject(params: FormObject, key: string, prefix = ''): FormObject {
  const value = optionalObject(params, key, prefix)
  if (value === undefined) throw missing(paramName(prefix, key))
  return value
}

export function optionalArray(params: FormObject, key: string, prefix = ''): FormValue[] | undefined {
  const value = params[key]
  if (value === undefined || value === '') return undefined
  if (!Array.isArray(value)) throw invalidRequest(`Invalid array: ${paramName(prefix, key)}`, paramName(prefix, key))
  return value
}

/** Stripe's metadata limits: 50 keys, keys up to 40 characters, values up to 500. */
export function metadata(params: FormObject, key = 'metadata', prefix = ''): Record<string, string> {
  const value = optionalObject(params, key, prefix) ?? {}
  const entries = Object.entries(value)
  if (entries.length > 50) throw invalidRequest('Metadata can have at most 50 keys.', paramName(prefix, key))
  const result: Record<string, string> = {}
  for (const [name, text] of entries) {
    const param = paramName(paramName(prefix, key), name)
    if (typeof text !== 'string') throw invalidRequest(`Invalid string: ${param}`, param)
    if (name.length > 40) throw invalidRequest('Metadata keys can be at most 40 characters long.', param)
    if (text.length > 500) throw invalidRequest('Metadata values can be at most 500 characters long.', param)
    result[name] = text
  }
  return result
}

export function expandPaths(params: FormObject): string[] {
  const value = optionalArray(params, 'expand') ?? []
  return value.map((path, i) => {
    if (typeof path !== 'string') throw invalidRequest(`Invalid string: expand[${i}]`, `expand[${i}]`)
    return path
  })
}

function isObject(value: FormValue): value is FormObject {
  return typeof value === 'object' && !Array.isArray(value)
}

function missing(param: string) {
  return invalidRequest(`Missing required param: ${param}.`, param, 'parameter_missing')
}
