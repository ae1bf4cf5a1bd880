import type { PlanNode, ShapingPlan } from './plan.js';

/** Depth-first, parents before children, in document order. */
export function* walkNodes(
  nodes: readonly PlanNode[],
  parent: PlanNode | null = null,
  depth = 1,
): Generator<{ node: PlanNode; parent: PlanNode | null; depth: number }> {
  for (const node of nodes) {
    yield { node, parent, depth };
    yield* walkNodes(node.children, node, depth + 1);
  }
}

export interface PlanCounts {
  circuits: number;
  devices: number;
  nodes: number;
}

export function countPlan(plan: ShapingPlan): PlanCounts {
  let nodes = 0;
  for (const _ of walkNodes(plan.nodes)) nodes++;
  let devices = 0;
  for (const circuit of plan.circuits) devices += circuit.devices.length;
  return { circuits: plan.circuits.length, devices, nodes };
}
