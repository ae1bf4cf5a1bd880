import type { PlanNode } from '../model/index.js';
import type { NetworkNodeSource } from './parse-network.js';
import type { RulePolicy, Severity } from './policy.js';
import { type ProblemSink, q } from './sink.js';
import type { RuleName, ShapedDevicesRow } from './types.js';
import type { NodeIndex } from './validate-rows.js';

const GENERATED_PARENT = /^Generated_PN_\d+$/;
/** LibreQoS flattens HTB trees deeper than this. */
const MAX_DEPTH = 8;

/** Where a node sits in an operator's file (absent for nodes our tools built). */
export type LocateNode = (node: PlanNode) => NetworkNodeSource | undefined;

type Report = (severity: Severity, reason: string, rule: RuleName, hint: string) => void;

function checkBandwidth(
  node: PlanNode,
  parent: PlanNode | null,
  policy: RulePolicy,
  fromFile: boolean,
  report: Report,
): void {
  for (const [key, value, parentValue] of [
    ['downloadBandwidthMbps', node.downloadMbps, parent?.downloadMbps],
    ['uploadBandwidthMbps', node.uploadMbps, parent?.uploadMbps],
  ] as const) {
    // A value the file reader could not read was reported by checkNodeFields already.
    if (fromFile && Number.isNaN(value)) continue;
    if (!Number.isInteger(value) || value <= 0) {
      const truncated = Math.trunc(value);
      if (policy.target === undefined || !Number.isFinite(value)) {
        report(
          'error',
          `${key} is ${value}; LibreQoS needs a positive whole number of Mbps`,
          'bandwidth',
          'write a positive whole number of Mbps',
        );
      } else if (truncated <= 0) {
        const effect =
          policy.target === '1.4'
            ? 'LibreQoS 1.4 needs a positive number'
            : `LibreQoS ${policy.target} replaces it with the parent's rate`;
        report(
          policy.nonPositiveBandwidth,
          `${key} is ${value}; ${effect}`,
          'bandwidth',
          'write the capacity in whole Mbps',
        );
      } else {
        report(
          policy.fractionalBandwidth,
          `${key} is ${value}, not a whole number; LibreQoS truncates it to ${truncated}`,
          'bandwidth',
          'write a whole number of Mbps',
        );
      }
    } else if (parent !== null && parentValue !== undefined && value > parentValue) {
      report(
        'warning',
        `${key} ${value} is above its parent ${q(parent.name)} (${parentValue}); LibreQoS caps it to the parent`,
        'bandwidth-above-parent',
        `lower it to at most ${parentValue}, or raise the parent`,
      );
    }
  }
}

function checkName(node: PlanNode, report: Report): void {
  const name = node.name;
  if (name.trim() === '') report('error', 'node name is empty', 'node-name', 'give the node a name');
  else if (name !== name.trim() || /[\r\n]/.test(name)) {
    report(
      'error',
      'node name has leading/trailing whitespace or a line break',
      'node-name',
      'remove the spaces or line breaks around the name (and in Parent Node)',
    );
  }
  if (name === 'children')
    report('error', 'a node cannot be named "children" (LibreQoS reserves it)', 'reserved-name', 'rename it');
  if (GENERATED_PARENT.test(name)) {
    report(
      'error',
      'Generated_PN_<n> names are reserved for LibreQoS’s generated CPU parents',
      'reserved-name',
      'rename it',
    );
  }
}

function checkPosition(node: PlanNode, report: Report): void {
  const { latitude, longitude } = node;
  const hint = 'set both latitude (±90) and longitude (±180), or neither';
  if ((latitude === undefined) !== (longitude === undefined)) {
    report('warning', 'only one of latitude/longitude is set; neither is written', 'position', hint);
  } else if (latitude !== undefined && longitude !== undefined) {
    if (!(Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180)) {
      report(
        'warning',
        `latitude ${latitude}, longitude ${longitude} is out of range; LibreQoS ignores it`,
        'position',
        hint,
      );
    }
  }
}

/** network.json rules. Returns the nodes by name and by "id" (first occurrence wins). */
export function checkNodes(
  nodes: readonly PlanNode[],
  policy: RulePolicy,
  sink: ProblemSink,
  locate?: LocateNode,
): NodeIndex {
  const byName = new Map<string, PlanNode>();
  const parentOf = new Map<PlanNode, PlanNode | null>();
  const byId = new Map<string, PlanNode>();
  // Iterative walk in document order, so a very deep tree cannot overflow the stack.
  const stack: { node: PlanNode; parent: PlanNode | null; depth: number }[] = [];
  for (let i = nodes.length - 1; i >= 0; i--) stack.push({ node: nodes[i]!, parent: null, depth: 1 });
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const { node, parent, depth } = item;
    const source = locate?.(node);
    const report: Report = (severity, reason, rule, hint) =>
      sink.add(severity, 'node', node.name, reason, source?.line || undefined, {
        rule,
        hint,
        path: source?.path,
      });
    checkName(node, report);
    checkBandwidth(node, parent, policy, source !== undefined, report);
    checkPosition(node, report);
    const same = byName.get(node.name);
    if (same === undefined) {
      byName.set(node.name, node);
      parentOf.set(node, parent);
    } else {
      const where = (p: PlanNode | null | undefined) => (p ? `under ${q(p.name)}` : 'at the top level');
      const first = parentOf.get(same);
      const places = first === parent ? `twice ${where(parent)}` : `${where(first)} and ${where(parent)}`;
      report(
        policy.duplicateNodeName,
        `node name is used ${places}; names must be unique across the whole tree`,
        'duplicate-node-name',
        'rename one of them (Parent Node names the node by its name)',
      );
    }
    if (node.id !== undefined && node.id !== '') {
      const other = byId.get(node.id);
      if (other === undefined) byId.set(node.id, node);
      else
        report(
          policy.duplicateNodeId,
          `"id" ${q(node.id)} is also the id of node ${q(other.name)}; ids must be unique`,
          'duplicate-node-id',
          'give each node its own "id", or remove it',
        );
    }
    if (depth === MAX_DEPTH + 1) {
      report(
        'warning',
        `node is ${depth} levels deep; LibreQoS flattens trees deeper than ${MAX_DEPTH}`,
        'depth',
        `keep the tree at most ${MAX_DEPTH} levels deep (promote a branch to the top level)`,
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
        { rule: 'capacity', hint: 'lower the circuit max, or raise the node' },
      );
    }
  }
}
