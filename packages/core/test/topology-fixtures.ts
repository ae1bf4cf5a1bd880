/** Builders and stand-ins shared by the topology-*.test.ts files. */
import type {
  Inventory,
  InventoryCircuit,
  InventoryNode,
  PlanCircuit,
  PlanNode,
  ShapingPlan,
} from '../src/model/index.js';
import type { NormalizedIp, TopologyOptions } from '../src/topology/index.js';

export function site(
  id: string,
  name: string,
  parentId: string | null = null,
  extra: Partial<InventoryNode> = {},
) {
  return { kind: 'site', id, name, parentId, ...extra } satisfies InventoryNode;
}

export function ap(
  id: string,
  name: string,
  parentId: string | null = null,
  extra: Partial<InventoryNode> = {},
) {
  return { kind: 'ap', id, name, parentId, ...extra } satisfies InventoryNode;
}

let nextIp = 1;

/** A circuit with one device; `ips` default to a fresh 100.64.x.y address. */
export function circuit(
  id: string,
  parentId: string | null = null,
  extra: Partial<InventoryCircuit> & { ips?: string[]; ipv6?: string[] } = {},
): InventoryCircuit {
  const { ips, ipv6, ...rest } = extra;
  const n = nextIp++;
  return {
    id,
    name: `Cust ${id}`,
    parentId,
    rate: { downloadMbps: 100, uploadMbps: 20 },
    devices: [
      { id: `${id}-dev`, name: `Dev ${id}`, ipv4: ips ?? [`100.64.${n >> 8}.${n & 255}`], ipv6: ipv6 ?? [] },
    ],
    ...rest,
  };
}

export function inventory(nodes: InventoryNode[], circuits: InventoryCircuit[] = []): Inventory {
  return { source: 'test', nodes, circuits };
}

/** Stand-in for core/net: dotted quads are IPv4, anything with `:` is IPv6; host prefixes dropped. */
export function standInNormalizeIp(raw: string): NormalizedIp {
  const text = raw.trim();
  if (/^\d{1,3}(\.\d{1,3}){3}(\/\d{1,2})?$/.test(text))
    return { ok: true, family: 4, text: text.replace(/\/32$/, '') };
  if (text.includes(':')) return { ok: true, family: 6, text: text.replace(/\/128$/, '').toLowerCase() };
  return { ok: false, reason: 'not an IP address' };
}

export function options(overrides: Partial<TopologyOptions> = {}): TopologyOptions {
  return {
    strategy: 'full',
    excludeSites: [],
    promoteToRoot: [],
    exceptionCpes: [],
    circuitNameAsAddress: false,
    ignoreSubnets: { contains: (ip) => ip.startsWith('192.168.') },
    defaultNodeMbps: { download: 1000, upload: 1000 },
    rootCapMbps: { download: 10000, upload: 10000 },
    rates: { commitMultiplier: 1, overheadFactor: 1, clientMultiplier: 1 },
    suspendedStrategy: 'none',
    normalizeIp: standInNormalizeIp,
    normalizeMac: (raw) => raw.trim().toUpperCase(),
    ...overrides,
  };
}

/** The node tree as indented lines: `Site`, `  AP`, … (easy to compare in a table). */
export function outline(nodes: readonly PlanNode[]): string[] {
  const lines: string[] = [];
  const stack: { node: PlanNode; depth: number }[] = [...nodes].reverse().map((node) => ({ node, depth: 0 }));
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    lines.push('  '.repeat(depth) + node.name);
    for (let i = node.children.length - 1; i >= 0; i--)
      stack.push({ node: node.children[i]!, depth: depth + 1 });
  }
  return lines;
}

/** Circuit id → its Parent Node ('' = top level). */
export function parents(plan: ShapingPlan): Record<string, string> {
  return Object.fromEntries(plan.circuits.map((c: PlanCircuit) => [c.id, c.parentNode]));
}

export function findNode(nodes: readonly PlanNode[], name: string): PlanNode | undefined {
  const stack = [...nodes];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.name === name) return node;
    stack.push(...node.children);
  }
  return undefined;
}
