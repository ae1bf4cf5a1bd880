import { nodeBandwidth } from '../rates/index.js';
import type { WorkGraph, WorkNode } from './types.js';

type Mbps = { download: number; upload: number };

/**
 * Step 10 — node capacities: the source's value as a positive integer (else the generated-PN
 * default), then capped top-down: a top-level node by the root caps (download by downlink, upload
 * by uplink), every other node by its parent's final capacity.
 */
export function assignCapacities(graph: WorkGraph, defaultMbps: Mbps, rootCap: Mbps): void {
  const root = { download: capOrNone(rootCap.download), upload: capOrNone(rootCap.upload) };
  const done = new Uint8Array(graph.seqCount);
  const settle = (node: WorkNode, above: Mbps): void => {
    node.capacity = {
      download: Math.min(nodeBandwidth(node.downloadMbps, defaultMbps.download), above.download),
      upload: Math.min(nodeBandwidth(node.uploadMbps, defaultMbps.upload), above.upload),
    };
    done[node.seq] = 1;
  };
  for (const start of graph.nodes) {
    // Climb to the nearest settled ancestor, then settle the path from the top down.
    const path: WorkNode[] = [];
    let cur: WorkNode | null = start;
    while (cur !== null && done[cur.seq] === 0) {
      path.push(cur);
      cur = cur.parent?.type === 'node' ? cur.parent : null;
    }
    let above: Mbps = cur === null ? root : cur.capacity;
    for (let i = path.length - 1; i >= 0; i--) {
      const node = path[i]!;
      settle(node, above);
      above = node.capacity;
    }
  }
}

/** A missing or non-positive cap means no cap (the config layer supplies the real default). */
function capOrNone(value: number): number {
  return Number.isFinite(value) && value > 0 ? Math.max(1, Math.floor(value)) : Number.POSITIVE_INFINITY;
}
