/**
 * Inventory: what a source says exists, after its records are parsed and mapped. Rates are plan
 * rates in Mbps; nothing here is final. Every id is a string (sources that send numbers are
 * normalised by their mapper), so parent links never break over `1` versus `"1"`.
 */

export type NodeKind = 'site' | 'ap';

/** A piece of infrastructure: becomes a node of network.json. */
export interface InventoryNode {
  kind: NodeKind;
  /** Source-unique key used for parent links (not written anywhere). */
  id: string;
  /** Display name: the node's key in network.json and the circuits' Parent Node. */
  name: string;
  /** Id of another node or of a circuit (a client with sites below it); null = top level. */
  parentId: string | null;
  /** Capacity in Mbps; undefined or ≤ 0 falls back to [queues].generated_pn_*_mbps. */
  downloadMbps?: number | undefined;
  uploadMbps?: number | undefined;
  /** Stable namespaced id written as `"id"` in network.json (e.g. `netzur:zone:7`). */
  networkJsonId?: string | undefined;
  latitude?: number | undefined;
  longitude?: number | undefined;
}

export interface PlanRate {
  downloadMbps: number;
  uploadMbps: number;
  /** Extra Mbps a burst allows above the plan, added to the max only. */
  burstDownloadMbps?: number | undefined;
  burstUploadMbps?: number | undefined;
}

/** A subscriber service: one LibreQoS circuit. */
export interface InventoryCircuit {
  id: string;
  name: string;
  /** Service address; used as the circuit name when circuit_name_as_address is on. */
  address?: string | undefined;
  /** Id of a node or of another circuit; null = top level. */
  parentId: string | null;
  rate: PlanRate;
  suspended?: boolean | undefined;
  comment?: string | undefined;
  sqm?: string | undefined;
  devices: InventoryDevice[];
}

export interface InventoryDevice {
  id: string;
  name: string;
  mac?: string | undefined;
  /** Raw addresses as the source gave them (bare or CIDR); core normalises them. */
  ipv4: string[];
  ipv6: string[];
}

/** A link between two nodes (sources with a link graph, such as UISP). */
export interface InventoryLink {
  from: string;
  to: string;
  cost?: number | undefined;
}

export interface Inventory {
  /** Source name, e.g. `netzur`. */
  source: string;
  nodes: InventoryNode[];
  circuits: InventoryCircuit[];
  links?: InventoryLink[] | undefined;
  /**
   * exception_cpes translated by the source into circuit/node ids (UISP operators name CPE host
   * names and device ids); when set, core uses these instead of the configured entries.
   */
  exceptionCpes?: { cpe: string; parent: string }[] | undefined;
}
