import {
  compileRecordValidator,
  type Inventory,
  type InventoryCircuit,
  type InventoryNode,
  type MapContext,
  splitIpList,
  toNumber,
  toText,
} from '@wispsync/core';
import type { NetzurExport } from './api.js';
import { customerSchema, zoneSchema } from './schema.js';

/**
 * Zones → sites, customers → one circuit with one device each (LibreQoS's newest Netzur ids:
 * `netzur_<subscriber_id>` and `netzur_<subscriber_id>_device`). Customers name their zone by
 * name; an unknown zone puts the customer at the top level.
 */
export async function mapNetzur(raw: NetzurExport, context: MapContext): Promise<Inventory> {
  const [checkZone, checkCustomer] = await Promise.all([
    compileRecordValidator(zoneSchema),
    compileRecordValidator(customerSchema),
  ]);
  const excluded = new Set(
    context.common.excludeSites.map((name) => name.trim().toLowerCase()).filter(Boolean),
  );
  const nodes = mapZones(raw.zones, checkZone, context);
  const zoneIdByName = new Map(nodes.map((node) => [node.name, node.id]));
  const circuits: InventoryCircuit[] = [];
  const unknownZones = new Map<string, number>();

  raw.customers.forEach((record, index) => {
    const problems = checkCustomer(record);
    const customer = (record ?? {}) as Record<string, unknown>;
    const sid = problems.length === 0 ? toText(customer.subscriber_id) : '';
    if (problems.length > 0 || sid === '') {
      const who = toText(customer.subscriber_id) || `#${index + 1}`;
      context.warn(`Netzur customer ${who} skipped: ${problems.join('; ') || 'subscriber_id is empty'}`);
      context.skip('invalid-record');
      return;
    }
    const zone = toText(customer.zone);
    if (zone && excluded.has(zone.toLowerCase())) {
      context.skip('excluded');
      return;
    }
    const parentId = zone ? (zoneIdByName.get(zone) ?? null) : null;
    if (zone && parentId === null) unknownZones.set(zone, (unknownZones.get(zone) ?? 0) + 1);
    const name = toText(customer.customerName) || sid;
    circuits.push({
      id: `netzur_${sid}`,
      name,
      address: toText(customer.address),
      parentId,
      rate: { downloadMbps: toNumber(customer.download) ?? 0, uploadMbps: toNumber(customer.upload) ?? 0 },
      devices: [
        {
          id: `netzur_${sid}_device`,
          name: `${name}_device`,
          mac: toText(customer.mac),
          ipv4: splitIpList(customer.ip),
          ipv6: splitIpList(customer.ipv6),
        },
      ],
    });
  });
  for (const [zone, count] of unknownZones) {
    context.warn(
      `Netzur zone "${zone}" is named by ${count} customer(s) but not in the zone list: they are placed at the top level`,
    );
  }
  return { source: 'netzur', nodes, circuits };
}

function mapZones(
  zones: unknown[],
  check: (record: unknown) => string[],
  context: MapContext,
): InventoryNode[] {
  const nodes: InventoryNode[] = [];
  const seen = new Set<string>();
  zones.forEach((record, index) => {
    const problems = check(record);
    const zone = (record ?? {}) as Record<string, unknown>;
    const name = toText(zone.name);
    if (problems.length > 0) {
      context.warn(`Netzur zone ${name || `#${index + 1}`} skipped: ${problems.join('; ')}`);
      context.skip('invalid-record');
      return;
    }
    if (name === '') {
      context.warn(`Netzur zone #${index + 1} skipped: it has no name`);
      context.skip('zone-without-name');
      return;
    }
    if (seen.has(name)) {
      context.warn(`Netzur zone "${name}" appears twice: the first one is used`);
      context.skip('duplicate-zone');
      return;
    }
    seen.add(name);
    const sourceId = toText(zone.id) || toText(zone.zone_id);
    nodes.push({
      kind: 'site',
      id: `zone:${name}`,
      name,
      parentId: null,
      downloadMbps: toNumber(zone.capacity_download_mbps),
      uploadMbps: toNumber(zone.capacity_upload_mbps),
      networkJsonId: sourceId ? `netzur:zone:${sourceId}` : undefined,
    });
  });
  return nodes;
}
