/**
 * LibreQoS's `add_service_record` (§9.6 step 5): a service with speeds and at least one IPv4
 * becomes circuit `<service number>` with one device `<circuit>_<wifi|backfill>`, placed under
 * the equipment its best-scoring CPE assembly hangs from. The first service of a number wins.
 */
import type { InventoryCircuit, MapContext } from '@wispsync/core';
import { type AssemblyIndex, selectAttachment } from './attachment.js';
import type { Counters } from './counters.js';
import type { EquipmentTree } from './equipment.js';
import type { Row } from './records.js';

export interface ServiceRecord {
  circuitId: string;
  name: string;
  downloadMbps: number | undefined;
  uploadMbps: number | undefined;
  ipv4: string[];
  /** VISP key form (`AABBCCDDEEFF`) or ''. */
  mac: string;
  suffix: 'wifi' | 'backfill';
  /** Names the customer is known by: its circuit name, subscriber full name, subscriber username. */
  names: ReadonlySet<string>;
  equipmentIds: ReadonlySet<number>;
  preferredMacs: ReadonlySet<string>;
  /** Addresses from the customer's online RADIUS session, used only when `ipv4` is empty. */
  onlineIpv4: string[];
  /** Who the service belongs to, for messages (`customer 12`). */
  owner: string;
}

export class CircuitBuilder {
  readonly circuits: InventoryCircuit[] = [];
  private readonly byId = new Map<string, InventoryCircuit>();

  constructor(
    private readonly assemblies: AssemblyIndex,
    private readonly tree: EquipmentTree,
    private readonly counters: Counters,
    private readonly context: Pick<MapContext, 'warn' | 'skip'>,
    private readonly debug: ((line: string) => void) | undefined,
  ) {}

  has(circuitId: string): boolean {
    return this.byId.has(circuitId);
  }

  /** Adds the service's circuit; false when it is skipped (the reason is counted). */
  add(service: ServiceRecord): boolean {
    const { circuitId, name } = service;
    if (service.downloadMbps === undefined || service.uploadMbps === undefined) {
      this.counters.skippedNoSpeed++;
      this.context.skip('no-speed');
      return false;
    }
    let ipv4 = service.ipv4;
    if (ipv4.length === 0 && service.onlineIpv4.length > 0) {
      ipv4 = service.onlineIpv4;
      this.counters.onlineAddresses++;
    }
    if (ipv4.length === 0) {
      this.counters.skippedNoIp++;
      this.context.skip('no-ip');
      return false;
    }
    // Evaluated before the duplicate check, as LibreQoS does: the equipment nodes exist either way.
    const parentId = this.parentFor(service);
    const first = this.byId.get(circuitId);
    if (first !== undefined) {
      this.context.warn(
        `VISP service ${circuitId} of ${service.owner} (${name}) skipped: circuit ${circuitId} already comes from "${first.name}"`,
      );
      this.context.skip('duplicate-service');
      return false;
    }
    const circuit: InventoryCircuit = {
      id: circuitId,
      name,
      address: name,
      parentId: parentId === '' ? null : parentId,
      rate: { downloadMbps: service.downloadMbps, uploadMbps: service.uploadMbps },
      devices: [
        {
          id: `${circuitId}_${service.suffix}`,
          name: `${name}_device`,
          mac: service.mac,
          ipv4,
          ipv6: [],
        },
      ],
    };
    this.byId.set(circuitId, circuit);
    this.circuits.push(circuit);
    this.counters.shaped++;
    return true;
  }

  /** The node id of the equipment above the customer's best CPE assembly, or ''. */
  private parentFor(service: ServiceRecord): string {
    const candidates = this.assemblies.candidates(service.equipmentIds, service.names);
    const selected = selectAttachment(candidates, service.names, service.equipmentIds, service.preferredMacs);
    const nodeId = selected === undefined ? '' : this.tree.ensure((selected.row as Row).parent_id);
    if (nodeId !== '') this.counters.topologyAttached++;
    this.debug?.(
      selected === undefined
        ? `VISP topology: circuit ${service.circuitId} (${service.name}): no CPE assembly matches; top level`
        : `VISP topology: circuit ${service.circuitId} (${service.name}): assembly ${selected.id} (score ${selected.score} of ${candidates.length} candidate(s)) → ${nodeId || 'top level'}`,
    );
    return nodeId;
  }
}
