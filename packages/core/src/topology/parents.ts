import { describe, listSome } from './graph.js';
import type { WorkGraph, WorkItem } from './types.js';

const NEW = 0;
const ON_PATH = 1;
const DONE = 2;

/**
 * Step 3 — parent resolution. Parents that exist nowhere put the child at the top level (one
 * aggregated warning). Parent cycles are broken: the cycle member first in input order (nodes
 * before circuits) moves to the top level, so the rest of the cycle hangs below it.
 */
export function resolveParents(graph: WorkGraph): void {
  reportMissingParents(graph);
  breakCycles(graph);
}

function reportMissingParents(graph: WorkGraph): void {
  const missing: string[] = [];
  const collect = (item: WorkItem): void => {
    if (item.missingParent === null) return;
    missing.push(`${describe(item)} → "${item.missingParent}"`);
    item.missingParent = null;
  };
  for (const node of graph.nodes) collect(node);
  for (const circuit of graph.circuits) collect(circuit);
  if (missing.length > 0) {
    graph.warnings.push(
      `${missing.length} item(s) name a parent that does not exist and were placed at the top level: ${listSome(missing)}`,
    );
  }
}

function breakCycles(graph: WorkGraph): void {
  const state = new Uint8Array(graph.seqCount);
  const path: WorkItem[] = [];
  const visit = (start: WorkItem): void => {
    path.length = 0;
    let cur: WorkItem | null = start;
    while (cur !== null && state[cur.seq] === NEW) {
      state[cur.seq] = ON_PATH;
      path.push(cur);
      cur = cur.parent;
    }
    if (cur !== null && state[cur.seq] === ON_PATH) {
      const cycle = path.slice(path.indexOf(cur));
      let first = cycle[0]!;
      for (const member of cycle) if (member.seq < first.seq) first = member;
      first.parent = null;
      const loop = [...cycle, cycle[0]!].map(describe).join(' → ');
      graph.warnings.push(`parent cycle ${loop}; ${describe(first)} placed at the top level`);
    }
    for (const item of path) state[item.seq] = DONE;
  };
  for (const node of graph.nodes) visit(node);
  for (const circuit of graph.circuits) visit(circuit);
}
