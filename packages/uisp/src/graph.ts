import { linkCapacities } from './orientation.js';
import { type RouteOverride, routeKey } from './routes.js';
import type { Capacity, UispData, UispDevice, UispSite } from './types.js';

/** Cost of one data-link hop unless integrationUISProutes.csv says otherwise. */
export const DEFAULT_LINK_COST = 10;

export interface Vertex {
  kind: 'site' | 'device';
  /** The site itself, or the device's site. */
  site: UispSite;
  device: UispDevice | undefined;
  /** Left out of routing (exclude_sites). */
  blocked: boolean;
}

/** One direction of a link. `capacity` is what it carries from tail to head, in Mbps. */
export interface Edge {
  tail: number;
  head: number;
  cost: number;
  capacity: number | undefined;
  /** A site–device membership edge (cost 0), not a data-link. */
  member: boolean;
  /** Cost set by integrationUISProutes.csv. */
  overridden: boolean;
  /** A point-to-multipoint radio link (use_ptmp_as_parent). */
  ptmp: boolean;
  /** The same link the other way. */
  reverse: number;
}

/** Infrastructure only (tower sites and their devices; client sites are never routed through). */
export interface RoutingGraph {
  vertices: Vertex[];
  siteVertex: Map<string, number>;
  deviceVertex: Map<string, number>;
  edges: Edge[];
  /** Adjacency: the out-edges of vertex v are edges[order[offsets[v]] … order[offsets[v+1]-1]]. */
  offsets: Int32Array;
  order: Int32Array;
  /** Route overrides that matched no link. */
  unusedRoutes: RouteOverride[];
}

export interface GraphInput {
  data: UispData;
  /** Tower sites named by exclude_sites: in the graph (to see what hangs below them) but never entered. */
  excluded: ReadonlySet<string>;
  routes: readonly RouteOverride[];
  capacityOf: (device: UispDevice) => Capacity;
  /** Devices that clients hang from: a link from one is point-to-multipoint. */
  servesClients: ReadonlySet<string>;
}

/**
 * Vertices: every tower site, then every device at one, in API order. Each device is joined to its
 * site both ways at cost 0; each data-link between two of them (or a site without a device at
 * that end) both ways at cost 10 or its route override. Links inside one site and repeats of a
 * pair are left out.
 */
export function buildRoutingGraph(input: GraphInput): RoutingGraph {
  const { data, excluded } = input;
  const vertices: Vertex[] = [];
  const siteVertex = new Map<string, number>();
  const deviceVertex = new Map<string, number>();
  for (const site of data.sites) {
    if (site.type !== 'site') continue;
    siteVertex.set(site.id, vertices.length);
    vertices.push({ kind: 'site', site, device: undefined, blocked: excluded.has(site.id) });
  }
  const edges: Edge[] = [];
  const addPair = (a: number, b: number, ab: EdgeData, ba: EdgeData): void => {
    const first = edges.length;
    edges.push(makeEdge(a, b, ab, first + 1), makeEdge(b, a, ba, first));
  };
  for (const device of data.devices) {
    const at = siteVertex.get(device.siteId);
    if (at === undefined) continue;
    const site = vertices[at]!.site;
    const v = vertices.length;
    deviceVertex.set(device.id, v);
    vertices.push({ kind: 'device', site, device, blocked: excluded.has(site.id) });
    addPair(at, v, MEMBER, MEMBER);
  }

  const routes = new Map(input.routes.map((route) => [routeKey(route.from, route.to), route]));
  const used = new Set<RouteOverride>();
  const costOf = (tail: number, head: number): { cost: number; overridden: boolean } => {
    for (const from of names(vertices[tail]!)) {
      for (const to of names(vertices[head]!)) {
        const route = routes.get(routeKey(from, to));
        if (route !== undefined) {
          used.add(route);
          return { cost: route.cost, overridden: true };
        }
      }
    }
    return { cost: DEFAULT_LINK_COST, overridden: false };
  };

  const seen = new Set<string>();
  for (const link of data.links) {
    const a = endVertex(link.from, siteVertex, deviceVertex);
    const b = endVertex(link.to, siteVertex, deviceVertex);
    if (a === undefined || b === undefined || a === b) continue;
    const va = vertices[a]!;
    const vb = vertices[b]!;
    if (va.site === vb.site) continue;
    const key = a < b ? `${a}:${b}` : `${b}:${a}`;
    if (seen.has(key)) continue;
    seen.add(key);
    let caps: [number | undefined, number | undefined] = [undefined, undefined];
    let ptmp = false;
    if (va.device !== undefined && vb.device !== undefined) {
      caps = linkCapacities(va.device, vb.device, input.capacityOf);
      ptmp = isPtmp(va.device, input.servesClients) || isPtmp(vb.device, input.servesClients);
    }
    const ab = costOf(a, b);
    const ba = costOf(b, a);
    addPair(
      a,
      b,
      { ...ab, capacity: caps[0], ptmp, member: false },
      { ...ba, capacity: caps[1], ptmp, member: false },
    );
  }

  const { offsets, order } = adjacency(vertices.length, edges);
  const unusedRoutes = input.routes.filter((route) => !used.has(route));
  return { vertices, siteVertex, deviceVertex, edges, offsets, order, unusedRoutes };
}

type EdgeData = Pick<Edge, 'cost' | 'capacity' | 'member' | 'overridden' | 'ptmp'>;

const MEMBER: EdgeData = { cost: 0, capacity: undefined, member: true, overridden: false, ptmp: false };

/** Written out field by field: object spread is slow on the 20,000+ edges of a large network. */
function makeEdge(tail: number, head: number, data: EdgeData, reverse: number): Edge {
  return {
    tail,
    head,
    cost: data.cost,
    capacity: data.capacity,
    member: data.member,
    overridden: data.overridden,
    ptmp: data.ptmp,
    reverse,
  };
}

/** A device end when the link names one (it must be infrastructure), else the site end. */
function endVertex(
  end: { deviceId: string; siteId: string },
  siteVertex: Map<string, number>,
  deviceVertex: Map<string, number>,
): number | undefined {
  return end.deviceId !== '' ? deviceVertex.get(end.deviceId) : siteVertex.get(end.siteId);
}

/** Route rows name devices (host names) or sites; the device's own name is tried first. */
function names(vertex: Vertex): string[] {
  const site =
    vertex.site.name === vertex.site.rawName ? [vertex.site.name] : [vertex.site.name, vertex.site.rawName];
  return vertex.device === undefined ? site : [vertex.device.name, ...site];
}

function isPtmp(device: UispDevice, servesClients: ReadonlySet<string>): boolean {
  return device.wirelessMode.endsWith('ptmp') || servesClients.has(device.id);
}

function adjacency(count: number, edges: readonly Edge[]): { offsets: Int32Array; order: Int32Array } {
  const offsets = new Int32Array(count + 1);
  for (const edge of edges) offsets[edge.tail + 1]!++;
  for (let v = 0; v < count; v++) offsets[v + 1]! += offsets[v]!;
  const fill = offsets.slice(0, count);
  const order = new Int32Array(edges.length);
  for (let e = 0; e < edges.length; e++) order[fill[edges[e]!.tail]!++] = e;
  return { offsets, order };
}
