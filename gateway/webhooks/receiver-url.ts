import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

// Where the gateway may POST (docs/security.md, "Webhook receivers"). A webhook is a request the
// gateway makes from inside the deployment to an address an organisation chose: without a check it
// could reach the metadata service, Redis or a register subgraph (SSRF). Unless
// WEBHOOK_ALLOW_PRIVATE_URLS is on (development and tests), a receiver must be https on a public
// address: checked when subscribing, and again on every connection, after DNS, so a name that
// later resolves to a private address (DNS rebinding) is refused too.

const PRIVATE = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) PRIVATE.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) PRIVATE.addSubnet(network, prefix, 'ipv6');

const PRIVATE_NAMES = /(^|\.)(localhost|local|internal|localdomain|home\.arpa)$/i;

/** Whether an IP address is loopback, private, link-local, shared, multicast or reserved (IPv4-mapped IPv6 as its IPv4). */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped !== undefined) return PRIVATE.check(mapped, 'ipv4');
  const family = isIP(address);
  if (family === 0) return true;
  return PRIVATE.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

export class ReceiverUrlError extends Error {}

/** The receiver URL as given, or ReceiverUrlError saying what is wrong with it. */
export function checkReceiverUrl(value: string, allowPrivate: boolean): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ReceiverUrlError(`"${value}" is not a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ReceiverUrlError('a receiver URL must be http(s)');
  if (url.username !== '' || url.password !== '') throw new ReceiverUrlError('a receiver URL must not hold credentials: the signature authenticates the gateway');
  if (url.hash !== '') throw new ReceiverUrlError('a receiver URL must not have a #fragment');
  if (allowPrivate) return value;
  if (url.protocol !== 'https:') throw new ReceiverUrlError('a receiver URL must be https (WEBHOOK_ALLOW_PRIVATE_URLS=on allows http, for development)');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) !== 0 ? isPrivateAddress(host) : PRIVATE_NAMES.test(host)) {
    throw new ReceiverUrlError(`${host} is a loopback, private or link-local address (WEBHOOK_ALLOW_PRIVATE_URLS=on allows it, for development)`);
  }
  return value;
}

/** A DNS lookup for the delivery's connections that fails on a private address. */
export const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, '', 0);
    const refused = addresses.find((entry) => isPrivateAddress(entry.address));
    if (refused !== undefined || addresses.length === 0) {
      return callback(Object.assign(new Error(`${hostname} resolves to a private address`), { code: 'EWEBHOOKPRIVATE' }), '', 0);
    }
    if (options.all) return (callback as unknown as (error: null, addresses: LookupAddress[]) => void)(null, addresses);
    const first = addresses[0] as LookupAddress;
    return callback(null, first.address, first.family);
  });
};
