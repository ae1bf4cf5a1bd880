import type { PlanCircuit, PlanNode, ShapingPlan } from '../model/index.js';
import type { WorkGraph, WorkNode } from './types.js';

/**
 * Step 12 — the ShapingPlan: nodes as a tree (siblings in input order, generated sites after the
 * source's nodes), circuits in input order naming their parent node by final name and id.
 */
export function buildPlan(graph: WorkGraph, source: string): ShapingPlan {
  const planOf = new Map<WorkNode, PlanNode>();
  for (const node of graph.nodes) planOf.set(node, toPlanNode(node));

  const roots: PlanNode[] = [];
  for (const node of graph.nodes) {
    const plan = planOf.get(node)!;
    const parent = node.parent?.type === 'node' ? planOf.get(node.parent) : undefined;
    (parent?.children ?? roots).push(plan);
  }

  const circuits = graph.circuits.map((circuit): PlanCircuit => {
    const parent = circuit.parent?.type === 'node' ? circuit.parent : null;
    return {
      id: circuit.id,
      name: circuit.name,
      parentNode: parent?.name ?? '',
      parentNodeId: parent?.networkJsonId ?? '',
      ...circuit.rates,
      comment: circuit.source.comment ?? '',
      sqm: circuit.source.sqm ?? '',
      devices: circuit.devices,
    };
  });
  return { source, nodes: roots, circuits };
}

function toPlanNode(node: WorkNode): PlanNode {
  const plan: PlanNode = {
    name: node.name,
    type: node.kind,
    downloadMbps: node.capacity.download,
    uploadMbps: node.capacity.upload,
    children: [],
  };
  if (node.networkJsonId !== '') plan.id = node.networkJsonId;
  // LibreQoS exports a position only when it has both halves.
  if (Number.isFinite(node.latitude) && Number.isFinite(node.longitude)) {
    plan.latitude = node.latitude;
    plan.longitude = node.longitude;
  }
  return plan;
}
