import { join } from 'node:path';
import {
  applyBandwidthOverrides,
  type Inventory,
  type MapContext,
  readBandwidthOverrides,
} from '@wispsync/core';
import { LARGE_RUN, releaseMemory } from '@wispsync/core/cli';
import type { UispRaw } from './api.js';
import { deviceCapacity } from './capacity.js';
import { buildCircuits } from './circuits.js';
import { indexUisp, mapClientsToAps, type UispIndex } from './clients.js';
import { translateExceptionCpes } from './exceptions.js';
import { namedExclusions } from './exclude.js';
import { dedupeSiteNames } from './names.js';
import { parseUisp } from './parse.js';
import { listSome, WarningList } from './report.js';
import { readSettings } from './settings.js';
import { buildTopology, type Topology } from './topology.js';
import type { Capacity, UispData, UispDevice, UispSite } from './types.js';

export const BANDWIDTHS_FILE = 'integrationUISPbandwidths.csv';

/** graph.dot of each inventory built with the full strategy, for the extraFiles hook. */
export const dotFiles = new WeakMap<Inventory, () => string>();

/**
 * UISP records → Inventory. Client sites are circuits; tower sites and their devices are nodes in
 * the shape of the chosen strategy (see topology.ts). Core then does the generic steps.
 */
export async function mapUisp(raw: UispRaw, context: MapContext): Promise<Inventory> {
  const warnings = new WarningList(context);
  const data = await parseUisp(raw, context, warnings);
  warnings.flush();
  // The three answers are garbage now; on a large UISP, collect them before the tree is built
  // (without this the peak RSS is the answers and everything built from them at once).
  if (data.sites.length >= LARGE_RUN) releaseMemory();
  dedupeSiteNames(data.sites);
  const settings = readSettings(context);
  const index = indexUisp(data);
  const apOf = mapClientsToAps(data, index, warnings);
  const excluded = namedExclusions(data.sites, settings.excludeSites);
  const capacities = new Map<string, Capacity>();
  const capacityOf = (device: UispDevice): Capacity => {
    let capacity = capacities.get(device.id);
    if (capacity === undefined) {
      capacity = deviceCapacity(device, settings);
      capacities.set(device.id, capacity);
    }
    return capacity;
  };
  const topology = await buildTopology({
    data,
    index,
    apOf,
    excluded,
    settings,
    capacityOf,
    context,
    warnings,
  });
  if (topology.excludedClients > 0) context.skip('excluded', topology.excludedClients);

  const unparented: string[] = [];
  const parentOf = (client: UispSite): string | null => {
    const parent =
      context.strategy === 'flat'
        ? null
        : circuitParent(client, apOf, index, topology, excluded, context.strategy === 'full');
    if (parent === undefined) unparented.push(`"${client.name}" (${client.id})`);
    return parent ?? null;
  };
  const circuits = buildCircuits({
    clients: data.sites.filter((site) => site.type === 'endpoint'),
    index,
    excluded,
    parentOf,
    defaultMbps: settings.defaultMbps,
    warn: context.warn,
    skip: context.skip,
  });
  if (unparented.length > 0) {
    context.warn(
      `${unparented.length} client site(s) have no AP or parent site in UISP and are shaped at the top level: ${listSome(unparented)}`,
    );
  }
  const inventory: Inventory = { source: 'uisp', nodes: topology.nodes, circuits };
  await applyOverrides(inventory, data, context);
  // exception_cpes name CPE host names and UISP ids here; core's step matches circuits and nodes.
  // A flat network has no parents to re-point, so the entries would only raise warnings there.
  inventory.exceptionCpes =
    context.strategy === 'flat'
      ? []
      : translateExceptionCpes(context.common.exceptionCpes, data, index, topology);
  warnings.flush();
  if (topology.dot !== undefined) dotFiles.set(inventory, topology.dot);
  return inventory;
}

/**
 * Where a client site hangs: the node of the device it connects to; else its UISP parent site.
 * When that device or site belongs to another client (a client of a client), `full` hangs it
 * under that client (core turns the client into a generated site); the shallow strategies, which
 * have no such sites, hang it where that client hangs. undefined = nowhere known.
 */
function circuitParent(
  client: UispSite,
  apOf: ReadonlyMap<string, string>,
  index: UispIndex,
  topology: Topology,
  excluded: ReadonlySet<string>,
  nested: boolean,
  depth = 0,
): string | null | undefined {
  const viaClient = (owner: UispSite): string | null | undefined => {
    if (excluded.has(owner.id) || owner.id === client.id || depth > 32) return undefined;
    return nested ? owner.id : circuitParent(owner, apOf, index, topology, excluded, nested, depth + 1);
  };
  const ap = apOf.get(client.id);
  if (ap !== undefined) {
    const node = topology.deviceNode.get(ap);
    if (node !== undefined) return node;
    const owner = index.siteById.get(index.deviceById.get(ap)?.siteId ?? '');
    if (owner?.type === 'endpoint') return viaClient(owner);
  }
  const parent = index.siteById.get(client.parentId);
  if (parent === undefined || excluded.has(parent.id)) return undefined;
  if (parent.type === 'endpoint') return viaClient(parent);
  return topology.siteNode.get(parent.id);
}

/** integrationUISPbandwidths.csv: names that match no node are reported unless UISP has them. */
async function applyOverrides(inventory: Inventory, data: UispData, context: MapContext): Promise<void> {
  const path = join(context.outputDir, BANDWIDTHS_FILE);
  const overrides = await readBandwidthOverrides(path);
  if (overrides.length === 0) return;
  const unmatched = applyBandwidthOverrides(inventory, overrides);
  if (unmatched.length === 0) return;
  const known = new Set<string>();
  for (const site of data.sites) known.add(site.name.toLowerCase()).add(site.rawName.toLowerCase());
  for (const device of data.devices) known.add(device.name.toLowerCase());
  for (const override of unmatched) {
    if (known.has(override.name.toLowerCase())) continue; // a real site or device this strategy has no node for
    context.warn(
      `${path} line ${override.line}: no site or device named "${override.name}"; the row is not used`,
    );
  }
}
