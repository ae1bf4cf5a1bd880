import type { UispIndex } from './clients.js';
import { createPathState, type PathState, runDijkstra } from './dijkstra.js';
import { excludeBelowInUisp } from './exclude.js';
import type { RoutingGraph } from './graph.js';
import type { UispData, UispSite } from './types.js';

export interface Routes {
  state: PathState;
  root: number;
  /** Sites no data-link path reaches that hang under their UISP parent site instead. */
  viaUispParent: number[];
  /** First site of each part of the network that nothing connects to the root: a top-level node. */
  detached: number[];
  /** Position in `state.settledOrder` where the detached parts begin. */
  detachedFrom: number;
}

/**
 * Every infrastructure vertex's cheapest path from the root site, in three passes:
 *  1. Dijkstra from the root over the data-links (excluded sites are never entered). Whatever the
 *     links reach only through an excluded site is excluded too (added to `excluded`).
 *  2. A site still unreached hangs under its UISP parent site when that one is reached (UISP's own
 *     site hierarchy), and the links are followed on from it; one under an excluded parent is
 *     excluded.
 *  3. What is left is cut off: the first site (API order) of each part starts its own tree.
 */
export function routeFromRoot(
  graph: RoutingGraph,
  data: UispData,
  index: UispIndex,
  root: UispSite,
  excluded: Set<string>,
): Routes {
  const state = createPathState(graph.vertices.length);
  const rootVertex = graph.siteVertex.get(root.id)!;
  state.dist[rootVertex] = 0;
  runDijkstra(graph, state, [rootVertex]);
  if (excluded.size > 0) blockWhatHangsBelowExcluded(graph, state, rootVertex, excluded);

  const viaUispParent = followUispParents(graph, state);
  const unreached = (site: UispSite): boolean => {
    const v = graph.siteVertex.get(site.id);
    return v !== undefined && state.settled[v] === 0 && !graph.vertices[v]!.blocked;
  };
  const before = excluded.size;
  excludeBelowInUisp(data.sites, index, excluded, unreached);
  if (excluded.size > before) block(graph, excluded);

  const detached: number[] = [];
  const detachedFrom = state.settledOrder.length;
  for (const [, v] of graph.siteVertex) {
    if (state.settled[v] === 1 || graph.vertices[v]!.blocked) continue;
    detached.push(v);
    state.dist[v] = 0;
    runDijkstra(graph, state, [v]);
  }
  return { state, root: rootVertex, viaUispParent, detached, detachedFrom };
}

/** Vertices the root reaches only through blocked ones: their sites join `excluded`. */
function blockWhatHangsBelowExcluded(
  graph: RoutingGraph,
  state: PathState,
  rootVertex: number,
  excluded: Set<string>,
): void {
  const seen = new Uint8Array(graph.vertices.length);
  const queue = [rootVertex];
  seen[rootVertex] = 1;
  for (let i = 0; i < queue.length; i++) {
    const v = queue[i]!;
    for (let k = graph.offsets[v]!; k < graph.offsets[v + 1]!; k++) {
      const head = graph.edges[graph.order[k]!]!.head;
      if (seen[head] === 1) continue;
      seen[head] = 1;
      queue.push(head);
    }
  }
  for (const v of queue) {
    if (state.settled[v] === 0) excluded.add(graph.vertices[v]!.site.id);
  }
  block(graph, excluded);
}

function block(graph: RoutingGraph, excluded: ReadonlySet<string>): void {
  for (const vertex of graph.vertices) if (excluded.has(vertex.site.id)) vertex.blocked = true;
}

/** Pass 2: attach unreached sites under their reached UISP parent, breadth-first. */
function followUispParents(graph: RoutingGraph, state: PathState): number[] {
  const children = new Map<string, number[]>();
  for (const [, v] of graph.siteVertex) {
    const site = graph.vertices[v]!.site;
    if (state.settled[v] === 1 || graph.vertices[v]!.blocked || site.parentId === '') continue;
    const list = children.get(site.parentId);
    if (list === undefined) children.set(site.parentId, [v]);
    else list.push(v);
  }
  const attached: number[] = [];
  if (children.size === 0) return attached;
  for (let i = 0; i < state.settledOrder.length; i++) {
    const parent = state.settledOrder[i]!;
    const vertex = graph.vertices[parent]!;
    if (vertex.kind !== 'site') continue;
    for (const child of children.get(vertex.site.id) ?? []) {
      if (state.settled[child] === 1) continue;
      state.dist[child] = state.dist[parent]!;
      state.pred[child] = parent;
      attached.push(child);
      runDijkstra(graph, state, [child]);
    }
  }
  return attached;
}
