import type { RouterRow, RouterTables } from '../src/index.js';

/** Router rows as RouterOS prints them, for the IPv6 enrichment tests. */
export const M1 = 'aa:bb:cc:00:00:01';
export const M2 = 'aa:bb:cc:00:00:02';
export const duidLl = (mac: string) => `0x00030001${mac.replaceAll(':', '')}`;

export function router(name: string, tables: Partial<Omit<RouterTables, 'router'>>): RouterTables {
  return { router: name, arp: [], neighbors: [], leases: [], bindings: [], pppActive: [], ...tables };
}

export const arp = (address: string, mac: string, extra: RouterRow = {}) => ({
  address,
  'mac-address': mac.toUpperCase(),
  ...extra,
});
export const lease = (address: string, mac: string, extra: RouterRow = {}) => ({
  address,
  'mac-address': mac,
  ...extra,
});
export const binding = (address: string, duid: string, extra: RouterRow = {}) => ({
  address,
  duid,
  server: 'dhcpv6-1',
  ...extra,
});
export const neighbor = (address: string, mac: string, extra: RouterRow = {}) => ({
  address,
  'mac-address': mac,
  status: 'reachable',
  ...extra,
});
