import { inspectIp } from './ip.js';
import { ipRange } from './range.js';

export interface SubnetMatcher {
  /** True when the address (or the whole CIDR) lies inside one of the networks. */
  contains(ip: string): boolean;
}

/**
 * Matcher for `[ip_ranges]` allow/ignore lists. Each entry is parsed once into a numeric span, so
 * a lookup is one parse plus a few comparisons. A CIDR counts as contained only when all of it is
 * inside one entry. Throws a plain Error naming the first invalid entry.
 */
export function createSubnetMatcher(cidrs: readonly string[]): SubnetMatcher {
  const v4: { start: number; end: number }[] = [];
  const v6: { start: string; end: string }[] = [];
  for (const entry of cidrs) {
    const parsed = inspectIp(entry);
    if (!parsed.ok) throw new Error(`invalid subnet '${entry}': ${parsed.reason}`);
    const range = ipRange(parsed.info);
    if (range.family === 4) v4.push({ start: range.start, end: range.end });
    else v6.push({ start: range.start, end: range.end });
  }
  if (v4.length === 0 && v6.length === 0) return { contains: () => false };
  return {
    contains(ip: string): boolean {
      const parsed = inspectIp(ip);
      if (!parsed.ok) return false;
      const range = ipRange(parsed.info);
      if (range.family === 4) {
        for (const net of v4) if (range.start >= net.start && range.end <= net.end) return true;
        return false;
      }
      for (const net of v6) if (range.start >= net.start && range.end <= net.end) return true;
      return false;
    },
  };
}
