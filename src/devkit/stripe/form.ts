// Stripe's request encoding: flat form pairs whose keys spell a path, such as
// `line_items[0][price_data][currency]=usd`, `metadata[accountId]=a1` or `expand[]=payment_intent`.
// The SDK sends POST bodies and GET query strings this way; this turns them back into the tree.
import { invalidRequest } from './errors.ts'

export type FormValue = string | FormValue[] | FormObject
export interface FormObject {
  [key: string]: FormValue
}

interface Node {
  [key: string]: string | Node
}

export function decodeForm(pairs: URLSearchParams): FormObject {
  const root: Node = {}
  for (const [key, value] of pairs) insert(root, pathOf(key), value, key)
  return toValue(root) as FormObject
}

function pathOf(key: string): string[] {
  const match = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(key)
  if (!match) return [key]
  const brackets = [...(match[2] ?? '').matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1] ?? '')
  return [match[1] ?? key, ...brackets]
}

function insert(node: Node, path: string[], value: string, key: string): void {
  let here = node
  path.forEach((segment, i) => {
    // `expand[]=a&expand[]=b` appends: an empty segment takes the next free index.
    const name = segment === '' ? String(Object.keys(here).length) : segment
    if (i === path.length - 1) {
      if (typeof here[name] === 'object') throw invalidRequest(`Invalid value for ${key}: it is also used as an object.`, key)
      here[name] = value
      return
    }
    const next = here[name] ?? {}
    if (typeof next === 'string') throw invalidRequest(`Invalid value for ${key}: a parent parameter is a string.`, key)
    here[name] = next
    here = next
  })
}

// Objects keyed only by 0, 1, 2… are arrays, as in the SDK's indexed encoding.
function toValue(node: string | Node): FormValue {
  if (typeof node === 'string') return node
  const keys = Object.keys(node)
  const indexed = keys.length > 0 && keys.every((k) => /^(0|[1-9]\d*)$/.test(k))
  if (indexed) {
    return keys
      .map(Number)
      .sort((a, b) => a - b)
      .map((index) => toValue(node[String(index)] as string | Node))
  }
  return Object.fromEntries(keys.map((k) => [k, toValue(node[k] as string | Node)]))
}
