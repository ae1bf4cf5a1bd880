/**
 * ShapingPlan: what will be written. Every number is final (rates rounded, bandwidths capped),
 * every IP normalised, every name unique. Renderers and the validator read only this.
 */

export interface PlanNode {
  name: string;
  /** Written as `"id"` when set. */
  id?: string | undefined;
  type: 'site' | 'ap';
  downloadMbps: number;
  uploadMbps: number;
  latitude?: number | undefined;
  longitude?: number | undefined;
  children: PlanNode[];
}

export interface PlanDevice {
  id: string;
  name: string;
  mac: string;
  ipv4: string[];
  ipv6: string[];
}

export interface PlanCircuit {
  id: string;
  name: string;
  /** Name of the parent node in network.json; '' = no parent (LibreQoS picks a CPU bin). */
  parentNode: string;
  /** `"id"` of the parent node, when it has one (the v2.2 `Parent Node ID` column). */
  parentNodeId: string;
  downloadMin: number;
  uploadMin: number;
  downloadMax: number;
  uploadMax: number;
  comment: string;
  sqm: string;
  devices: PlanDevice[];
}

export interface ShapingPlan {
  source: string;
  /** Top-level nodes of network.json; empty = a flat network (`{}`). */
  nodes: PlanNode[];
  circuits: PlanCircuit[];
}
