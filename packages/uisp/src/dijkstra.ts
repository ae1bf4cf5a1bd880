import type { RoutingGraph } from './graph.js';
import { VertexHeap } from './heap.js';

/** Shortest-path state, kept across several runs (the root first, then fallback roots). */
export interface PathState {
  dist: Float64Array;
  /** Vertex before this one on its cheapest path; -1 for a start vertex or one not reached. */
  pred: Int32Array;
  /** Edge from `pred` to this vertex; -1 when none. */
  via: Int32Array;
  settled: Uint8Array;
  /** Vertices in the order they were settled. */
  settledOrder: number[];
}

export function createPathState(count: number): PathState {
  return {
    dist: new Float64Array(count).fill(Number.POSITIVE_INFINITY),
    pred: new Int32Array(count).fill(-1),
    via: new Int32Array(count).fill(-1),
    settled: new Uint8Array(count),
    settledOrder: [],
  };
}

/**
 * Dijkstra with a binary heap, O((V + E) log V), from `starts` (whose dist/pred/via the caller has
 * set). Settled vertices are final: a later run never re-routes them, it only reaches the rest.
 * Blocked vertices are never entered. Among equal-cost paths the one found first wins, and the
 * heap settles equal distances in vertex (API) order, so the result is stable.
 */
export function runDijkstra(graph: RoutingGraph, state: PathState, starts: readonly number[]): void {
  const { dist, pred, via, settled } = state;
  const { edges, offsets, order, vertices } = graph;
  const heap = new VertexHeap();
  for (const start of starts) heap.push(dist[start]!, start);
  while (heap.size > 0) {
    const v = heap.pop();
    if (settled[v] === 1 || heap.lastPriority > dist[v]!) continue;
    settled[v] = 1;
    state.settledOrder.push(v);
    const base = dist[v]!;
    for (let i = offsets[v]!; i < offsets[v + 1]!; i++) {
      const e = order[i]!;
      const edge = edges[e]!;
      const head = edge.head;
      if (settled[head] === 1 || vertices[head]!.blocked) continue;
      const next = base + edge.cost;
      if (next < dist[head]!) {
        dist[head] = next;
        pred[head] = v;
        via[head] = e;
        heap.push(next, head);
      }
    }
  }
}
