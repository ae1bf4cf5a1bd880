import { syntheticNetworkJsonId } from './synthetic-id.js';
import type { WorkCircuit, WorkGraph, WorkItem, WorkNode } from './types.js';

export const GENERATED_SITE_PREFIX = '(Generated Site) ';

/**
 * Step 4 — a circuit that is the parent of nodes or circuits cannot be a network.json node, so it
 * gets a generated site where it stood: the circuit and all its children hang below that site.
 * Nested clients nest their generated sites the same way. Afterwards every parent is a node.
 */
export function generateClientSites(graph: WorkGraph): void {
  const parents = new Set<WorkCircuit>();
  for (const node of graph.nodes) if (node.parent?.type === 'circuit') parents.add(node.parent);
  for (const circuit of graph.circuits) if (circuit.parent?.type === 'circuit') parents.add(circuit.parent);
  if (parents.size === 0) return;

  const usedIds = new Set<string>();
  for (const node of graph.nodes) if (node.networkJsonId !== '') usedIds.add(node.networkJsonId);

  const siteOf = new Map<WorkCircuit, WorkNode>();
  for (const circuit of graph.circuits) {
    if (!parents.has(circuit)) continue;
    const name = circuit.name.trim() || circuit.id;
    const site: WorkNode = {
      type: 'node',
      seq: graph.seqCount++,
      kind: 'site',
      id: `${circuit.id}_gen`,
      name: GENERATED_SITE_PREFIX + name,
      generated: true,
      networkJsonId: uniqueId(syntheticNetworkJsonId('graph', 'site', name), usedIds),
      downloadMbps: undefined,
      uploadMbps: undefined,
      latitude: undefined,
      longitude: undefined,
      parent: circuit.parent,
      missingParent: null,
      capacity: { download: 0, upload: 0 },
    };
    siteOf.set(circuit, site);
  }

  const sites = [...siteOf.values()];
  // A generated site inherits its circuit's parent, which may itself be a client: remap it too.
  const remap = (item: WorkItem): void => {
    if (item.parent?.type === 'circuit') item.parent = siteOf.get(item.parent) ?? null;
  };
  for (const site of sites) remap(site);
  for (const node of graph.nodes) remap(node);
  for (const circuit of graph.circuits) remap(circuit);
  for (const [circuit, site] of siteOf) circuit.parent = site;
  graph.nodes.push(...sites);
}

/** Two clients with the same name must not share an id (duplicate ids fail LibreQoS 2.2). */
function uniqueId(base: string, used: Set<string>): string {
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  used.add(id);
  return id;
}
