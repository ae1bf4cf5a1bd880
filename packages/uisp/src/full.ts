import type { InventoryNode } from '@wispsync/core';
import { minCapacity } from './capacity.js';
import type { RoutingGraph } from './graph.js';
import { deviceNodeNames } from './names.js';
import type { Routes } from './routing.js';
import type { Capacity, UispDevice } from './types.js';

export interface FullTree {
  nodes: InventoryNode[];
  /** Node id of each device kept as a node. */
  deviceNode: Map<string, string>;
  /** Node id of each tower site in the tree; null for the root site (its children are the top level). */
  siteNode: Map<string, string | null>;
  /** Tree parent of each vertex (-1: top level or not in the tree); for graph.dot. */
  parent: Int32Array;
  /** Vertices in the tree. */
  inTree: Uint8Array;
}

export interface TreeInput {
  graph: RoutingGraph;
  routes: Routes;
  capacityOf: (device: UispDevice) => Capacity;
  /** Devices clients hang from: always kept. */
  servesClients: ReadonlySet<string>;
  usePtmpAsParent: boolean;
}

export function siteNodeId(siteId: string): string {
  return `uisp:site:${siteId}`;
}

export function deviceNodeId(deviceId: string): string {
  return `uisp:device:${deviceId}`;
}

/**
 * The `full` tree from the cheapest paths. The root site is not a node: what hangs from it is the
 * top level. A site entered through a radio link hangs from the radio on the far side; the radio
 * at the site itself is folded into the site (same capacity, one level less) unless clients or
 * other links hang from it. Over a point-to-multipoint link the site hangs beside the feeding AP,
 * under the AP's site, unless use_ptmp_as_parent is on. Devices that end up carrying nothing (no
 * clients, nothing below) are left out.
 */
export function buildFullTree(input: TreeInput): FullTree {
  const { graph, routes } = input;
  const { vertices, edges } = graph;
  const { pred, via, settled } = routes.state;
  const count = vertices.length;
  const parent = new Int32Array(count).fill(-1);
  const inTree = new Uint8Array(count);
  const capacity: Capacity[] = new Array(count);
  const children = new Int32Array(count);
  for (let v = 0; v < count; v++) {
    if (settled[v] === 0 || v === routes.root) continue;
    inTree[v] = 1;
    const p = pred[v]!;
    parent[v] = p === routes.root ? -1 : p;
    if (p >= 0) children[p]!++;
    capacity[v] = vertexCapacity(input, v);
  }
  const hasClients = (v: number): boolean => {
    const device = vertices[v]!.device;
    return device !== undefined && input.servesClients.has(device.id);
  };

  // Fold the radio a site is entered through into the site.
  for (const [, site] of graph.siteVertex) {
    const entry = pred[site]!;
    if (inTree[site] === 0 || entry < 0 || vertices[entry]!.kind !== 'device') continue;
    const memberEdge = edges[via[site]!];
    const linkIndex = via[entry]!;
    if (!memberEdge?.member || linkIndex < 0 || edges[linkIndex]!.member) continue;
    if (hasClients(entry) || children[entry] !== 1) continue;
    const link = edges[linkIndex]!;
    const far = pred[entry]!;
    inTree[entry] = 0;
    children[far]!--;
    capacity[site] = { download: link.capacity, upload: edges[link.reverse]!.capacity };
    let above = far;
    if (link.ptmp && !input.usePtmpAsParent) above = graph.siteVertex.get(vertices[far]!.site.id)!;
    parent[site] = above === routes.root ? -1 : above;
    if (above >= 0) children[above]!++;
  }

  // Leave out devices that carry nothing, from the leaves up.
  const stack: number[] = [];
  for (let v = 0; v < count; v++) {
    if (inTree[v] === 1 && vertices[v]!.kind === 'device' && children[v] === 0 && !hasClients(v))
      stack.push(v);
  }
  for (let v = stack.pop(); v !== undefined; v = stack.pop()) {
    inTree[v] = 0;
    const p = parent[v]!;
    if (p < 0) continue;
    children[p]!--;
    if (vertices[p]!.kind === 'device' && children[p] === 0 && !hasClients(p) && inTree[p] === 1)
      stack.push(p);
  }
  return emit(input, { parent, inTree, capacity });
}

/** A device's own capacity, narrowed by the link it is reached through; sites: unknown. */
function vertexCapacity(input: TreeInput, v: number): Capacity {
  const { edges, vertices } = input.graph;
  const device = vertices[v]!.device;
  if (device === undefined) return { download: undefined, upload: undefined };
  const own = input.capacityOf(device);
  const e = input.routes.state.via[v]!;
  if (e < 0 || edges[e]!.member) return own;
  const link = edges[e]!;
  return minCapacity(own, { download: link.capacity, upload: edges[link.reverse]!.capacity });
}

function emit(
  input: TreeInput,
  tree: { parent: Int32Array; inTree: Uint8Array; capacity: Capacity[] },
): FullTree {
  const { vertices } = input.graph;
  const { parent, inTree, capacity } = tree;
  // Parts of the network cut off from the root come after the root's tree.
  const detached = new Uint8Array(vertices.length);
  const { settledOrder } = input.routes.state;
  for (let i = input.routes.detachedFrom; i < settledOrder.length; i++) detached[settledOrder[i]!] = 1;
  const kept: number[] = [];
  for (let v = 0; v < vertices.length; v++) if (inTree[v] === 1 && detached[v] === 0) kept.push(v);
  for (let v = 0; v < vertices.length; v++) if (inTree[v] === 1 && detached[v] === 1) kept.push(v);
  const siteNames = kept.filter((v) => vertices[v]!.kind === 'site').map((v) => vertices[v]!.site.name);
  const names = deviceNodeNames(
    kept.flatMap((v) => vertices[v]!.device ?? []),
    siteNames,
  );
  const idOf = (v: number): string => {
    const vertex = vertices[v]!;
    return vertex.device === undefined ? siteNodeId(vertex.site.id) : deviceNodeId(vertex.device.id);
  };
  const nodes: InventoryNode[] = [];
  const deviceNode = new Map<string, string>();
  const siteNode = new Map<string, string | null>([[vertices[input.routes.root]!.site.id, null]]);
  for (const v of kept) {
    const vertex = vertices[v]!;
    const id = idOf(v);
    const cap = capacity[v]!;
    const node: InventoryNode = {
      kind: vertex.device === undefined ? 'site' : 'ap',
      id,
      name:
        vertex.device === undefined ? vertex.site.name : (names.get(vertex.device.id) ?? vertex.device.name),
      parentId: parent[v]! < 0 ? null : idOf(parent[v]!),
      downloadMbps: cap.download,
      uploadMbps: cap.upload,
      networkJsonId: id,
    };
    if (vertex.device === undefined) {
      node.latitude = vertex.site.latitude;
      node.longitude = vertex.site.longitude;
      siteNode.set(vertex.site.id, id);
    } else {
      deviceNode.set(vertex.device.id, id);
    }
    nodes.push(node);
  }
  return { nodes, deviceNode, siteNode, parent, inTree };
}
