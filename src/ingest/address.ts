import { BlockList, isIP } from 'node:net';

/**
 * Which network addresses the web fetcher may connect to. Everything that is not the public internet is
 * refused (unless the private-network setting allows it): loopback, private ranges, link-local (with the cloud
 * metadata address 169.254.169.254), shared address space (CGNAT), unspecified, multicast and reserved.
 */
const blocked = new BlockList();
const V4: [string, number, string][] = [
  ['0.0.0.0', 8, 'unspecified'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'shared (CGNAT)'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local or cloud metadata'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'reserved'],
  ['192.0.2.0', 24, 'documentation'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'reserved'],
  ['198.51.100.0', 24, 'documentation'],
  ['203.0.113.0', 24, 'documentation'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'],
];
const V6: [string, number, string][] = [
  ['::', 128, 'unspecified'],
  ['::1', 128, 'loopback'],
  ['64:ff9b:1::', 48, 'private (local NAT64)'],
  ['100::', 64, 'reserved (discard)'],
  ['2001::', 32, 'Teredo tunnel'],
  ['2001:db8::', 32, 'documentation'],
  ['fc00::', 7, 'private'],
  ['fe80::', 10, 'link-local'],
  ['fec0::', 10, 'site-local'],
  ['ff00::', 8, 'multicast'],
];
const kinds: { list: BlockList; kind: string; family: 'ipv4' | 'ipv6' }[] = [];
for (const [net, prefix, kind] of V4) {
  blocked.addSubnet(net, prefix, 'ipv4');
  const one = new BlockList();
  one.addSubnet(net, prefix, 'ipv4');
  kinds.push({ list: one, kind, family: 'ipv4' });
}
for (const [net, prefix, kind] of V6) {
  blocked.addSubnet(net, prefix, 'ipv6');
  const one = new BlockList();
  one.addSubnet(net, prefix, 'ipv6');
  kinds.push({ list: one, kind, family: 'ipv6' });
}

/** Host names that always mean a cloud metadata service, whatever they resolve to. */
const METADATA_HOSTS = new Set(['metadata.google.internal', 'metadata.goog', 'metadata', 'instance-data', 'instance-data.ec2.internal']);

/**
 * The IPv4 address embedded in an IPv6 address that only wraps one: IPv4-compatible (::a.b.c.d, deprecated but
 * still routed by some stacks), IPv4-translated (::ffff:0:a.b.c.d), NAT64 (64:ff9b::/96) and 6to4 (2002::/16).
 * IPv4-mapped addresses (::ffff:a.b.c.d) are matched by the IPv4 rules of the block list itself.
 */
function embeddedIpv4(address: string): string | null {
  const lower = address.toLowerCase();
  const groups = expandIpv6(lower);
  if (!groups) return null;
  const v4 = (hi: number, lo: number): string => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  if (groups[0] === 0x64 && groups[1] === 0xff9b && groups.slice(2, 6).every((g) => g === 0)) return v4(groups[6]!, groups[7]!);
  if (groups[0] === 0x2002) return v4(groups[1]!, groups[2]!);
  if (groups.slice(0, 6).every((g) => g === 0)) return v4(groups[6]!, groups[7]!);
  if (groups.slice(0, 4).every((g) => g === 0) && groups[4] === 0xffff && groups[5] === 0) return v4(groups[6]!, groups[7]!);
  return null;
}

function expandIpv6(address: string): number[] | null {
  let text = address;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const parts = dotted[1]!.split('.').map(Number);
    text = text.slice(0, -dotted[1]!.length) + `${((parts[0]! << 8) | parts[1]!).toString(16)}:${((parts[2]! << 8) | parts[3]!).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const missing = 8 - left.length - right.length;
  if (missing < 0 || (tail === undefined && missing !== 0)) return null;
  const groups = [...left, ...Array<string>(missing).fill('0'), ...right].map((g) => parseInt(g || '0', 16));
  return groups.length === 8 && groups.every((g) => Number.isFinite(g)) ? groups : null;
}

/**
 * Why an IP address must not be fetched from ("loopback", "private", ...), or null when it is a public address.
 */
export function refusedAddressKind(address: string): string | null {
  const family = isIP(address);
  if (family === 0) return 'not an IP address';
  const type = family === 4 ? 'ipv4' : 'ipv6';
  if (blocked.check(address, type)) {
    return kinds.find((k) => k.list.check(address, type))?.kind ?? 'not public';
  }
  if (family === 6) {
    const inner = embeddedIpv4(address);
    if (inner) return refusedAddressKind(inner);
  }
  return null;
}

/** True for host names that name a cloud metadata service. */
export function isMetadataHost(hostname: string): boolean {
  return METADATA_HOSTS.has(hostname.toLowerCase().replace(/\.$/, ''));
}
