import { countDrop } from './graph.js';
import type { WorkGraph, WorkItem } from './types.js';

const UNKNOWN = 0;
const WALKING = 1;
const KEPT = 2;
const EXCLUDED = 3;

/**
 * Step 1 — exclude_sites: a node whose trimmed name matches (case-insensitively) is removed with
 * everything below it, nodes and circuits, however deep. Only nodes are matched by name; a circuit
 * that happens to share an excluded name stays.
 */
export function excludeSites(graph: WorkGraph, names: readonly string[]): void {
  const wanted = new Set(names.map(normalizeName).filter((name) => name !== ''));
  if (wanted.size === 0) return;

  const state = new Uint8Array(graph.seqCount);
  for (const node of graph.nodes) if (wanted.has(normalizeName(node.name))) state[node.seq] = EXCLUDED;

  const path: WorkItem[] = [];
  const isExcluded = (item: WorkItem): boolean => {
    path.length = 0;
    let cur: WorkItem | null = item;
    while (cur !== null && state[cur.seq] === UNKNOWN) {
      state[cur.seq] = WALKING;
      path.push(cur);
      cur = cur.parent;
    }
    // A walk that comes back on itself is a parent cycle without an excluded member.
    const verdict = cur !== null && state[cur.seq] === EXCLUDED ? EXCLUDED : KEPT;
    for (const seen of path) state[seen.seq] = verdict;
    return verdict === EXCLUDED;
  };

  graph.nodes = graph.nodes.filter((node) => !isExcluded(node));
  const before = graph.circuits.length;
  graph.circuits = graph.circuits.filter((circuit) => !isExcluded(circuit));
  if (graph.circuits.length < before) countDrop(graph, 'excluded', before - graph.circuits.length);
}

export function normalizeName(name: string): string {
  return name.trim().toLowerCase();
}
