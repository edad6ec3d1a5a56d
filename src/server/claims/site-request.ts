// One GET of a site's public interface over node:http(s) rather than fetch, because only there can
// the address be checked at the moment the connection is made: the lookup that the socket itself
// uses refuses what the policy does not allow, so a name that resolves differently between a check
// and the connection (DNS rebinding) cannot get through. Redirects are followed by hand, each hop
// through the same lookup, and the answer is cut off past a size limit.
import type { LookupAddress, LookupOptions } from 'node:dns'
import { request as httpRequest, type IncomingMessage } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { isIP, type LookupFunction } from 'node:net'
import { AddressRefused, type AddressPolicy } from './public-address.ts'

export interface SiteAnswer {
  status: number
  text: string
}

export interface SiteRequestLimits {
  /** The whole read, redirects included. */
  timeoutMs: number
  maxBytes: number
  maxRedirects: number
}

/** The site answered, but not in a way that can be read: too large, or redirected too far or off the web. */
export class UnreadableAnswer extends Error {
  constructor(readonly why: string) {
    super(why)
    this.name = 'UnreadableAnswer'
  }
}

const REDIRECTS = new Set([301, 302, 303, 307, 308])

/**
 * GET url; policy null connects wherever the URL says (a configured checker base, such as the
 * stand-in on loopback). Rejects with AddressRefused before connecting to a refused address,
 * UnreadableAnswer, the signal's TimeoutError, or the connection's own error.
 */
export async function getFromSite(url: URL, policy: AddressPolicy | null, limits: SiteRequestLimits): Promise<SiteAnswer> {
  const signal = AbortSignal.timeout(limits.timeoutMs)
  let at = url
  for (let hop = 0; ; hop++) {
    const response = await requestOnce(at, policy, signal)
    const location = response.headers.location
    if (!REDIRECTS.has(response.statusCode ?? 0) || !location) {
      return { status: response.statusCode ?? 0, text: await readCapped(response, limits.maxBytes, signal) }
    }
    response.resume()
    if (hop >= limits.maxRedirects) throw new UnreadableAnswer(`more than ${limits.maxRedirects} redirects`)
    at = new URL(location, at)
    if (at.protocol !== 'https:' && at.protocol !== 'http:') throw new UnreadableAnswer(`a redirect to ${at.protocol}`)
  }
}

function requestOnce(url: URL, policy: AddressPolicy | null, signal: AbortSignal): Promise<IncomingMessage> {
  // An address typed in the URL is connected to without any lookup, so it is checked here.
  const literal = url.hostname.replace(/^\[(.*)\]$/, '$1')
  if (policy && isIP(literal) && !policy.allows(literal)) return Promise.reject(new AddressRefused(literal, literal))
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest
  return new Promise((resolve, reject) => {
    const sent = request(url, {
      headers: { accept: 'application/json', 'user-agent': 'Tipline claim check' },
      signal,
      // A pooled socket was checked for the request that opened it, not for this one.
      agent: false,
      ...(policy ? { lookup: checkedLookup(policy) } : {}),
    })
    sent.once('response', resolve)
    sent.once('error', (error) => reject(signal.aborted ? signal.reason : error))
    sent.end()
  })
}

function checkedLookup(policy: AddressPolicy): LookupFunction {
  return (hostname: string, options: LookupOptions, callback) => {
    const family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : (options.family ?? 0)
    policy.resolve(hostname).then(
      (addresses) => {
        // One refused address refuses the name: a public one beside it may be the decoy.
        const refused = addresses.find((a) => !policy.allows(a.address))
        if (refused) return callback(new AddressRefused(hostname, refused.address), '')
        const usable: LookupAddress[] = addresses.filter((a) => family === 0 || a.family === family)
        const first = usable[0]
        if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '')
        if (options.all) callback(null, usable)
        else callback(null, first.address, first.family)
      },
      (error: NodeJS.ErrnoException) => callback(error, ''),
    )
  }
}

function readCapped(response: IncomingMessage, maxBytes: number, signal: AbortSignal): Promise<string> {
  const tooLarge = () => new UnreadableAnswer(`an answer larger than ${maxBytes} bytes`)
  if (Number(response.headers['content-length'] ?? 0) > maxBytes) {
    response.destroy()
    return Promise.reject(tooLarge())
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    response.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > maxBytes) {
        response.destroy()
        reject(tooLarge())
        return
      }
      chunks.push(chunk)
    })
    response.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    response.once('error', (error) => reject(signal.aborted ? signal.reason : error))
    // Closed before its end (the deadline, or the connection dropped); after the end this changes nothing.
    response.once('close', () => reject(signal.aborted ? signal.reason : new Error('the answer was cut off')))
  })
}
