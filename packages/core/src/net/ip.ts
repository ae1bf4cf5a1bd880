import { createRequire } from 'node:module';
import type * as IpaddrModule from 'ipaddr.js';

// ipaddr.js is CommonJS (`export =`) and the tsconfig has no synthetic default imports.
const ipaddr = createRequire(import.meta.url)('ipaddr.js') as typeof IpaddrModule;
type IPv4 = IpaddrModule.IPv4;
type IPv6 = IpaddrModule.IPv6;

export type IpFamily = 4 | 6;

/** What one address or CIDR text is, after parsing. */
export interface IpInfo {
  readonly family: IpFamily;
  /** The address part, canonical (IPv4 dotted quad; IPv6 RFC 5952 lower case), without prefix. */
  readonly address: string;
  /** The prefix length; 32/128 for a bare address. */
  readonly prefix: number;
  /** True when no host bits are set below the prefix (always true for a bare address). */
  readonly network: boolean;
  /** The address bytes (4 or 16), host bits as given. */
  readonly bytes: number[];
}

export type InspectIpResult = { ok: true; info: IpInfo } | { ok: false; reason: string };

export type NormalizeIpResult = { ok: true; family: IpFamily; text: string } | { ok: false; reason: string };

const PREFIX_RE = /^\d{1,3}$/;
const OCTET = '(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const CANONICAL_V4 = new RegExp(`^${OCTET}\\.${OCTET}\\.${OCTET}\\.${OCTET}$`);

/**
 * Strict parse. IPv4 must be canonical four-part decimal: ipaddr.js alone also takes `10`,
 * `0x0a.0.0.1` and octal, which LibreQoS's Python `ipaddress` rejects, so the parsed address must
 * print back as the input. One parse per call (no isValid + parse): this runs 200k times a run.
 */
function parseAddress(text: string): IPv4 | IPv6 | null {
  // Fast path for the canonical dotted quad, which is nearly every address a source sends: the
  // regex admits exactly the texts the strict check below accepts (no leading zeros, ≤ 255), and
  // the library still builds the address object. ipaddr.js's own parser costs ~1 µs per call.
  const quad = CANONICAL_V4.exec(text);
  if (quad) return new ipaddr.IPv4([Number(quad[1]), Number(quad[2]), Number(quad[3]), Number(quad[4])]);
  try {
    if (text.includes(':')) return ipaddr.IPv6.parse(text);
    const v4 = ipaddr.IPv4.parse(text);
    return v4.toString() === text ? v4 : null;
  } catch {
    return null;
  }
}

function formatAddress(addr: IPv4 | IPv6): string {
  if (addr.kind() === 'ipv4') return addr.toString();
  const v6 = addr as IPv6;
  const text = v6.toRFC5952String();
  // RFC 5952 §5: IPv4-mapped addresses keep the dotted quad. (Checked by text first: the
  // library's isIPv4MappedAddress is slow and this runs 200k times.)
  if (text.startsWith('::ffff:') && v6.isIPv4MappedAddress())
    return `::ffff:${v6.toIPv4Address().toString()}`;
  return text;
}

/** An IpInfo whose canonical text is only built when asked for (validation rarely needs it). */
class ParsedIp implements IpInfo {
  #address: string | undefined;
  constructor(
    readonly family: IpFamily,
    readonly prefix: number,
    readonly network: boolean,
    readonly bytes: number[],
    private readonly parsed: IPv4 | IPv6,
  ) {}
  get address(): string {
    this.#address ??= formatAddress(this.parsed);
    return this.#address;
  }
}

function hasHostBits(bytes: readonly number[], prefix: number): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const bitsHere = Math.min(8, Math.max(0, prefix - i * 8));
    const hostMask = 0xff >> bitsHere;
    if (((bytes[i] ?? 0) & hostMask) !== 0) return true;
  }
  return false;
}

/** Parse a bare address or CIDR (brackets and IPv6 zone ids tolerated). */
export function inspectIp(raw: string): InspectIpResult {
  let text = raw.trim();
  if (text === '') return { ok: false, reason: 'empty address' };
  let prefixText: string | undefined;
  if (text.startsWith('[')) {
    const close = text.indexOf(']');
    if (close < 0) return { ok: false, reason: `'${raw}' has an unclosed '['` };
    const rest = text.slice(close + 1);
    if (rest !== '' && !rest.startsWith('/')) return { ok: false, reason: `'${raw}' is not an IP address` };
    if (rest !== '') prefixText = rest.slice(1);
    text = text.slice(1, close);
  } else {
    const slash = text.indexOf('/');
    if (slash >= 0) {
      prefixText = text.slice(slash + 1);
      text = text.slice(0, slash);
    }
  }
  // A zone id (`fe80::1%eth0`) names a local interface; it means nothing to a shaper.
  const percent = text.indexOf('%');
  if (percent >= 0 && text.includes(':')) text = text.slice(0, percent);

  const addr = parseAddress(text);
  if (addr === null) return { ok: false, reason: `'${raw.trim()}' is not an IP address` };
  const family: IpFamily = addr.kind() === 'ipv4' ? 4 : 6;
  const width = family === 4 ? 32 : 128;
  let prefix = width;
  if (prefixText !== undefined) {
    if (!PREFIX_RE.test(prefixText) || Number(prefixText) > width) {
      return {
        ok: false,
        reason: `'${raw.trim()}' has an invalid prefix length (IPv${family} allows /0 to /${width})`,
      };
    }
    prefix = Number(prefixText);
  }
  const bytes = addr.toByteArray();
  return { ok: true, info: new ParsedIp(family, prefix, !hasHostBits(bytes, prefix), bytes, addr) };
}

/**
 * The 32-bit value of a canonical dotted-quad host address (`100.64.0.1`), or undefined for any
 * other text. A shortcut for hot loops over already-normalised addresses; anything it declines
 * goes through inspectIp.
 */
export function canonicalIpv4Value(text: string): number | undefined {
  const quad = CANONICAL_V4.exec(text);
  if (!quad) return undefined;
  return ((Number(quad[1]) << 24) | (Number(quad[2]) << 16) | (Number(quad[3]) << 8) | Number(quad[4])) >>> 0;
}

/** Canonical text of a parsed address: `addr` for hosts, `network/prefix` for networks. */
export function formatIpInfo(info: IpInfo): string {
  const width = info.family === 4 ? 32 : 128;
  if (info.prefix === width || !info.network) return info.address;
  return `${info.address}/${info.prefix}`;
}

/**
 * Normalise one address or CIDR for output. A CIDR with host bits set becomes the bare host
 * address, as LibreQoS's own integrations do (fixSubnet): `100.64.0.5/24` → `100.64.0.5`.
 */
export function normalizeIp(raw: string): NormalizeIpResult {
  // A canonical IPv4 host is already its own normal form: no objects needed (200k calls a run).
  if (CANONICAL_V4.test(raw)) return { ok: true, family: 4, text: raw };
  const result = inspectIp(raw);
  if (!result.ok) return result;
  return { ok: true, family: result.info.family, text: formatIpInfo(result.info) };
}
