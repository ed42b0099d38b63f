import { promises as dns } from 'node:dns';
import { BlockList, isIP } from 'node:net';
import type { FetchFailure } from '../contract';
import { failures, seconds } from './messages';

/**
 * The SSRF guard: which URLs may be fetched and which addresses a connection may go to. The monitor
 * fetches addresses that units type in (and that their pages redirect to), so without this guard a
 * unit could make the server read its own admin pages, the cloud metadata service or the intranet.
 */

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a host name to all its addresses (the fetcher's one DNS lookup per hop). */
export type ResolveHost = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolveHost: ResolveHost = async (hostname) => {
  const found = await dns.lookup(hostname, { all: true, verbatim: true });
  return found.map((entry) => ({ address: entry.address, family: entry.family === 6 ? 6 : 4 }));
};

/** A URL that passed every check, with the addresses it resolved to: the only ones it may connect to. */
export interface CheckedTarget {
  url: URL;
  /** Lower case, without IPv6 brackets or a final dot. */
  hostname: string;
  addresses: ResolvedAddress[];
}

/**
 * The ports of the fetch standard's "bad port" list (SMTP, SSH, IRC, …): browsers refuse them so that
 * a web request cannot talk to another protocol's server; other ports stay allowed because some
 * portals really are served on 8080 or 8443, and the address check is what keeps the intranet out.
 */
const BAD_PORTS = new Set([
  0, 1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102, 103, 104,
  109, 110, 111, 113, 115, 117, 119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465, 512, 513, 514, 515,
  526, 530, 531, 532, 540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993, 995, 1719, 1720, 1723, 2049,
  3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080,
]);

/** IANA special-purpose IPv4 blocks: private, loopback, link-local, CGNAT, documentation, multicast, … */
const SPECIAL_IPV4: [string, number][] = [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata at 169.254.169.254
  ['172.16.0.0', 12],
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // TEST-NET-1
  ['192.88.99.0', 24], // 6to4 relay anycast
  ['192.168.0.0', 16],
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // TEST-NET-2
  ['203.0.113.0', 24], // TEST-NET-3
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, with 255.255.255.255 broadcast
];

/**
 * IPv6 inside global unicast (2000::/3) that still must not be reached. Everything outside 2000::/3
 * (::1, ::, fc00::/7 unique-local, fe80::/10 link-local, ff00::/8 multicast, 64:ff9b::/96 NAT64, …)
 * is refused as a whole, except IPv4-mapped addresses, which are judged by their IPv4 part.
 */
const SPECIAL_IPV6_IN_GLOBAL: [string, number][] = [
  ['2001::', 23], // IETF protocol assignments, Teredo (2001::/32) with an embedded IPv4
  ['2001:db8::', 32], // documentation
  ['2002::', 16], // 6to4, embeds any IPv4 (also private ones)
  ['3fff::', 20], // documentation
];

const blockedV4 = new BlockList();
for (const [network, prefix] of SPECIAL_IPV4) blockedV4.addSubnet(network, prefix, 'ipv4');
const blockedV6 = new BlockList();
for (const [network, prefix] of SPECIAL_IPV6_IN_GLOBAL) blockedV6.addSubnet(network, prefix, 'ipv6');
const globalUnicastV6 = new BlockList();
globalUnicastV6.addSubnet('2000::', 3, 'ipv6');
const ipv4MappedV6 = new BlockList();
ipv4MappedV6.addSubnet('::ffff:0:0', 96, 'ipv6');

/** True when the address is not a public unicast address (or cannot be judged: a zone id, garbage). */
export function isNonPublicAddress(address: string): boolean {
  if (address.includes('%')) return true; // a scoped (zone) address is link-local by definition
  const family = isIP(address);
  if (family === 4) return blockedV4.check(address, 'ipv4');
  if (family !== 6) return true;
  // BlockList compares an IPv4-mapped IPv6 address with the IPv4 rules, so ::ffff:127.0.0.1 is caught.
  if (ipv4MappedV6.check(address, 'ipv6')) return blockedV4.check(address, 'ipv6');
  if (!globalUnicastV6.check(address, 'ipv6')) return true;
  return blockedV6.check(address, 'ipv6');
}

/** Host names and IP literals compared in one spelling: lower case, no brackets, no final dot, IPs canonical. */
export function normaliseHost(host: string): string {
  let value = host.trim().toLowerCase();
  if (value.startsWith('[') && value.endsWith(']')) value = value.slice(1, -1);
  if (value.endsWith('.')) value = value.slice(0, -1);
  const family = isIP(value);
  if (family === 0) return value;
  try {
    const canonical = new URL(`http://${family === 6 ? `[${value}]` : value}/`).hostname;
    return family === 6 ? canonical.slice(1, -1) : canonical;
  } catch {
    return value;
  }
}

/** Parses and checks what can be checked without the network: scheme, credentials, port. */
export function checkUrlShape(input: string | URL, base?: URL): URL | FetchFailure {
  const shown = String(input);
  let url: URL;
  try {
    url = new URL(input, base);
  } catch {
    return failures.invalidUrl(shown, 'đây không phải địa chỉ web hợp lệ');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return failures.invalidUrl(url.href, 'chỉ tải được địa chỉ bắt đầu bằng http:// hoặc https://');
  }
  if (url.username !== '' || url.password !== '') {
    return failures.invalidUrl(url.href, 'địa chỉ không được chứa tên đăng nhập hay mật khẩu');
  }
  if (url.port !== '' && BAD_PORTS.has(Number(url.port))) {
    return failures.invalidUrl(url.href, `cổng ${url.port} dành cho dịch vụ khác, không phải trang web`);
  }
  url.hash = ''; // never sent; keeping it would make two spellings of one page look different
  return url;
}

export interface GuardOptions {
  allowHosts: readonly string[];
  resolveHost: ResolveHost;
  /** DNS gets the same time limit as a request; a lookup that never answers must not hang a job. */
  timeoutMs: number;
}

/**
 * Resolves the URL's host once and checks every address it gave. The addresses returned are the
 * only ones the connection may use (they are pinned: the HTTP client never looks the name up again,
 * so a DNS answer that changes between check and connect — DNS rebinding — cannot slip through).
 * A private address passes only when the host name or that very address is in `allowHosts`.
 */
export async function resolveAndCheck(
  url: URL,
  options: GuardOptions,
): Promise<CheckedTarget | FetchFailure> {
  const hostname = normaliseHost(url.hostname);
  const allowed = new Set(options.allowHosts.map(normaliseHost));
  const hostIsAllowed = allowed.has(hostname);
  let addresses: ResolvedAddress[];
  const literal = isIP(hostname);
  if (literal !== 0) {
    addresses = [{ address: hostname, family: literal === 6 ? 6 : 4 }];
  } else {
    const resolved = await lookupWithin(hostname, options);
    if (!Array.isArray(resolved)) return failures.dnsFailed(url.href, hostname, resolved);
    addresses = resolved.map((entry) => ({ address: normaliseHost(entry.address), family: entry.family }));
    if (addresses.length === 0)
      return failures.dnsFailed(url.href, hostname, 'không tìm thấy địa chỉ nào cho');
  }
  for (const { address } of addresses) {
    if (isNonPublicAddress(address) && !hostIsAllowed && !allowed.has(address)) {
      return failures.privateAddress(url.href, hostname, address);
    }
  }
  return { url, hostname, addresses };
}

/** The lookup, or the Vietnamese words for why it failed ("không tìm thấy …"). */
async function lookupWithin(hostname: string, options: GuardOptions): Promise<ResolvedAddress[] | string> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`quá ${seconds(options.timeoutMs)} không tra được`), options.timeoutMs);
  });
  try {
    return await Promise.race([
      options.resolveHost(hostname).catch((error: unknown) => {
        const code = (error as { code?: unknown } | null)?.code;
        return code === 'EAI_AGAIN' ? 'máy chủ DNS không trả lời khi tra' : 'không tìm thấy';
      }),
      timedOut,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
