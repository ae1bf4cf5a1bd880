import type { PlanNode } from '../model/index.js';
import { type ProblemSink, q } from './sink.js';
import type { ShapedDevicesRow } from './types.js';
import type { NodeIndex } from './validate-rows.js';

const GENERATED_PARENT = /^Generated_PN_\d+$/;
/** LibreQoS flattens HTB trees deeper than this. */
const MAX_DEPTH = 8;

function checkBandwidth(node: PlanNode, parent: PlanNode | null, sink: ProblemSink): void {
  for (const [key, value, parentValue] of [
    ['downloadBandwidthMbps', node.downloadMbps, parent?.downloadMbps],
    ['uploadBandwidthMbps', node.uploadMbps, parent?.uploadMbps],
  ] as const) {
    if (!Number.isInteger(value) || value <= 0) {
      sink.add(
        'error',
        'node',
        node.name,
        `${key} is ${value}; LibreQoS needs a positive whole number of Mbps`,
      );
    } else if (parent !== null && parentValue !== undefined && value > parentValue) {
      sink.add(
        'warning',
        'node',
        node.name,
        `${key} ${value} is above its parent ${q(parent.name)} (${parentValue}); LibreQoS caps it to the parent`,
      );
    }
  }
}

function checkName(node: PlanNode, sink: ProblemSink): void {
  const name = node.name;
  if (name.trim() === '') sink.add('error', 'node', name, 'node name is empty');
  else if (name !== name.trim() || /[\r\n]/.test(name)) {
    sink.add('error', 'node', name, 'node name has leading/trailing whitespace or a line break');
  }
  if (name === 'children')
    sink.add('error', 'node', name, 'a node cannot be named "children" (LibreQoS reserves it)');
  if (GENERATED_PARENT.test(name)) {
    sink.add(
      'error',
      'node',
      name,
      'Generated_PN_<n> names are reserved for LibreQoS’s generated CPU parents',
    );
  }
}

function checkPosition(node: PlanNode, sink: ProblemSink): void {
  const { latitude, longitude } = node;
  if ((latitude === undefined) !== (longitude === undefined)) {
    sink.add('warning', 'node', node.name, 'only one of latitude/longitude is set; neither is written');
  } else if (latitude !== undefined && longitude !== undefined) {
    if (!(Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180)) {
      sink.add(
        'warning',
        'node',
        node.name,
        `latitude ${latitude}, longitude ${longitude} is out of range; LibreQoS ignores it`,
      );
    }
  }
}

/** network.json rules. Returns the nodes by name and by "id" (first occurrence wins). */
export function checkNodes(nodes: readonly PlanNode[], sink: ProblemSink): NodeIndex {
  const byName = new Map<string, PlanNode>();
  const parentOf = new Map<PlanNode, PlanNode | null>();
  const byId = new Map<string, PlanNode>();
  // Iterative walk in document order, so a very deep tree cannot overflow the stack.
  const stack: { node: PlanNode; parent: PlanNode | null; depth: number }[] = [];
  for (let i = nodes.length - 1; i >= 0; i--) stack.push({ node: nodes[i]!, parent: null, depth: 1 });
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const { node, parent, depth } = item;
    checkName(node, sink);
    checkBandwidth(node, parent, sink);
    checkPosition(node, sink);
    const same = byName.get(node.name);
    if (same === undefined) {
      byName.set(node.name, node);
      parentOf.set(node, parent);
    } else {
      const where = (p: PlanNode | null | undefined) => (p ? `under ${q(p.name)}` : 'at the top level');
      const first = parentOf.get(same);
      const places = first === parent ? `twice ${where(parent)}` : `${where(first)} and ${where(parent)}`;
      sink.add(
        'error',
        'node',
        node.name,
        `node name is used ${places}; names must be unique across the whole tree`,
      );
    }
    if (node.id !== undefined && node.id !== '') {
      const other = byId.get(node.id);
      if (other === undefined) byId.set(node.id, node);
      else
        sink.add(
          'error',
          'node',
          node.name,
          `"id" ${q(node.id)} is also the id of node ${q(other.name)}; ids must be unique`,
        );
    }
    if (depth === MAX_DEPTH + 1) {
      sink.add(
        'warning',
        'node',
        node.name,
        `node is ${depth} levels deep; LibreQoS flattens trees deeper than ${MAX_DEPTH}`,
      );
    }
    for (let i = node.children.length - 1; i >= 0; i--) {
      stack.push({ node: node.children[i]!, parent: node, depth: depth + 1 });
    }
  }
  return { byName, byId };
}

/**
 * A circuit's max above its parent node is capped by LibreQoS: a warning. (The sum of the mins
 * under a node exceeding its rate is not reported: ISPs oversubscribe by design, and LibreQoS
 * lowers those mins itself, so it would fire on nearly every real network.)
 */
export function checkCapacity(
  circuits: Map<string, ShapedDevicesRow>,
  nodes: NodeIndex,
  sink: ProblemSink,
): void {
  for (const r of circuits.values()) {
    const node = nodes.byName.get(r.parentNode);
    if (node === undefined) continue;
    if (r.downloadMax > node.downloadMbps || r.uploadMax > node.uploadMbps) {
      sink.add(
        'warning',
        'circuit',
        r.circuitId,
        `max ${r.downloadMax}/${r.uploadMax} Mbps is above parent node ${q(node.name)} (${node.downloadMbps}/${node.uploadMbps}); LibreQoS caps it`,
        r.line,
      );
    }
  }
}
