/**
 * Adds the IPv6 learned from the routers to the inventory's devices (pure). Each device IPv4
 * (prefix dropped, as LibreQoS matches) is looked up; what is found is appended to the device's
 * IPv6 list unless already there. The source's own IPv6 entries stay first and untouched; core's
 * later normalisation, dedupe across circuits and validation run on the result as on any IPv6.
 */
import type { Inventory, InventoryCircuit, InventoryDevice } from '../model/index.js';
import { normalizeIp } from '../net/index.js';
import { type Ipv6Links, ipv4Of } from './ipv6-links.js';
import { type Ipv6Lookup, lookupIpv6 } from './ipv6-resolve.js';

export interface Ipv6Enrichment {
  inventory: Inventory;
  /** Devices that got at least one new IPv6 entry. */
  devicesEnriched: number;
  addressesAdded: number;
  /** One line per device IPv4 whose lookup was ambiguous (nothing added for it). */
  ambiguous: string[];
}

function key(text: string): string {
  const normal = normalizeIp(text);
  return normal.ok ? normal.text : text.trim();
}

export function applyIpv6Links(inventory: Inventory, links: Ipv6Links): Ipv6Enrichment {
  const cache = new Map<string, Ipv6Lookup>();
  const lookup = (ipv4: string): Ipv6Lookup => {
    let found = cache.get(ipv4);
    if (found === undefined) {
      found = lookupIpv6(links, ipv4);
      cache.set(ipv4, found);
    }
    return found;
  };
  const ambiguous: string[] = [];
  let devicesEnriched = 0;
  let addressesAdded = 0;

  const enrichDevice = (circuit: InventoryCircuit, device: InventoryDevice): InventoryDevice => {
    let added: string[] | undefined;
    let have: Set<string> | undefined;
    for (const raw of device.ipv4) {
      const ipv4 = ipv4Of(raw.trim());
      if (ipv4 === undefined) continue;
      const result = lookup(ipv4);
      if (result.kind === 'ambiguous') {
        ambiguous.push(
          `circuit "${circuit.name}" (${circuit.id}), device "${device.name}": ${result.reason}`,
        );
        continue;
      }
      if (result.kind !== 'found') continue;
      have ??= new Set(device.ipv6.map(key));
      // Values from the routers are canonical already (globalIpv6Of).
      if (have.has(result.ipv6)) continue;
      have.add(result.ipv6);
      added ??= [];
      added.push(result.ipv6);
    }
    if (added === undefined) return device;
    devicesEnriched++;
    addressesAdded += added.length;
    return { ...device, ipv6: [...device.ipv6, ...added] };
  };

  const circuits = inventory.circuits.map((circuit) => {
    let changed = false;
    const devices = circuit.devices.map((device) => {
      const next = enrichDevice(circuit, device);
      if (next !== device) changed = true;
      return next;
    });
    return changed ? { ...circuit, devices } : circuit;
  });
  return { inventory: { ...inventory, circuits }, devicesEnriched, addressesAdded, ambiguous };
}
