/**
 * One IPv4 → at most one IPv6 address or prefix, from the ranked links (pure). A PPP session's
 * own delegated prefix wins; else IPv4 → MAC → IPv6. Two different answers at the best rank of
 * any step make the lookup ambiguous: nothing is added, and the reason says why.
 */
import type { Ipv6Links, Ranked } from './ipv6-links.js';

export type Ipv6Lookup =
  | { kind: 'found'; ipv6: string; mac: string | undefined }
  | { kind: 'ambiguous'; reason: string }
  | { kind: 'none' };

const SHOWN = 3;

function list(ranked: Ranked): string {
  const values = ranked.entries().map(([value, seenAt]) => `${value} (${seenAt})`);
  const more = values.length > SHOWN ? `, … ${values.length - SHOWN} more` : '';
  return `${values.slice(0, SHOWN).join(', ')}${more}`;
}

function single(ranked: Ranked | undefined): string | undefined {
  return ranked !== undefined && ranked.size === 1 ? ranked.value : undefined;
}

export function lookupIpv6(links: Ipv6Links, ipv4: string): Ipv6Lookup {
  const direct = links.ipv4ToIpv6.get(ipv4);
  if (direct !== undefined) {
    const ipv6 = single(direct);
    if (ipv6 !== undefined) return { kind: 'found', ipv6, mac: undefined };
    return {
      kind: 'ambiguous',
      reason: `${ipv4} has ${direct.size} PPP delegated prefixes: ${list(direct)}`,
    };
  }
  const macs = links.ipv4ToMac.get(ipv4);
  if (macs === undefined) return { kind: 'none' };
  const mac = single(macs);
  if (mac === undefined) {
    return {
      kind: 'ambiguous',
      reason: `${ipv4} is linked to ${macs.size} MAC addresses: ${list(macs)}`,
    };
  }
  const found = links.macToIpv6.get(mac);
  if (found === undefined) return { kind: 'none' };
  const ipv6 = single(found);
  if (ipv6 === undefined) {
    return {
      kind: 'ambiguous',
      reason: `${ipv4} → MAC ${mac} has ${found.size} IPv6 candidates of the same kind: ${list(found)}`,
    };
  }
  return { kind: 'found', ipv6, mac };
}
