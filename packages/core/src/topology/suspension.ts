import { countDrop } from './graph.js';
import type { SuspendedStrategy, WorkGraph } from './types.js';

/** Step 7 — suspended circuits: `ignore` drops them, `slow` shapes them at 0.1/0.1, `none` as planned. */
export function applySuspension(graph: WorkGraph, strategy: SuspendedStrategy | undefined): void {
  if (strategy === 'ignore') {
    const before = graph.circuits.length;
    graph.circuits = graph.circuits.filter((circuit) => circuit.source.suspended !== true);
    if (graph.circuits.length < before) countDrop(graph, 'suspended', before - graph.circuits.length);
  } else if (strategy === 'slow') {
    for (const circuit of graph.circuits) circuit.slow = circuit.source.suspended === true;
  }
}
