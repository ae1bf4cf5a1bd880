import { toText } from '@wispsync/core';
import { type Entity, entitiesOf, ipKey, subnetsOf } from './entities.js';

export type DeviceSource =
  | 'inventory_item'
  | 'radius_account'
  | 'account_ip_assignments'
  | 'uninventoried_mac_addresses';

export interface SonarDevice {
  id: string;
  rawId: string;
  name: string;
  /** Addresses as Sonar gives them (bare or CIDR, either family, possibly invalid). */
  ips: string[];
  mac: string;
  source: DeviceSource;
}

/** First occurrence of each address (compared by ipKey), blanks dropped. */
function dedupe(ips: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const ip of ips) {
    const key = ipKey(ip);
    if (ip.trim() === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(ip);
  }
  return out;
}

/**
 * An account's devices, in LibreQoS's order (§8.4): every inventory item of every address, then
 * RADIUS accounts, then the account's own IP assignments, then uninventoried MAC addresses. Each
 * later kind only brings addresses no earlier device has; one that brings none is left out.
 * Inventory items are kept even without an address: their MAC places the account under its AP.
 */
export function buildAccountDevices(account: Entity): SonarDevice[] {
  const devices: SonarDevice[] = [];
  const known = new Set<string>();
  const unknownOnly = (ips: readonly string[]) => dedupe(ips).filter((ip) => !known.has(ipKey(ip)));
  const add = (device: SonarDevice) => {
    devices.push(device);
    for (const ip of device.ips) known.add(ipKey(ip));
  };

  for (const address of entitiesOf(account.addresses)) {
    for (const item of entitiesOf(address.inventory_items)) {
      const rawId = toText(item.id);
      const fieldIps = entitiesOf(item.inventory_model_field_data).flatMap((d) =>
        subnetsOf(d.ip_assignments),
      );
      add({
        id: `sonar:device:${rawId}`,
        rawId,
        name: toText((item.inventory_model as Entity | null | undefined)?.name),
        ips: dedupe([...fieldIps, ...subnetsOf(item.ip_assignments)]),
        mac: findPrimaryMac(item),
        source: 'inventory_item',
      });
    }
  }
  for (const radius of entitiesOf(account.radius_accounts)) {
    const ips = unknownOnly(subnetsOf(radius.ip_assignments));
    if (ips.length === 0) continue;
    const rawId = toText(radius.id);
    add({
      id: `sonar:radius-account:${rawId}`,
      rawId,
      name: `Radius Account ${rawId}`,
      ips,
      mac: '',
      source: 'radius_account',
    });
  }
  const accountIps = unknownOnly(subnetsOf(account.ip_assignments));
  if (accountIps.length > 0) {
    const rawId = toText(account.id);
    add({
      id: `sonar:account-ip-assignments:${rawId}`,
      rawId,
      name: 'Account IP Assignments',
      ips: accountIps,
      mac: '',
      source: 'account_ip_assignments',
    });
  }
  for (const entry of entitiesOf(account.uninventoried_mac_addresses)) {
    const ips = unknownOnly(subnetsOf(entry.ip_assignments));
    if (ips.length === 0) continue;
    const rawId = toText(entry.id);
    const mac = toText(entry.mac_address);
    add({
      id: `sonar:uninventoried-mac-address:${rawId}`,
      rawId,
      name: mac ? `Uninventoried MAC Address: ${mac}` : 'Uninventoried MAC Address',
      ips,
      mac,
      source: 'uninventoried_mac_addresses',
    });
  }
  return devices;
}

/**
 * The item's MAC: among its non-blank field values, the first primary field whose name contains
 * "mac"; else the first field named like a MAC; else the first non-blank value; else ''.
 */
export function findPrimaryMac(item: Entity): string {
  const fields = entitiesOf(item.inventory_model_field_data)
    .map((data) => {
      const field = (data.inventory_model_field ?? {}) as Entity;
      return {
        value: toText(data.value),
        isMac: toText(field.name).toLowerCase().includes('mac'),
        primary: field.primary === true,
      };
    })
    .filter((field) => field.value !== '');
  return (
    fields.find((f) => f.isMac && f.primary)?.value ??
    fields.find((f) => f.isMac)?.value ??
    fields[0]?.value ??
    ''
  );
}
