import { describe, listSome } from './graph.js';
import type { WorkCircuit, WorkGraph, WorkItem, WorkNode } from './types.js';

/**
 * Step 2 — exception_cpes: put a circuit (matched by id, else name) under the node or circuit
 * named by `parent` (matched by id, else name; nodes before circuits). The exception wins over the
 * parent the source gave. Entries are trimmed; a later entry for the same cpe replaces an earlier.
 */
export function applyExceptionCpes(
  graph: WorkGraph,
  entries: readonly { cpe: string; parent: string }[],
): void {
  const wanted = new Map<string, string>();
  for (const entry of entries) {
    const cpe = entry.cpe.trim();
    const parent = entry.parent.trim();
    if (cpe === '' || parent === '') {
      graph.warnings.push(
        `exception_cpes: entry ignored, it needs both cpe and parent (cpe "${cpe}", parent "${parent}")`,
      );
      continue;
    }
    wanted.set(cpe, parent);
  }
  if (wanted.size === 0) return;

  const targets = findTargets(graph, new Set(wanted.values()));
  const used = new Set<string>();
  const unknownParents: string[] = [];
  for (const circuit of graph.circuits) {
    const key = wanted.has(circuit.id) ? circuit.id : circuit.name.trim();
    const parentKey = wanted.get(key);
    if (parentKey === undefined) continue;
    used.add(key);
    const parent = targets.get(parentKey);
    if (parent === undefined) {
      unknownParents.push(`${circuit.id} → "${parentKey}"`);
    } else if (parent === circuit) {
      graph.warnings.push(`exception_cpes: ${describe(circuit)} cannot be its own parent; entry ignored`);
    } else {
      circuit.parent = parent;
      circuit.missingParent = null;
    }
  }
  if (unknownParents.length > 0) {
    graph.warnings.push(
      `exception_cpes: parent not found, ${unknownParents.length} circuit(s) keep their source parent: ${listSome(unknownParents)}`,
    );
  }
  const unused = [...wanted.keys()].filter((cpe) => !used.has(cpe));
  if (unused.length > 0) {
    graph.warnings.push(`exception_cpes: no circuit matches ${listSome(unused.map((cpe) => `"${cpe}"`))}`);
  }
}

/**
 * Resolve the few parent keys in one pass over each list: id, else name; nodes before circuits;
 * first in input order wins. No index of all 200k circuit names is built for a handful of keys.
 */
function findTargets(graph: WorkGraph, keys: ReadonlySet<string>): Map<string, WorkItem> {
  const found = new Map<string, WorkItem>();
  const byName = new Map<string, WorkItem>();
  const scan = (items: readonly (WorkNode | WorkCircuit)[]): void => {
    for (const item of items) {
      if (keys.has(item.id) && !found.has(item.id)) found.set(item.id, item);
      const name = item.name.trim();
      if (keys.has(name) && !byName.has(name)) byName.set(name, item);
    }
    for (const [name, item] of byName) if (!found.has(name)) found.set(name, item);
    byName.clear();
  };
  scan(graph.nodes);
  scan(graph.circuits);
  return found;
}
