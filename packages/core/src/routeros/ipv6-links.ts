/**
 * Router tables → ranked links for the IPv6 enrichment (pure; no network):
 *
 *   IPv4 → MAC    PPP session (address, caller-id) > DHCPv4 lease > ARP
 *   MAC → IPv6    DHCPv6 delegated prefix > DHCPv6 address > IPv6 neighbour (global only)
 *   IPv4 → IPv6   a PPP session's own DHCPv6-PD binding (server `<pppoe-NAME>` on the same router)
 *
 * Only the best rank seen for a key is kept; several different values at that rank make the key
 * ambiguous, and an ambiguous key is never guessed (see ipv6-resolve.ts).
 */
import { canonicalIpv4Value, formatIpInfo, inspectIp, normalizeMac } from '../net/index.js';
import type { RouterRow } from './types.js';

/** What one router answered for the five menus the enrichment reads (a failed menu is `[]`). */
export interface RouterTables {
  router: string;
  arp: RouterRow[];
  neighbors: RouterRow[];
  leases: RouterRow[];
  bindings: RouterRow[];
  pppActive: RouterRow[];
}

export const RANK = {
  arp: 1,
  dhcpLease: 2,
  ppp: 3,
  neighbor: 1,
  dhcpv6Address: 2,
  dhcpv6Prefix: 3,
} as const;

/**
 * The values seen at the best rank for one key, each with where it was seen. Nearly every key has
 * one value, so a second one is the only case that allocates a Map (100k keys a run).
 */
export class Ranked {
  private more: Map<string, string> | undefined;

  constructor(
    readonly rank: number,
    readonly value: string,
    private readonly seenAt: string,
  ) {}

  get size(): number {
    return this.more === undefined ? 1 : this.more.size;
  }

  /** Value → where it was seen, in the order seen. */
  entries(): [string, string][] {
    return this.more === undefined ? [[this.value, this.seenAt]] : [...this.more];
  }

  add(value: string, seenAt: string): void {
    if (value === this.value || this.more?.has(value)) return;
    this.more ??= new Map([[this.value, this.seenAt]]);
    this.more.set(value, seenAt);
  }
}

export class RankedMap {
  readonly entries = new Map<string, Ranked>();

  add(key: string, rank: number, value: string, seenAt: string): void {
    const entry = this.entries.get(key);
    if (entry === undefined || rank > entry.rank) this.entries.set(key, new Ranked(rank, value, seenAt));
    else if (rank === entry.rank) entry.add(value, seenAt);
  }

  get(key: string): Ranked | undefined {
    return this.entries.get(key);
  }
}

export interface Ipv6Links {
  ipv4ToMac: RankedMap;
  macToIpv6: RankedMap;
  ipv4ToIpv6: RankedMap;
}

const CANONICAL_MAC = /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/;

const isTrue = (value: string | undefined) => value === 'true' || value === 'yes';

/** A canonical MAC (`aa:bb:cc:dd:ee:ff`) or undefined (PPP caller-ids of L2TP are IP addresses). */
export function macOf(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  // RouterOS prints `AA:BB:CC:DD:EE:FF`: lower-casing is all it needs (100k rows a run).
  const lower = raw.toLowerCase();
  const mac = CANONICAL_MAC.test(lower) ? lower : normalizeMac(raw);
  return CANONICAL_MAC.test(mac) && mac !== '00:00:00:00:00:00' ? mac : undefined;
}

/** A bare IPv4 host (`100.64.0.5`, prefix dropped as LibreQoS does) or undefined. */
export function ipv4Of(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  if (canonicalIpv4Value(raw) !== undefined) return raw;
  const parsed = inspectIp(raw.split('/')[0] ?? '');
  return parsed.ok && parsed.info.family === 4 ? parsed.info.address : undefined;
}

/**
 * A global IPv6 address or prefix in canonical text, or undefined for anything a shaper cannot
 * use: link-local (fe80::/10), multicast, loopback, unspecified, or not IPv6 at all.
 */
export function globalIpv6Of(raw: string | undefined): { text: string; prefix: number } | undefined {
  if (raw === undefined) return undefined;
  const parsed = inspectIp(raw);
  if (!parsed.ok || parsed.info.family !== 6) return undefined;
  const [first = 0, second = 0] = parsed.info.bytes;
  if (first === 0xfe && (second & 0xc0) === 0x80) return undefined;
  if (first === 0xff) return undefined;
  if (parsed.info.bytes.slice(0, 15).every((byte) => byte === 0)) return undefined;
  return { text: formatIpInfo(parsed.info), prefix: parsed.info.prefix };
}

/**
 * The MAC inside a DHCPv6 DUID as RouterOS prints it (`0x00030001aabbccddeeff`, plain hex or
 * colon-separated): DUID-LL (type 3) and DUID-LLT (type 1) with hardware type 1 (Ethernet) carry
 * it; DUID-EN and DUID-UUID do not.
 */
export function macFromDuid(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const hex = raw
    .trim()
    .replace(/^0x/i, '')
    .replace(/[\s:-]/g, '')
    .toLowerCase();
  if (!/^([0-9a-f]{2})+$/.test(hex)) return undefined;
  const type = hex.slice(0, 4);
  const hardware = hex.slice(4, 8);
  if (hardware !== '0001') return undefined;
  const address = type === '0003' ? hex.slice(8) : type === '0001' ? hex.slice(16) : '';
  return address.length === 12 ? macOf(address) : undefined;
}

/** Collects every router's links. `seenAt` texts name router and menu for ambiguity warnings. */
export function collectLinks(tables: readonly RouterTables[]): Ipv6Links {
  const links: Ipv6Links = {
    ipv4ToMac: new RankedMap(),
    macToIpv6: new RankedMap(),
    ipv4ToIpv6: new RankedMap(),
  };
  for (const table of tables) addRouter(links, table);
  return links;
}

function addRouter(links: Ipv6Links, table: RouterTables): void {
  const at = (menu: string) => `${table.router} ${menu}`;
  // One label per menu, not one string per row.
  const seen = {
    arp: at('ARP'),
    lease: at('DHCP lease'),
    ppp: at('PPP session'),
    neighbor: at('IPv6 neighbour'),
    binding: at('DHCPv6 binding'),
  };
  for (const row of table.arp) {
    if (isTrue(row.invalid) || isTrue(row.disabled) || row.status === 'failed' || row.status === 'incomplete')
      continue;
    const ipv4 = ipv4Of(row.address);
    const mac = macOf(row['mac-address']);
    if (ipv4 && mac) links.ipv4ToMac.add(ipv4, RANK.arp, mac, seen.arp);
  }
  for (const row of table.leases) {
    if (isTrue(row.disabled)) continue;
    const ipv4 = ipv4Of(row['active-address'] || row.address);
    const mac = macOf(row['active-mac-address'] || row['mac-address']);
    if (ipv4 && mac) links.ipv4ToMac.add(ipv4, RANK.dhcpLease, mac, seen.lease);
  }
  const pppInterfaces = new Map<string, string>();
  for (const row of table.pppActive) {
    const ipv4 = ipv4Of(row.address);
    if (!ipv4) continue;
    const mac = macOf(row['caller-id']);
    if (mac) links.ipv4ToMac.add(ipv4, RANK.ppp, mac, seen.ppp);
    // RouterOS names a PPP session's interface `<service-name>`, e.g. `<pppoe-alice>`.
    if (row.name) pppInterfaces.set(`<${row.service || 'pppoe'}-${row.name}>`, ipv4);
  }
  for (const row of table.neighbors) {
    if (row.status === 'failed' || row.status === 'incomplete') continue;
    const ipv6 = globalIpv6Of(row.address);
    const mac = macOf(row['mac-address']);
    // A neighbour is a host: its address alone, whatever prefix RouterOS might print.
    if (ipv6 && mac)
      links.macToIpv6.add(mac, RANK.neighbor, ipv6.text.split('/')[0] ?? ipv6.text, seen.neighbor);
  }
  for (const row of table.bindings) {
    if (isTrue(row.disabled)) continue;
    const ipv6 = globalIpv6Of(row.address);
    if (!ipv6) continue;
    const rank = ipv6.prefix < 128 ? RANK.dhcpv6Prefix : RANK.dhcpv6Address;
    const ppp = row.server === undefined ? undefined : pppInterfaces.get(row.server);
    if (ppp) links.ipv4ToIpv6.add(ppp, rank, ipv6.text, at(`DHCPv6 binding of ${row.server}`));
    const mac = macOf(row['mac-address']) ?? macFromDuid(row.duid);
    if (mac) links.macToIpv6.add(mac, rank, ipv6.text, seen.binding);
  }
}
