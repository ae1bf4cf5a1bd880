import type { Inventory } from '../model/index.js';
import { capWarnings, WARNING_DETAIL_LIMIT } from '../model/index.js';
import type { CircuitRates } from '../rates/index.js';
import type { WorkCircuit, WorkGraph, WorkItem, WorkNode } from './types.js';

/** Placeholder until the rate step replaces it (shared: 200k circuits need no 200k zero objects). */
const NO_RATES: CircuitRates = Object.freeze({ downloadMin: 0, uploadMin: 0, downloadMax: 0, uploadMax: 0 });

/**
 * Copy the inventory into a working graph and resolve every `parentId` to an object reference.
 * A parent id is looked up among nodes first, then circuits (a source could reuse a number across
 * both tables; infrastructure wins). Duplicate ids resolve to the first in input order.
 */
export function createWorkGraph(inventory: Inventory): WorkGraph {
  const graph: WorkGraph = { nodes: [], circuits: [], warnings: [], dropped: {}, seqCount: 0 };
  const nodeById = new Map<string, WorkNode>();
  const duplicateNodeIds: string[] = [];

  for (const source of inventory.nodes) {
    const node: WorkNode = {
      type: 'node',
      seq: graph.seqCount++,
      kind: source.kind,
      id: source.id,
      name: source.name,
      generated: false,
      networkJsonId: source.networkJsonId?.trim() ?? '',
      downloadMbps: source.downloadMbps,
      uploadMbps: source.uploadMbps,
      latitude: source.latitude,
      longitude: source.longitude,
      parent: null,
      missingParent: null,
      capacity: { download: 0, upload: 0 },
    };
    graph.nodes.push(node);
    if (nodeById.has(node.id)) duplicateNodeIds.push(node.id);
    else nodeById.set(node.id, node);
  }
  for (const source of inventory.circuits) {
    const circuit: WorkCircuit = {
      type: 'circuit',
      seq: graph.seqCount++,
      source,
      id: source.id,
      name: source.name,
      parent: null,
      missingParent: null,
      slow: false,
      devices: [],
      rates: NO_RATES,
    };
    graph.circuits.push(circuit);
  }
  if (duplicateNodeIds.length > 0) {
    graph.warnings.push(
      `${duplicateNodeIds.length} node id(s) used more than once; parent links go to the first: ${listSome(duplicateNodeIds)}`,
    );
  }

  // Most parents are nodes: index the circuits only once a parent id is not a node's.
  let circuitById: Map<string, WorkCircuit> | undefined;
  const findCircuit = (id: string): WorkCircuit | undefined => {
    if (circuitById === undefined) {
      circuitById = new Map();
      for (const circuit of graph.circuits) {
        if (!circuitById.has(circuit.id)) circuitById.set(circuit.id, circuit);
      }
    }
    return circuitById.get(id);
  };
  const resolve = (item: WorkItem, parentId: string | null): void => {
    if (parentId === null || parentId === '') return;
    const parent = nodeById.get(parentId) ?? findCircuit(parentId);
    if (parent === undefined) item.missingParent = parentId;
    else item.parent = parent;
  };
  for (let i = 0; i < graph.nodes.length; i++) resolve(graph.nodes[i]!, inventory.nodes[i]!.parentId);
  for (const circuit of graph.circuits) resolve(circuit, circuit.source.parentId);
  return graph;
}

/** Per-item warnings shown before the rest are summed up in one line. */
const DETAIL_LIMIT = WARNING_DETAIL_LIMIT;

/** One warning per line up to a limit, then `… and N more <summary>`. */
export function pushDetails(graph: WorkGraph, lines: readonly string[], summary: string): void {
  graph.warnings.push(...capWarnings(lines, summary, DETAIL_LIMIT));
}

export function countDrop(graph: WorkGraph, reason: string, n = 1): void {
  graph.dropped[reason] = (graph.dropped[reason] ?? 0) + n;
}

/** `a, b, c, d, e and 7 more`: keeps aggregated warnings one line long. */
export function listSome(items: readonly string[], limit = 5): string {
  const shown = items.slice(0, limit).join(', ');
  return items.length > limit ? `${shown} and ${items.length - limit} more` : shown;
}

/** `site "North" (id 7)` / `circuit "Jane" (id 42)` for warnings. */
export function describe(item: WorkItem): string {
  const what = item.type === 'node' ? item.kind : 'circuit';
  return `${what} "${item.name}" (id ${item.id})`;
}
