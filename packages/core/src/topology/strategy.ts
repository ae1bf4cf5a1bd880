import type { TopologyStrategy, WorkGraph, WorkNode } from './types.js';

/**
 * Step 5 — reduce the tree to what the strategy keeps. Sources may already have shaped their
 * inventory; this is the generic form every source gets.
 *   full     the tree as it is
 *   ap_site  APs, each under its nearest site ancestor; those sites at the top level
 *   ap_only  APs only, all at the top level
 *   flat     no nodes
 * A circuit moves to its nearest kept ancestor, else the top level. Generated sites are sites.
 */
export function applyStrategy(graph: WorkGraph, strategy: TopologyStrategy): void {
  if (strategy === 'full') return;

  const kept = new Set<WorkNode>();
  const newParent = new Map<WorkNode, WorkNode | null>();
  if (strategy === 'ap_only' || strategy === 'ap_site') {
    const siteAbove = strategy === 'ap_site' ? nearestAncestor(graph, (node) => node.kind === 'site') : null;
    for (const node of graph.nodes) {
      if (node.kind !== 'ap') continue;
      kept.add(node);
      const site = siteAbove === null ? null : siteAbove(parentNode(node));
      newParent.set(node, site);
      if (site !== null && !kept.has(site)) {
        kept.add(site);
        newParent.set(site, null);
      }
    }
  }

  const keptAbove = nearestAncestor(graph, (node) => kept.has(node));
  for (const circuit of graph.circuits) {
    circuit.parent = circuit.parent?.type === 'node' ? keptAbove(circuit.parent) : null;
  }
  for (const [node, parent] of newParent) node.parent = parent;
  graph.nodes = graph.nodes.filter((node) => kept.has(node));
}

/**
 * `find(node)` = `node` or its closest ancestor passing `test`, null if none. Memoised and
 * iterative, so long chains cost one walk in total and never recurse. Expects parents to be nodes
 * (the generated-site step has run) and no cycles (the parent step has run).
 */
export function nearestAncestor(
  graph: WorkGraph,
  test: (node: WorkNode) => boolean,
): (node: WorkNode | null) => WorkNode | null {
  const memo = new Array<WorkNode | null | undefined>(graph.seqCount);
  const path: WorkNode[] = [];
  return (start) => {
    path.length = 0;
    let cur = start;
    let found: WorkNode | null = null;
    while (cur !== null) {
      const known = memo[cur.seq];
      if (known !== undefined) {
        found = known;
        break;
      }
      if (test(cur)) {
        found = cur;
        break;
      }
      path.push(cur);
      cur = parentNode(cur);
    }
    for (const node of path) memo[node.seq] = found;
    if (cur !== null) memo[cur.seq] = found;
    return found;
  };
}

function parentNode(node: WorkNode): WorkNode | null {
  return node.parent?.type === 'node' ? node.parent : null;
}
