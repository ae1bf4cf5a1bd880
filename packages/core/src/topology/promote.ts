import { normalizeName } from './exclude.js';
import { listSome } from './graph.js';
import type { WorkGraph } from './types.js';

/**
 * Step 6 — promote_to_root: each listed node (trimmed name, case-insensitive) moves to the top
 * level with its whole subtree.
 */
export function promoteToRoot(graph: WorkGraph, names: readonly string[]): void {
  const wanted = new Map<string, string>();
  for (const name of names) if (name.trim() !== '') wanted.set(normalizeName(name), name.trim());
  if (wanted.size === 0) return;
  const found = new Set<string>();
  for (const node of graph.nodes) {
    const name = normalizeName(node.name);
    if (!wanted.has(name)) continue;
    found.add(name);
    node.parent = null;
  }
  const missing = [...wanted].filter(([key]) => !found.has(key)).map(([, name]) => `"${name}"`);
  if (missing.length > 0)
    graph.warnings.push(`promote_to_root: no node named ${listSome(missing)} in the tree`);
}
