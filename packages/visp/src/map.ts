/**
 * VISP records → Inventory, in LibreQoS's HEAD order (§9.6): bulk services first, then the
 * customers the bulk query missed; infrastructure nodes appear as circuits first need them.
 * Circuit ids are the service numbers; devices `<circuit>_wifi` / `<circuit>_backfill`; nodes
 * `visp:site:…` and `visp:eq:…` in network.json. Rates are plan Mbps; core does the rate math.
 */
import { createSubnetMatcher, type FetchContext, type Inventory, type MapContext } from '@wispsync/core';
import { AssemblyIndex } from './attachment.js';
import { mapBackfill } from './backfill.js';
import { mapBulk } from './bulk.js';
import { CircuitBuilder } from './circuits.js';
import { newCounters, summaryLine } from './counters.js';
import { EquipmentTree } from './equipment.js';
import type { IpAllowed } from './ips.js';
import { bulkCustomerIds, indexSubscribers, type Row, text, type VispRaw } from './records.js';
import { type MapState, OnlineAddresses } from './state.js';

export function mapVisp(raw: VispRaw, context: MapContext): Inventory {
  // The runner hands map the full run context; its reporter prints the info lines (none in tests).
  const reporter = (context as Partial<FetchContext>).reporter;
  const info = (line: string) => reporter?.info(line);
  const ignored = createSubnetMatcher(context.common.ignoreSubnets);
  const allowed: IpAllowed = (ip) => !ignored.contains(ip);
  const counters = newCounters();
  const tree = new EquipmentTree(raw.equipment, (message) => context.warn(message));
  const assemblies = new AssemblyIndex(raw.assemblies);
  const builder = new CircuitBuilder(
    assemblies,
    tree,
    counters,
    context,
    raw.options.debugTopology ? info : undefined,
  );
  const state: MapState = {
    context,
    subscribers: indexSubscribers(raw.subscribers).byId,
    assemblies,
    builder,
    counters,
    allowed,
    online: new OnlineAddresses(raw.online, raw.options.onlineUsersDomain, allowed),
  };
  counters.subscribersRows = raw.subscribers.length;
  counters.bulkCustomers = bulkCustomerIds(raw.bulk).size;

  if (raw.bulk !== undefined) mapBulk(raw.bulk, state);
  const allowlist = new Set(raw.options.serviceTypes.map((type) => type.toLowerCase()));
  mapBackfill(raw.backfill, allowlist, state);

  counters.topologySites = tree.sites;
  counters.topologyEquipment = tree.equipment;
  if (raw.options.debugStatus && raw.bulk !== undefined) {
    for (const line of statusHistograms(raw.bulk)) info(line);
  }
  info(summaryLine(counters));
  return { source: 'visp', nodes: tree.nodes, circuits: builder.circuits };
}

/** The 12 most common service and package statuses of the bulk services (VISP_DEBUG_STATUS). */
function statusHistograms(bulk: readonly Row[]): string[] {
  const lines: string[] = [];
  for (const field of ['status', 'package_status'] as const) {
    const counts = new Map<string, number>();
    for (const record of bulk) {
      const services = Array.isArray(record.wireless_services) ? record.wireless_services : [];
      for (const service of services as Row[]) {
        const value = text(service?.[field]).toUpperCase() || '(blank)';
        counts.set(value, (counts.get(value) ?? 0) + 1);
      }
    }
    const top = [...counts]
      .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
      .slice(0, 12)
      .map(([value, count]) => `${value}=${count}`);
    lines.push(`VISP ${field.replace('_', ' ')} (top 12): ${top.join(', ') || 'none'}`);
  }
  return lines;
}
