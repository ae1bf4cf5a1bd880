import type { InventoryCircuit, NodeKind, ShapingPlan } from '../model/index.js';
import type { CircuitRates, RateOptions } from '../rates/index.js';

export type TopologyStrategy = 'flat' | 'ap_only' | 'ap_site' | 'full';
export type SuspendedStrategy = 'none' | 'ignore' | 'slow';

export type NormalizedIp = { ok: true; family: 4 | 6; text: string } | { ok: false; reason: string };

export interface TopologyOptions {
  strategy: TopologyStrategy;
  /** Node names (case-insensitive, trimmed) removed together with everything below them. */
  excludeSites: string[];
  /** Node names (case-insensitive, trimmed) moved, with their subtree, to the top level. */
  promoteToRoot: string[];
  /** Circuit id or name → id or name of the node (or circuit) it must hang under. */
  exceptionCpes: { cpe: string; parent: string }[];
  circuitNameAsAddress: boolean;
  ignoreSubnets: { contains(ip: string): boolean };
  /** [queues].generated_pn_*_mbps: capacity of nodes that state none. */
  defaultNodeMbps: { download: number; upload: number };
  /** [queues].downlink/uplink_bandwidth_mbps: cap of every top-level node. */
  rootCapMbps: { download: number; upload: number };
  rates: RateOptions;
  suspendedStrategy?: SuspendedStrategy | undefined;
  normalizeIp: (raw: string) => NormalizedIp;
  normalizeMac: (raw: string) => string;
}

export interface TopologyResult {
  plan: ShapingPlan;
  warnings: string[];
  /** Counted reasons things were left out: excluded, suspended, no-ip, invalid-ip, … */
  dropped: Record<string, number>;
}

/** Working copy of the tree; the steps rewrite it in place, the input Inventory is never touched. */
export interface WorkGraph {
  nodes: WorkNode[];
  circuits: WorkCircuit[];
  warnings: string[];
  dropped: Record<string, number>;
  /** One past the highest `seq` handed out: size for per-item scratch arrays. */
  seqCount: number;
}

export type WorkItem = WorkNode | WorkCircuit;

export interface WorkNode {
  readonly type: 'node';
  /** Stable position: input nodes first, then circuits, then generated sites. Breaks ties. */
  readonly seq: number;
  kind: NodeKind;
  id: string;
  name: string;
  generated: boolean;
  /** '' when the source gave none. */
  networkJsonId: string;
  downloadMbps: number | undefined;
  uploadMbps: number | undefined;
  latitude: number | undefined;
  longitude: number | undefined;
  parent: WorkItem | null;
  /** The raw parent id when it matched nothing (reported, then treated as top level). */
  missingParent: string | null;
  /** Final capacities, set by the bandwidth step. */
  capacity: { download: number; upload: number };
}

export interface WorkDevice {
  id: string;
  name: string;
  mac: string;
  ipv4: string[];
  ipv6: string[];
}

export interface WorkCircuit {
  readonly type: 'circuit';
  readonly seq: number;
  readonly source: InventoryCircuit;
  id: string;
  name: string;
  parent: WorkItem | null;
  missingParent: string | null;
  /** Shaped at the `slow` suspension rate. */
  slow: boolean;
  /** Normalised devices, filled by the address step. */
  devices: WorkDevice[];
  /** Final rates, set by the rate step. */
  rates: CircuitRates;
}
