// The one definition of "a host Sitecare may connect to on an agency's say-so" (SSRF guard): only
// public addresses, never loopback, private, carrier-grade NAT, link-local (cloud metadata at
// 169.254.169.254 and fd00:ec2::254 included), multicast, documentation or reserved ranges. Checked
// when the host is saved and again, on the resolved address, when it is used (DNS may change in
// between). Used by an agency's own SMTP relay and by the outgoing webhooks (S36, modules/webhooks). In
// development and tests (NODE_ENV other than production) local servers are allowed.
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { badInput } from '../graphql/errors';

const blocked = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const)
  blocked.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96], // NAT64: could reach any IPv4 address
  ['100::', 64], // discard
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique local (fd00:ec2::254 is AWS metadata)
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
] as const)
  blocked.addSubnet(network, prefix, 'ipv6');

/** Whether `ip` is a public unicast address. An IPv4-mapped IPv6 address is judged as its IPv4 one. */
export function isPublicAddress(ip: string): boolean {
  const family = isIP(ip);
  if (family === 4) return !blocked.check(ip, 'ipv4');
  if (family !== 6) return false;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  return mapped ? isPublicAddress(mapped[1]) : !blocked.check(ip, 'ipv6');
}

const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

/** Whether `ip` is a loopback address (127.0.0.0/8, ::1, or an IPv4-mapped loopback). */
export function isLoopbackAddress(ip: string): boolean {
  const family = isIP(ip);
  if (family === 4) return loopback.check(ip, 'ipv4');
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  return mapped ? isLoopbackAddress(mapped[1]) : family === 6 && loopback.check(ip, 'ipv6');
}

/** Where outgoing connections may go: anywhere in development and tests, public addresses in production. */
export const allowsPrivateHosts = (config: { env: string }) => config.env !== 'production';

/**
 * The address to connect to for `host`: its first resolved address, after every resolved address was
 * found public (BAD_USER_INPUT naming `field` otherwise). Connect to the returned address, not the
 * name, so a DNS answer that changes afterwards cannot lead elsewhere.
 */
export async function publicAddressOf(
  host: string,
  field: string,
  /** true: any address; 'loopback': public ones and loopback (tests of outgoing webhooks); false: public only. */
  allowPrivate: boolean | 'loopback',
): Promise<string> {
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
  } catch {
    throw badInput(field, 'This host name does not resolve');
  }
  if (!addresses.length) throw badInput(field, 'This host name does not resolve');
  const allowed = (ip: string) => isPublicAddress(ip) || (allowPrivate === 'loopback' && isLoopbackAddress(ip));
  if (allowPrivate !== true && !addresses.every(allowed))
    throw badInput(field, 'Must be a public address: loopback, private, link-local and metadata addresses are refused');
  return addresses[0];
}
