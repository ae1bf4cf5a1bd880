import {
  compileRecordValidator,
  type Inventory,
  type InventoryCircuit,
  type InventoryDevice,
  type MapContext,
  type PlanRate,
  type RecordValidator,
  splitIpList,
  toText,
  warnSome,
} from '@wispsync/core';
import type { PowercodeData } from './api.js';
import { customerSchema, equipmentSchema, SECTION, serviceSchema } from './schema.js';
import { faster, mapServices, type ServiceRate } from './services.js';

interface Lookups {
  /** Shaped equipment types, lower-case. */
  types: Set<string>;
  rates: Map<string, ServiceRate>;
  checkEquipment: RecordValidator;
}

/** What one customer's equipment list yields: devices, and the services they run on. */
interface Shaped {
  devices: InventoryDevice[];
  services: ServiceRate[];
}

/** Warnings collected over the whole run, printed once each kind (at most 20 lines each). */
interface Notes {
  unknownService: Map<string, number>;
  withoutIp: string[];
  severalServices: string[];
}

/**
 * Active customers → one circuit each (id = the Powercode customer id, as LibreQoS), with one
 * device per piece of customer equipment on a known service (`c_<customer>_s__d_<equipment>`).
 * Powercode has no topology: every circuit is at the top level.
 */
export async function mapPowercode(raw: PowercodeData, context: MapContext): Promise<Inventory> {
  const [checkCustomer, checkEquipment, checkService] = await Promise.all([
    compileRecordValidator(customerSchema),
    compileRecordValidator(equipmentSchema),
    compileRecordValidator(serviceSchema),
  ]);
  const rates = mapServices(raw.services, checkService, context);
  const section = context.config[SECTION] as Record<string, unknown>;
  const lookups: Lookups = {
    types: new Set((section.equipment_types as string[]).map(normalize)),
    rates,
    checkEquipment,
  };
  const notes: Notes = { unknownService: new Map(), withoutIp: [], severalServices: [] };
  const circuits: InventoryCircuit[] = [];
  const seen = new Set<string>();

  raw.customers.forEach((record, index) => {
    const problems = checkCustomer(record);
    const source = (record ?? {}) as Record<string, unknown>;
    const id = problems.length === 0 ? toText(source.id) : '';
    if (id === '') {
      const who = toText(source.id) || `#${index + 1}`;
      context.warn(`Powercode customer ${who} skipped: ${problems.join('; ') || 'id is empty'}`);
      context.skip('invalid-record');
      return;
    }
    if (seen.has(id)) {
      context.warn(`Powercode customer ${id} appears twice: the first one is used`);
      context.skip('duplicate-customer');
      return;
    }
    seen.add(id);
    if (normalize(toText(source.status)) !== 'active') {
      context.skip('inactive');
      return;
    }
    const name = toText(source.name) || toText(source.company_name) || id;
    const shaped = shapeEquipment({ id, name }, source.equipment, lookups, notes, context);
    if (shaped.devices.length === 0) {
      context.skip('no-device');
      return;
    }
    circuits.push({
      id,
      name,
      parentId: null,
      rate: choosePlan(id, name, shaped.services, notes),
      devices: shaped.devices,
    });
  });
  report(notes, context);
  return { source: 'powercode', nodes: [], circuits };
}

function shapeEquipment(
  owner: { id: string; name: string },
  list: unknown,
  lookups: Lookups,
  notes: Notes,
  context: MapContext,
): Shaped {
  const { id: customerId, name: customerName } = owner;
  const shaped: Shaped = { devices: [], services: [] };
  if (!Array.isArray(list)) return shaped;
  const deviceIds = new Set<string>();
  list.forEach((record, index) => {
    const problems = lookups.checkEquipment(record);
    const item = (record ?? {}) as Record<string, unknown>;
    const equipmentId = problems.length === 0 ? toText(item.id) : '';
    if (equipmentId === '') {
      const who = toText(item.id) || `#${index + 1}`;
      context.warn(
        `Powercode equipment ${who} of customer ${customerId} skipped: ${problems.join('; ') || 'id is empty'}`,
      );
      context.skip('invalid-record');
      return;
    }
    if (!lookups.types.has(normalize(toText(item.type)))) {
      context.skip('not-customer-equipment');
      return;
    }
    const serviceId = toText(item.service_id);
    const service = lookups.rates.get(serviceId);
    if (service === undefined) {
      notes.unknownService.set(serviceId, (notes.unknownService.get(serviceId) ?? 0) + 1);
      context.skip('unknown-service');
      return;
    }
    // The customer pays for this service even when the equipment lacks an IP: it counts for the plan.
    if (!shaped.services.includes(service)) shaped.services.push(service);
    const deviceName = toText(item.name);
    const ips = splitIpList(item.ip_address);
    if (ips.length === 0) {
      notes.withoutIp.push(
        `Powercode equipment ${equipmentId} "${deviceName}" of customer ${customerId} "${customerName}" has no IP address: not shaped`,
      );
      context.skip('equipment-without-ip');
      return;
    }
    const id = `c_${customerId}_s__d_${equipmentId}`;
    if (deviceIds.has(id)) {
      context.warn(
        `Powercode equipment ${equipmentId} of customer ${customerId} appears twice: the first one is used`,
      );
      context.skip('duplicate-equipment');
      return;
    }
    deviceIds.add(id);
    // Core sorts each address into its family, whichever list it arrives in.
    shaped.devices.push({ id, name: deviceName, mac: toText(item.mac_address), ipv4: ips, ipv6: [] });
  });
  return shaped;
}

/** One circuit, one plan: with equipment on several services, the fastest one wins. */
function choosePlan(id: string, name: string, services: ServiceRate[], notes: Notes): PlanRate {
  const chosen = services.reduce(faster);
  if (services.length > 1) {
    const list = services.map((s) => `${s.id}: ${s.downloadMbps}/${s.uploadMbps} Mbps`).join(', ');
    notes.severalServices.push(
      `Powercode customer ${id} "${name}" has equipment on ${services.length} services (${list}): the fastest, ${chosen.id}, is used for the circuit`,
    );
  }
  return { downloadMbps: chosen.downloadMbps, uploadMbps: chosen.uploadMbps };
}

function report(notes: Notes, context: MapContext): void {
  warnSome(context, notes.severalServices, 'customers with equipment on several services');
  warnSome(context, notes.withoutIp, 'pieces of equipment without an IP address');
  if (notes.unknownService.size > 0) {
    const list = [...notes.unknownService]
      .map(([id, count]) => `${id === '' ? '(none)' : id} ×${count}`)
      .slice(0, 10)
      .join(', ');
    const more = notes.unknownService.size > 10 ? ` and ${notes.unknownService.size - 10} more` : '';
    const total = [...notes.unknownService.values()].reduce((a, b) => a + b, 0);
    context.warn(
      `${total} piece(s) of customer equipment are on a service list_services does not give a rate for, and are not shaped: service ${list}${more}`,
    );
  }
}

function normalize(text: string): string {
  return text.trim().toLowerCase();
}
