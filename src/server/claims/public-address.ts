// Which addresses a claim check may connect to. The Mastodon instance comes from the creator's
// handle, so a DNS name of their choosing (or a redirect from their server) must not point the API
// at its own network: loopback, the LAN, the cloud's metadata service. Only public unicast passes.
import { lookup } from 'node:dns/promises'
import { BlockList, isIP } from 'node:net'

// IPv4 ranges that are not public unicast (RFC 6890 and the multicast/reserved blocks).
const NOT_PUBLIC_V4: Array<[string, number]> = [
  ['0.0.0.0', 8], // "this network", unspecified
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, incl. the cloud metadata service at 169.254.169.254
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relay
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, incl. broadcast
]

// Public IPv6 unicast lives in 2000::/3; everything else (::1, ::, ::ffff:0:0/96 IPv4-mapped,
// fc00::/7 unique-local, fe80::/10 link-local, ff00::/8 multicast) is outside it. These are the
// parts of 2000::/3 that are not public or that carry an IPv4 address which could be a private one.
const NOT_PUBLIC_V6_IN_GLOBAL: Array<[string, number]> = [
  ['2001::', 23], // IETF protocol assignments, incl. Teredo (2001::/32)
  ['2001:db8::', 32], // documentation
  ['2002::', 16], // 6to4: an IPv4 address inside
  ['3fff::', 20], // documentation
]

const notPublicV4 = new BlockList()
for (const [net, prefix] of NOT_PUBLIC_V4) notPublicV4.addSubnet(net, prefix, 'ipv4')
const globalV6 = new BlockList()
globalV6.addSubnet('2000::', 3, 'ipv6')
const notPublicV6 = new BlockList()
for (const [net, prefix] of NOT_PUBLIC_V6_IN_GLOBAL) notPublicV6.addSubnet(net, prefix, 'ipv6')

/** Is this IP address a public unicast one? Anything that is not an IP address is not. */
export function isPublicAddress(address: string): boolean {
  switch (isIP(address)) {
    case 4:
      return !notPublicV4.check(address, 'ipv4')
    case 6:
      return globalV6.check(address, 'ipv6') && !notPublicV6.check(address, 'ipv6')
    default:
      return false
  }
}

export interface ResolvedAddress {
  address: string
  family: number
}

/** Where a read may connect: how a host name is resolved, and which of its addresses are allowed. */
export interface AddressPolicy {
  resolve(hostname: string): Promise<ResolvedAddress[]>
  allows(address: string): boolean
}

/** A real site: the system's resolver, public unicast addresses only. */
export const PUBLIC_ONLY: AddressPolicy = {
  resolve: (hostname) => lookup(hostname, { all: true, verbatim: true }),
  allows: isPublicAddress,
}

/** A host that resolved to (or is) an address the policy refuses; the read never connected. */
export class AddressRefused extends Error {
  constructor(
    readonly hostname: string,
    readonly address: string,
  ) {
    super(`${hostname} is at ${address}, which is not a public address`)
    this.name = 'AddressRefused'
  }
}
