import type { UispDevice } from './types.js';

/**
 * A device's addresses: its management address (always a host: any prefix is dropped) and every
 * interface address (`cidr`, as given: core turns host-bit CIDRs into hosts and keeps real
 * networks). The same address reported on several interfaces is kept once. Loopback and
 * link-local addresses (127/8, 169.254/16, ::1, fe80::/10) say nothing about a subscriber and are
 * dropped; `dropped` counts them.
 */
export function deviceAddresses(device: UispDevice): { ipv4: string[]; ipv6: string[]; dropped: number } {
  // A device has a handful of addresses: a list beats a Set here (this runs for every CPE).
  const seen: string[] = [];
  const ipv4: string[] = [];
  const ipv6: string[] = [];
  let dropped = 0;
  const take = (raw: string): void => {
    const text = raw.trim();
    if (text === '' || seen.includes(text)) return;
    seen.push(text);
    if (isLocalOnly(text)) {
      dropped++;
      return;
    }
    (text.includes(':') ? ipv6 : ipv4).push(text);
  };
  if (device.ipAddress !== '') take(hostPart(device.ipAddress));
  for (const cidr of device.cidrs) take(cidr);
  return { ipv4, ipv6, dropped };
}

function hostPart(text: string): string {
  const slash = text.indexOf('/');
  return slash < 0 ? text : text.slice(0, slash);
}

const LINK_LOCAL_V6 = /^fe[89ab][0-9a-f]?:/i;

function isLocalOnly(text: string): boolean {
  if (text.includes(':')) {
    const host = hostPart(text).toLowerCase();
    return host === '::1' || LINK_LOCAL_V6.test(host);
  }
  return text.startsWith('127.') || text.startsWith('169.254.');
}
