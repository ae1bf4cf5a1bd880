/**
 * Steps 1–4 of the topology stage, each run on its own over a small working graph. These import
 * the internal step files on purpose: the public door (buildShapingPlan) is covered by
 * topology-plan.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { Inventory } from '../src/model/index.js';
import { applyExceptionCpes } from '../src/topology/exceptions.js';
import { excludeSites } from '../src/topology/exclude.js';
import { generateClientSites } from '../src/topology/generated-sites.js';
import { createWorkGraph } from '../src/topology/graph.js';
import { syntheticNetworkJsonId } from '../src/topology/index.js';
import { resolveParents } from '../src/topology/parents.js';
import type { WorkGraph } from '../src/topology/types.js';
import { ap, circuit, inventory, site } from './topology-fixtures.js';

/** id → parent id (null = top level), nodes then circuits. */
function links(graph: WorkGraph): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const item of [...graph.nodes, ...graph.circuits]) out[item.id] = item.parent?.id ?? null;
  return out;
}

function graphOf(inv: Inventory): WorkGraph {
  return createWorkGraph(inv);
}

describe('createWorkGraph', () => {
  it('resolves parents to nodes before circuits and records missing ones', () => {
    const graph = graphOf(
      inventory(
        [site('1', 'Node one'), site('N', 'Under circuit', 'C')],
        [circuit('1'), circuit('C', '1'), circuit('X', 'nope')],
      ),
    );
    expect(links(graph)).toEqual({ '1': null, N: 'C', C: '1', X: null });
    expect(graph.circuits.find((c) => c.id === 'C')?.parent?.type).toBe('node');
    expect(graph.circuits.find((c) => c.id === 'X')?.missingParent).toBe('nope');
  });

  it('warns about duplicate node ids and links to the first', () => {
    const graph = graphOf(inventory([site('A', 'First'), site('A', 'Second'), ap('P', 'AP', 'A')]));
    expect(graph.nodes[2]?.parent).toBe(graph.nodes[0]);
    expect(graph.warnings.join('\n')).toMatch(/node id\(s\) used more than once.*A/);
  });
});

describe('step 1: excludeSites', () => {
  const inv = inventory(
    [
      site('R', 'Region'),
      site('EX', '  excluded SITE '),
      ap('EXAP', 'AP below', 'EX'),
      site('DEEP', 'Deep', 'EXAP'),
      ap('OK', 'Kept AP', 'R'),
    ],
    [
      circuit('c1', 'EX'),
      circuit('c2', 'DEEP'),
      circuit('c3', 'c2'),
      circuit('c4', 'OK'),
      circuit('c5', null, { name: 'Excluded Site' }),
    ],
  );

  it('removes the named node and everything below it, nodes and circuits, transitively', () => {
    const graph = graphOf(inv);
    excludeSites(graph, ['Excluded Site']);
    expect(Object.keys(links(graph))).toEqual(['R', 'OK', 'c4', 'c5']);
    expect(graph.dropped).toEqual({ excluded: 3 });
  });

  it('does nothing for an empty or blank list', () => {
    const graph = graphOf(inv);
    excludeSites(graph, ['', '  ']);
    expect(graph.nodes).toHaveLength(5);
    expect(graph.dropped).toEqual({});
  });

  it('survives parent cycles', () => {
    const graph = graphOf(
      inventory([site('A', 'A', 'B'), site('B', 'B', 'A'), site('E', 'E', 'A')], [circuit('c', 'A')]),
    );
    excludeSites(graph, ['B']);
    expect(links(graph)).toEqual({});
    const other = graphOf(inventory([site('A', 'A', 'B'), site('B', 'B', 'A')], [circuit('c', 'A')]));
    excludeSites(other, ['nothing']);
    expect(Object.keys(links(other))).toEqual(['A', 'B', 'c']);
  });
});

describe('step 2: applyExceptionCpes', () => {
  const inv = inventory(
    [site('S1', 'Tower'), site('S2', 'Hill')],
    [circuit('c1', 'S1', { name: 'CPE-X' }), circuit('c2', 'S1'), circuit('c3', null), circuit('c4', 'S2')],
  );

  it.each<[string, { cpe: string; parent: string }[], Record<string, string | null>]>([
    ['by circuit name to node id', [{ cpe: 'CPE-X', parent: 'S2' }], { c1: 'S2' }],
    ['by circuit id to node name', [{ cpe: 'c3', parent: 'Hill' }], { c3: 'S2' }],
    ['overrides a source parent', [{ cpe: 'c2', parent: 'Hill' }], { c2: 'S2' }],
    ['to a circuit by id', [{ cpe: 'c4', parent: 'c3' }], { c4: 'c3' }],
    ['trimmed', [{ cpe: ' c3 ', parent: ' S1 ' }], { c3: 'S1' }],
  ])('%s', (_label, entries, changed) => {
    const graph = graphOf(inv);
    applyExceptionCpes(graph, entries);
    expect(links(graph)).toEqual({ S1: null, S2: null, c1: 'S1', c2: 'S1', c3: null, c4: 'S2', ...changed });
    expect(graph.warnings).toEqual([]);
  });

  it('unknown parent: warning, parent unchanged', () => {
    const graph = graphOf(inv);
    applyExceptionCpes(graph, [{ cpe: 'c2', parent: 'Nowhere' }]);
    expect(links(graph).c2).toBe('S1');
    expect(graph.warnings).toEqual([expect.stringMatching(/parent not found.*c2 → "Nowhere"/)]);
  });

  it('warns about entries that match no circuit and blank entries', () => {
    const graph = graphOf(inv);
    applyExceptionCpes(graph, [
      { cpe: 'ghost', parent: 'S1' },
      { cpe: '', parent: 'S1' },
    ]);
    expect(graph.warnings).toEqual([
      expect.stringMatching(/needs both cpe and parent/),
      expect.stringMatching(/no circuit matches "ghost"/),
    ]);
  });
});

describe('step 3: resolveParents', () => {
  it('puts children of missing parents at the top level with one aggregated warning', () => {
    const circuits = Array.from({ length: 7 }, (_, i) => circuit(`c${i}`, `gone${i}`));
    const graph = graphOf(inventory([site('S', 'Site', 'missing-site')], circuits));
    resolveParents(graph);
    expect(Object.values(links(graph)).every((parent) => parent === null)).toBe(true);
    expect(graph.warnings).toHaveLength(1);
    expect(graph.warnings[0]).toMatch(/^8 item\(s\) name a parent that does not exist/);
    expect(graph.warnings[0]).toContain('site "Site" (id S) → "missing-site"');
    expect(graph.warnings[0]).toMatch(/and 3 more$/);
  });

  it('breaks a node cycle at its first member in input order', () => {
    const graph = graphOf(
      inventory([
        site('X', 'Outside'),
        site('L2', 'Loop2', 'L1'),
        site('L1', 'Loop1', 'L2'),
        ap('A', 'AP', 'L1'),
      ]),
    );
    resolveParents(graph);
    expect(links(graph)).toEqual({ X: null, L2: null, L1: 'L2', A: 'L1' });
    expect(graph.warnings).toEqual([
      expect.stringMatching(/parent cycle .*"Loop2".*"Loop1".*"Loop2".*placed at the top level/),
    ]);
  });

  it('breaks self-parents and mixed node/circuit cycles', () => {
    const graph = graphOf(inventory([site('S', 'Self', 'S'), site('N', 'Node', 'c1')], [circuit('c1', 'N')]));
    resolveParents(graph);
    expect(links(graph)).toEqual({ S: null, N: null, c1: 'N' });
    expect(graph.warnings).toHaveLength(2);
  });

  it('handles a 100,000-long chain without recursion', () => {
    const nodes = Array.from({ length: 100_000 }, (_, i) =>
      site(`n${i}`, `n${i}`, i === 0 ? `n${99_999}` : `n${i - 1}`),
    );
    const graph = graphOf(inventory(nodes));
    resolveParents(graph);
    expect(graph.nodes[0]?.parent).toBeNull();
    expect(graph.nodes[99_999]?.parent).toBe(graph.nodes[99_998]);
  });
});

describe('step 4: generateClientSites', () => {
  it('turns a client with children into a generated site where the client was', () => {
    const graph = graphOf(
      inventory(
        [site('S1', 'Site One'), site('S9', 'Below', 'C1')],
        [circuit('C1', 'S1', { name: 'Cust One' }), circuit('C2', 'C1')],
      ),
    );
    generateClientSites(graph);
    const gen = graph.nodes[2]!;
    expect(gen).toMatchObject({
      name: '(Generated Site) Cust One',
      kind: 'site',
      generated: true,
      networkJsonId: 'libreqos:generated:graph:site:cust-one',
      downloadMbps: undefined,
    });
    expect(links(graph)).toEqual({ S1: null, S9: 'C1_gen', C1_gen: 'S1', C1: 'C1_gen', C2: 'C1_gen' });
  });

  it('nests generated sites for nested clients (S1 › C1 › C2 › C3 › S9)', () => {
    const graph = graphOf(
      inventory(
        [site('S1', 'Site'), site('S9', 'Site under client', 'C3')],
        [
          circuit('C1', 'S1', { name: 'C one' }),
          circuit('C2', 'C1', { name: 'C two' }),
          circuit('C3', 'C2', { name: 'C three' }),
        ],
      ),
    );
    generateClientSites(graph);
    expect(links(graph)).toEqual({
      S1: null,
      S9: 'C3_gen',
      C1_gen: 'S1',
      C2_gen: 'C1_gen',
      C3_gen: 'C2_gen',
      C1: 'C1_gen',
      C2: 'C2_gen',
      C3: 'C3_gen',
    });
  });

  it('keeps generated ids unique when clients share a name', () => {
    const graph = graphOf(
      inventory(
        [],
        [
          circuit('a', null, { name: 'Jo' }),
          circuit('b', 'a'),
          circuit('c', null, { name: 'jo' }),
          circuit('d', 'c'),
        ],
      ),
    );
    generateClientSites(graph);
    expect(graph.nodes.map((n) => n.networkJsonId)).toEqual([
      'libreqos:generated:graph:site:jo',
      'libreqos:generated:graph:site:jo-2',
    ]);
  });

  it('is a no-op without clients that have children', () => {
    const graph = graphOf(inventory([site('S', 'S')], [circuit('c', 'S')]));
    generateClientSites(graph);
    expect(graph.nodes).toHaveLength(1);
  });
});

describe('syntheticNetworkJsonId', () => {
  it.each([
    ['  Héllo, World!! 2 ', 'libreqos:generated:graph:site:héllo-world-2'],
    ['Cust One', 'libreqos:generated:graph:site:cust-one'],
    ['---', 'libreqos:generated:graph:site:'],
  ])('%s → %s', (name, expected) => {
    expect(syntheticNetworkJsonId('graph', 'site', name)).toBe(expected);
  });
});
