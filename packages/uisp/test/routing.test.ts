import { WispError } from '@wispsync/core';
import { describe, expect, it } from 'vitest';
import { indexUisp, mapClientsToAps } from '../src/clients.js';
import { createPathState, runDijkstra } from '../src/dijkstra.js';
import type { Edge, RoutingGraph } from '../src/graph.js';
import { VertexHeap } from '../src/heap.js';
import { WarningList } from '../src/report.js';
import { findRootSite } from '../src/root.js';
import { parseRouteOverrides } from '../src/routes.js';
import type { UispData, UispDevice, UispLink, UispSite } from '../src/types.js';

/** A deterministic pseudo-random source, so failures reproduce. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function graphOf(count: number, list: [number, number, number][]): RoutingGraph {
  const edges: Edge[] = list.map(([tail, head, cost], i) => ({
    tail,
    head,
    cost,
    capacity: undefined,
    member: false,
    overridden: false,
    ptmp: false,
    reverse: i,
  }));
  const offsets = new Int32Array(count + 1);
  for (const e of edges) offsets[e.tail + 1]! += 1;
  for (let v = 0; v < count; v++) offsets[v + 1]! += offsets[v]!;
  const fill = offsets.slice(0, count);
  const order = new Int32Array(edges.length);
  edges.forEach((e, i) => {
    order[fill[e.tail]!++] = i;
  });
  const vertices = Array.from({ length: count }, () => ({
    kind: 'site' as const,
    site: {} as UispSite,
    device: undefined,
    blocked: false,
  }));
  return {
    vertices,
    siteVertex: new Map(),
    deviceVertex: new Map(),
    edges,
    offsets,
    order,
    unusedRoutes: [],
  };
}

describe('binary heap and Dijkstra', () => {
  it('the heap pops by priority, then vertex number', () => {
    const heap = new VertexHeap();
    for (const [p, v] of [
      [5, 1],
      [1, 9],
      [3, 2],
      [1, 4],
      [3, 0],
    ] as const)
      heap.push(p, v);
    const out: number[] = [];
    while (heap.size > 0) out.push(heap.pop());
    expect(out).toEqual([4, 9, 0, 2, 1]);
  });

  it('matches Bellman-Ford on random graphs', () => {
    const rand = random(7);
    for (let round = 0; round < 30; round++) {
      const n = 2 + Math.floor(rand() * 40);
      const list: [number, number, number][] = [];
      for (let i = 0; i < n * 3; i++)
        list.push([Math.floor(rand() * n), Math.floor(rand() * n), Math.floor(rand() * 20)]);
      const graph = graphOf(n, list);
      const state = createPathState(n);
      state.dist[0] = 0;
      runDijkstra(graph, state, [0]);
      const best = new Array(n).fill(Number.POSITIVE_INFINITY);
      best[0] = 0;
      for (let k = 0; k < n; k++)
        for (const [a, b, c] of list) if (best[a] + c < best[b]) best[b] = best[a] + c;
      expect([...state.dist]).toEqual(best);
      // Every reached vertex's predecessor edge really gives its distance.
      for (let v = 1; v < n; v++) {
        if (state.via[v]! < 0) continue;
        const edge = graph.edges[state.via[v]!]!;
        expect(edge.head).toBe(v);
        expect(state.dist[edge.tail]! + edge.cost).toBe(state.dist[v]);
      }
    }
  });

  it('equal-cost paths: the one through the lower vertex wins, every time', () => {
    // 0 → 1 → 3 and 0 → 2 → 3 both cost 20.
    const graph = graphOf(4, [
      [0, 2, 10],
      [0, 1, 10],
      [2, 3, 10],
      [1, 3, 10],
    ]);
    const state = createPathState(4);
    state.dist[0] = 0;
    runDijkstra(graph, state, [0]);
    expect(state.pred[3]).toBe(1);
  });

  it('blocked vertices are never entered', () => {
    const graph = graphOf(3, [
      [0, 1, 1],
      [1, 2, 1],
    ]);
    graph.vertices[1]!.blocked = true;
    const state = createPathState(3);
    state.dist[0] = 0;
    runDijkstra(graph, state, [0]);
    expect([...state.settled]).toEqual([1, 0, 0]);
  });
});

describe('integrationUISProutes.csv', () => {
  it('reads the documented template: header, comments, blank lines; later rows win', () => {
    const routes = parseRouteOverrides(
      'From Site,To Site,Cost\n# the Site 1 – Site 3 link is slow\nSite 1,Site 3,100\n\n Site 3 , Site 1 , 100 \nSite 1,Site 3,120\n',
      'routes.csv',
    );
    expect(routes).toEqual([
      { from: 'Site 1', to: 'Site 3', cost: 120, line: 6 },
      { from: 'Site 3', to: 'Site 1', cost: 100, line: 5 },
    ]);
  });

  it('a malformed row is a config error naming its line', () => {
    const read = () =>
      parseRouteOverrides('Site 1,Site 3,100\nSite 2,Site 3,cheap\n', '/x/integrationUISProutes.csv');
    expect(read).toThrow(WispError);
    expect(read).toThrow(/integrationUISProutes.csv line 2: expected "from site, to site, cost"/);
    expect(() => parseRouteOverrides('Site 1,,5\n', 'r.csv')).toThrow(/line 1/);
    expect(() => parseRouteOverrides('Site 1,Site 2,-1\n', 'r.csv')).toThrow(/line 1/);
  });
});

function tower(id: string, name = id): UispSite {
  return {
    index: 0,
    id,
    name,
    rawName: name,
    type: 'site',
    parentId: '',
    suspended: false,
    address: '',
    serviceName: '',
    latitude: undefined,
    longitude: undefined,
    downloadBps: undefined,
    uploadBps: undefined,
    downloadBurstKBps: undefined,
    uploadBurstKBps: undefined,
  };
}

function device(id: string, siteId: string, apDeviceId = ''): UispDevice {
  return {
    index: 0,
    id,
    name: id,
    mac: '',
    model: '',
    family: '',
    role: '',
    siteId,
    ipAddress: '',
    apDeviceId,
    wirelessMode: '',
    downlinkBps: undefined,
    uplinkBps: undefined,
    totalBps: undefined,
    theoreticalTotalBps: undefined,
    activeInterfaceIds: [],
    cidrs: [],
    radios: [],
  };
}

function link(id: string, from: [string, string], to: [string, string], canDelete = true): UispLink {
  return {
    index: 0,
    id,
    canDelete,
    from: { deviceId: from[0], siteId: from[1] },
    to: { deviceId: to[0], siteId: to[1] },
  };
}

describe('root site (§7.1 root_site cases)', () => {
  const data = (links: UispLink[] = [], sites = [tower('t1', 'TEST'), tower('t2', 'TEST2')]): UispData => ({
    sites,
    devices: [device('r1', 't1')],
    links,
  });
  const find = (setting: string, d: UispData, warn: (m: string) => void = () => {}) =>
    findRootSite(setting, d, indexUisp(d), warn);

  it('a known root, by name, by id, or ignoring case', () => {
    const d = data();
    expect(find('TEST', d).id).toBe('t1');
    expect(find('t2', d).id).toBe('t2');
    expect(find('test2', d).id).toBe('t2');
  });

  it('an unknown root is a config error listing the tower sites', () => {
    expect(() => find('DOES NOT EXIST', data())).toThrow(
      /\[uisp_integration\]\.site "DOES NOT EXIST" is not a UISP site/,
    );
    try {
      find('DOES NOT EXIST', data());
    } catch (error) {
      expect((error as WispError).exitCode).toBe(2);
      expect((error as WispError).hint).toMatch(/"TEST", "TEST2"/);
    }
  });

  it('empty: the one site with an Internet link', () => {
    const warnings: string[] = [];
    const d = data([link('wan', ['r1', 't1'], ['', ''], false)]);
    expect(find('', d, (m) => warnings.push(m)).id).toBe('t1');
    expect(warnings[0]).toMatch(/starts at "TEST", the one site with an Internet link/);
  });

  it('empty with no or several Internet links: a config error', () => {
    expect(() => find('', data())).toThrow(/\[uisp_integration\]\.site is empty/);
    const two = data([link('w1', ['', 't1'], ['', ''], false), link('w2', ['', 't2'], ['', ''], false)]);
    expect(() => find('', two)).toThrow(/site is empty/);
  });

  it('a client site cannot be the root', () => {
    const client = { ...tower('c1', 'Client'), type: 'endpoint' as const };
    expect(() => find('Client', data([], [tower('t1'), client]))).toThrow(/is a client site/);
  });
});

describe('client site → AP', () => {
  const client = (id: string): UispSite => ({ ...tower(id), type: 'endpoint' });
  const map = (d: UispData, warnings: string[] = []) =>
    mapClientsToAps(d, indexUisp(d), new WarningList({ warn: (m) => warnings.push(m) }));

  it('apDevice first, then device links, then site links; never a device of the client itself', () => {
    const d: UispData = {
      sites: [tower('t'), client('c1'), client('c2'), client('c3'), client('c4')],
      devices: [
        device('ap1', 't'),
        device('ap2', 't'),
        device('cpe1', 'c1', 'ap1'),
        device('cpe2', 'c2'),
        device('cpe3', 'c3'),
        device('rtr4', 'c4'),
        device('cpe4', 'c4', 'rtr4'),
      ],
      links: [
        link('l1', ['ap2', 't'], ['cpe1', 'c1']),
        link('l2', ['ap2', 't'], ['cpe2', 'c2']),
        link('l3', ['ap1', 't'], ['', 'c3']),
      ],
    };
    expect(Object.fromEntries(map(d))).toEqual({ c1: 'ap1', c2: 'ap2', c3: 'ap1' });
  });

  it('a client of a client: the device may sit at another client site', () => {
    const d: UispData = {
      sites: [tower('t'), client('house'), client('barn')],
      devices: [
        device('ap', 't'),
        device('cpe', 'house', 'ap'),
        device('rtr', 'house'),
        device('barn-cpe', 'barn', 'rtr'),
      ],
      links: [],
    };
    expect(map(d).get('barn')).toBe('rtr');
  });

  it('devices naming different APs: one parent for the whole circuit, with a warning (LibreQoS #695)', () => {
    const d: UispData = {
      sites: [tower('t'), client('c')],
      devices: [device('ap1', 't'), device('ap2', 't'), device('a', 'c', 'ap1'), device('b', 'c', 'ap2')],
      links: [],
    };
    const warnings: string[] = [];
    const list = new WarningList({ warn: (m) => warnings.push(m) });
    expect(mapClientsToAps(d, indexUisp(d), list).get('c')).toBe('ap1');
    list.flush();
    expect(warnings).toEqual([
      'client site c "c": its devices name different APs (ap1, ap2); all of them go under "ap1"',
    ]);
  });
});
