import { type InventoryNode, type MapContext, type PlanNode, walkNodes } from '@wispsync/core';
import type { KeptNetwork } from './kept.js';

export interface Parents {
  /** The kept network.json as inventory nodes (none when there is no kept file). */
  nodes: InventoryNode[];
  /** The node id for a `Parent Node` name, or null (top level). Counts what it could not place. */
  place(parentNode: string): string | null;
  /** One warning for everything `place` could not place. */
  report(context: MapContext): void;
}

/**
 * `Parent Node` is honoured when it names a node of the network.json that core keeps
 * (always_overwrite_network_json = false). That tree is handed to core as the inventory's nodes,
 * so circuits are capped by their parent's real capacity and the plan (and --json) shows the
 * nodes the circuits hang under; core then writes ShapedDevices.csv and leaves network.json alone.
 * Otherwise the circuit goes to the top level, with one aggregated warning.
 */
export function resolveParents(kept: KeptNetwork): Parents {
  const nodes = kept.state === 'kept' ? mirror(kept.nodes) : [];
  const idByName = new Map<string, string>();
  for (const node of nodes) if (!idByName.has(node.name)) idByName.set(node.name, node.id);
  const unplaced = new Map<string, number>();
  return {
    nodes,
    place(parentNode) {
      if (parentNode === '') return null;
      const id = idByName.get(parentNode);
      if (id !== undefined) return id;
      unplaced.set(parentNode, (unplaced.get(parentNode) ?? 0) + 1);
      return null;
    },
    report(context) {
      if (unplaced.size === 0) return;
      const count = [...unplaced.values()].reduce((a, b) => a + b, 0);
      const names = [...unplaced.keys()].slice(0, 5).map((name) => `"${name}"`);
      const more = unplaced.size > 5 ? ` and ${unplaced.size - 5} more` : '';
      const which = `${count} circuit(s) name a Parent Node (${names.join(', ')}${more})`;
      context.warn(`${which}${why(kept)}: they are placed at the top level`);
    },
  };
}

function why(kept: KeptNetwork): string {
  switch (kept.state) {
    case 'kept':
      return ` that ${kept.path} does not have`;
    case 'absent':
      return `, but there is no ${kept.path} to keep yet (one is written as {})`;
    case 'overwritten':
      return ', but WISPGate has no topology and network.json is rewritten as {} on every run (set [integration_common].always_overwrite_network_json = false and keep a network.json with those nodes to use them)';
  }
}

/** The kept tree as inventory nodes: same names, ids, capacities and nesting. */
function mirror(tree: PlanNode[]): InventoryNode[] {
  const nodes: InventoryNode[] = [];
  const idOf = new Map<PlanNode, string>();
  for (const { node, parent } of walkNodes(tree)) {
    const id = `network.json#${nodes.length}`;
    idOf.set(node, id);
    nodes.push({
      kind: node.type,
      id,
      name: node.name,
      parentId: parent === null ? null : (idOf.get(parent) ?? null),
      downloadMbps: node.downloadMbps,
      uploadMbps: node.uploadMbps,
      networkJsonId: node.id,
      latitude: node.latitude,
      longitude: node.longitude,
    });
  }
  return nodes;
}
