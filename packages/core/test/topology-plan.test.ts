/**
 * buildShapingPlan end to end, including the worked examples A and C of
 * specs/libreqos-python-integrations.md §3.13 adapted to our intended behaviour. What differs from
 * LibreQoS HEAD is noted next to each expectation.
 */
import { describe, expect, it } from 'vitest';
import type { InventoryCircuit } from '../src/model/index.js';
import { buildShapingPlan } from '../src/topology/index.js';
import { ap, inventory, options, outline, site } from './topology-fixtures.js';

function client(
  id: string,
  name: string,
  parentId: string | null,
  rate: [number, number],
  ipv4: string[],
  extra: Partial<InventoryCircuit> = {},
): InventoryCircuit {
  return {
    id,
    name,
    parentId,
    rate: { downloadMbps: rate[0], uploadMbps: rate[1] },
    devices: [{ id: `D${id.slice(1)}`, name: `d${id.slice(1)}`, ipv4, ipv6: [] }],
    ...extra,
  };
}

const commit98 = { commitMultiplier: 0.98, overheadFactor: 1, clientMultiplier: 1 };

describe('§3.13 Example A (intended behaviour)', () => {
  const inv = inventory(
    [
      site('S1', 'Site One', null, {
        downloadMbps: 500,
        uploadMbps: 100,
        networkJsonId: 'x:site:1',
        latitude: 1.5,
        longitude: 2.5,
      }),
      ap('A1', 'AP One', 'S1', { downloadMbps: 20000, uploadMbps: 20000 }),
    ],
    [
      {
        id: 'C1',
        name: 'Cust One',
        address: '1 Road',
        parentId: 'S1',
        rate: { downloadMbps: 100.5, uploadMbps: 20.123 },
        devices: [{ id: 'D1', name: 'Dev One', mac: 'aa', ipv4: ['100.64.0.1'], ipv6: [] }],
      },
      {
        id: 'C2',
        name: 'Cust Two',
        parentId: 'C1',
        // LibreQoS: upload None → 0.0.
        rate: { downloadMbps: 0.4, uploadMbps: Number.NaN },
        devices: [
          { id: 'D2', name: 'Dev Two', ipv4: ['100.64.0.2/32', '100.64.0.3'], ipv6: ['2001:db8::/64'] },
        ],
      },
      client('C3', 'Orphan', 'NOPE', [10, 10], []),
    ],
  );

  it('matches HEAD except that circuits name the generated site as their parent', () => {
    const { plan, warnings, dropped } = buildShapingPlan(inv, options({ rates: commit98 }));
    expect(plan.nodes).toEqual([
      {
        name: 'Site One',
        id: 'x:site:1',
        type: 'site',
        downloadMbps: 500,
        uploadMbps: 100,
        latitude: 1.5,
        longitude: 2.5,
        children: [
          { name: 'AP One', type: 'ap', downloadMbps: 500, uploadMbps: 100, children: [] },
          {
            name: '(Generated Site) Cust One',
            id: 'libreqos:generated:graph:site:cust-one',
            type: 'site',
            downloadMbps: 500,
            uploadMbps: 100,
            children: [],
          },
        ],
      },
    ]);
    const generated = {
      parentNode: '(Generated Site) Cust One',
      parentNodeId: 'libreqos:generated:graph:site:cust-one',
    };
    expect(plan.circuits).toEqual([
      {
        id: 'C1',
        name: 'Cust One',
        ...generated, // HEAD: "Site One" / "x:site:1"
        downloadMin: 98.49,
        uploadMin: 19.72,
        downloadMax: 100.5,
        uploadMax: 20.12,
        comment: '',
        sqm: '',
        devices: [{ id: 'D1', name: 'Dev One', mac: 'AA', ipv4: ['100.64.0.1'], ipv6: [] }],
      },
      {
        id: 'C2',
        name: 'Cust Two',
        ...generated, // HEAD: "Site One" / "x:site:1"
        downloadMin: 1,
        uploadMin: 1,
        downloadMax: 1,
        uploadMax: 1,
        comment: '',
        sqm: '',
        devices: [
          {
            id: 'D2',
            name: 'Dev Two',
            mac: '',
            // The stand-in drops /32 like core/net does; HEAD keeps the text as given.
            ipv4: ['100.64.0.2', '100.64.0.3'],
            ipv6: ['2001:db8::/64'],
          },
        ],
      },
    ]);
    expect(dropped).toEqual({ 'no-ip': 1 });
    expect(warnings).toEqual([expect.stringMatching(/circuit "Orphan" \(id C3\) → "NOPE"/)]);
  });
});

describe('§3.13 Example C (intended behaviour)', () => {
  const inv = inventory(
    [
      site('R', 'Region', null, { networkJsonId: 'x:s:R' }),
      site('S1', 'Tower', 'R', { networkJsonId: 'x:s:1' }),
      site('EX', 'Excluded Site'),
      ap('AP', 'AP1', 'S1', { networkJsonId: 'x:ap:1' }),
      site('LOOP1', 'Loop1', 'LOOP2', { networkJsonId: 'x:l1' }),
      site('LOOP2', 'Loop2', 'LOOP1', { networkJsonId: 'x:l2' }),
    ],
    [
      client('C1', 'Cust', 'AP', [50, 10], ['10.0.0.1/32'], { address: '12 Main St' }),
      client('C2', 'CPE-X', null, [50, 10], ['10.0.0.2']),
      client('C4', 'Below excluded', 'EX', [5, 5], ['10.0.0.4']),
      client('C5', 'Five', 'S1', [7, 7], ['10.0.0.5']),
    ],
  );
  const run = () =>
    buildShapingPlan(
      inv,
      options({
        rates: commit98,
        promoteToRoot: ['Tower'],
        excludeSites: ['Excluded Site'],
        exceptionCpes: [
          { cpe: 'CPE-X', parent: 'S1' },
          { cpe: 'C9', parent: 'R' },
        ],
        circuitNameAsAddress: true,
      }),
    );

  it('tree: Tower moves up with its AP (HEAD: AP1 moves up, Tower stays); Loop2 stays below Loop1 (HEAD: both at root)', () => {
    expect(outline(run().plan.nodes)).toEqual(['Region', 'Tower', '  AP1', 'Loop1', '  Loop2']);
  });

  it('circuits', () => {
    const { plan, dropped } = run();
    expect(
      plan.circuits.map((c) => [
        c.id,
        c.name,
        c.parentNode,
        c.parentNodeId,
        c.downloadMin,
        c.uploadMin,
        c.downloadMax,
        c.uploadMax,
      ]),
    ).toEqual([
      ['C1', '12 Main St', 'AP1', 'x:ap:1', 49, 9.8, 50, 10],
      // HEAD: name "" (empty address), parent "" (the exception points into the promoted Tower whose children went to root).
      ['C2', 'CPE-X', 'Tower', 'x:s:1', 49, 9.8, 50, 10],
      // C4 (below the excluded site) is dropped; HEAD shapes it at the root.
      // HEAD: parent "" (children of a promoted node go to the root).
      ['C5', 'Five', 'Tower', 'x:s:1', 6.86, 6.86, 7, 7],
    ]);
    expect(dropped).toEqual({ excluded: 1 });
  });

  it('warnings: the loop and the exception that matches nothing', () => {
    expect(run().warnings).toEqual([
      expect.stringMatching(/^exception_cpes: no circuit matches "C9"/),
      expect.stringMatching(
        /^parent cycle site "Loop1" \(id LOOP1\) → site "Loop2" \(id LOOP2\) → site "Loop1"/,
      ),
    ]);
  });
});

describe('§3.6 nested clients (intended behaviour)', () => {
  it('nests one generated site per client and names it as the Parent Node', () => {
    const inv = inventory(
      [site('S1', 'Site', null, { networkJsonId: 'x:s:1' }), site('S9', 'Site under client', 'C3')],
      [
        client('C1', 'C one', 'S1', [10, 10], ['10.0.0.1']),
        client('C2', 'C two', 'C1', [10, 10], ['10.0.0.2']),
        client('C3', 'C three', 'C2', [10, 10], ['10.0.0.3']),
      ],
    );
    const { plan } = buildShapingPlan(inv, options());
    // HEAD: C3_gen is lifted next to C2_gen and every circuit names "Site".
    expect(outline(plan.nodes)).toEqual([
      'Site',
      '  (Generated Site) C one',
      '    (Generated Site) C two',
      '      (Generated Site) C three',
      '        Site under client',
    ]);
    expect(plan.circuits.map((c) => [c.parentNode, c.parentNodeId])).toEqual([
      ['(Generated Site) C one', 'libreqos:generated:graph:site:c-one'],
      ['(Generated Site) C two', 'libreqos:generated:graph:site:c-two'],
      ['(Generated Site) C three', 'libreqos:generated:graph:site:c-three'],
    ]);
  });
});

describe('buildShapingPlan', () => {
  it('does not modify its input', () => {
    const inv = inventory([site('S', ' Site ')], [client('C1', ' x ', 'S', [1, 1], ['10.0.0.1'])]);
    const before = structuredClone(inv);
    buildShapingPlan(inv, options({ promoteToRoot: ['Site'], strategy: 'flat' }));
    expect(inv).toEqual(before);
  });

  it('an empty inventory is an empty plan', () => {
    expect(buildShapingPlan(inventory([]), options())).toEqual({
      plan: { source: 'test', nodes: [], circuits: [] },
      warnings: [],
      dropped: {},
    });
  });

  it('passes comment and sqm through', () => {
    const inv = inventory(
      [],
      [client('C1', 'x', null, [1, 1], ['10.0.0.1'], { comment: 'hi', sqm: 'cake' })],
    );
    expect(buildShapingPlan(inv, options()).plan.circuits[0]).toMatchObject({ comment: 'hi', sqm: 'cake' });
  });
});
