import { describe, expect, it } from 'vitest';
import type { PlanCircuit, PlanDevice, PlanNode } from '../src/model/index.js';
import { compareIds, diffPlans } from '../src/output/index.js';

function device(id: string, over: Partial<PlanDevice> = {}): PlanDevice {
  return { id, name: `dev ${id}`, mac: '', ipv4: [], ipv6: [], ...over };
}

function circuit(id: string, over: Partial<PlanCircuit> = {}): PlanCircuit {
  return {
    id,
    name: `Customer ${id}`,
    parentNode: 'AP 1',
    parentNodeId: '',
    downloadMin: 25,
    uploadMin: 5,
    downloadMax: 50,
    uploadMax: 10,
    comment: '',
    sqm: '',
    devices: [device(`d${id}`, { ipv4: [`100.64.0.${id}`] })],
    ...over,
  };
}

function node(name: string, children: PlanNode[] = [], over: Partial<PlanNode> = {}): PlanNode {
  return { name, type: 'site', downloadMbps: 1000, uploadMbps: 1000, children, ...over };
}

const plan = (circuits: PlanCircuit[], nodes: PlanNode[] = []) => ({ circuits, nodes });

describe('diffPlans: circuits', () => {
  it('sees nothing when the plans are equal', () => {
    const a = plan([circuit('1'), circuit('2')], [node('Site', [node('AP 1')])]);
    const b = plan([circuit('2'), circuit('1')], [node('Site', [node('AP 1')])]);
    const diff = diffPlans(a, b);
    expect(diff.circuits).toEqual({ added: [], removed: [], changed: [], unchanged: 2 });
    expect(diff.nodes).toEqual({ added: [], removed: [], changed: [] });
  });

  it('treats every circuit and node as added when there is no current plan', () => {
    const diff = diffPlans(null, plan([circuit('10'), circuit('9')], [node('Site', [node('AP 1')])]));
    expect(diff.circuits.added.map((c) => c.id)).toEqual(['9', '10']);
    expect(diff.circuits.added[0]).toEqual({
      id: '9',
      name: 'Customer 9',
      parentNode: 'AP 1',
      downloadMax: 50,
      uploadMax: 10,
    });
    expect(diff.nodes.added).toEqual(['AP 1', 'Site']);
  });

  it('matches circuits by id and sorts added, removed and changed', () => {
    const diff = diffPlans(
      plan([circuit('3'), circuit('1'), circuit('2'), circuit('b')]),
      plan([circuit('a'), circuit('2', { downloadMax: 100 }), circuit('4'), circuit('3')]),
    );
    expect(diff.circuits.added.map((c) => c.id)).toEqual(['4', 'a']);
    expect(diff.circuits.removed.map((c) => c.id)).toEqual(['1', 'b']);
    expect(diff.circuits.changed.map((c) => c.id)).toEqual(['2']);
    expect(diff.circuits.unchanged).toBe(1);
  });

  it.each<[string, Partial<PlanCircuit>, { field: string; from: string; to: string }]>([
    ['name', { name: 'Jane' }, { field: 'name', from: 'Customer 1', to: 'Jane' }],
    ['parent', { parentNode: 'AP 2' }, { field: 'parentNode', from: 'AP 1', to: 'AP 2' }],
    ['downloadMin', { downloadMin: 30 }, { field: 'downloadMin', from: '25', to: '30' }],
    ['uploadMin', { uploadMin: 5.5 }, { field: 'uploadMin', from: '5', to: '5.5' }],
    ['downloadMax', { downloadMax: 100 }, { field: 'downloadMax', from: '50', to: '100' }],
    ['uploadMax', { uploadMax: 20 }, { field: 'uploadMax', from: '10', to: '20' }],
    ['comment', { comment: 'vip' }, { field: 'comment', from: '', to: 'vip' }],
    ['sqm', { sqm: 'fq_codel' }, { field: 'sqm', from: '', to: 'fq_codel' }],
  ])('reports a %s change', (_, over, change) => {
    const diff = diffPlans(plan([circuit('1')]), plan([circuit('1', over)]));
    expect(diff.circuits.changed).toEqual([{ id: '1', name: over.name ?? 'Customer 1', changes: [change] }]);
    expect(diff.circuits.unchanged).toBe(0);
  });

  it('ignores parentNodeId (the legacy CSV layout does not carry it)', () => {
    const diff = diffPlans(plan([circuit('1')]), plan([circuit('1', { parentNodeId: 'x:1' })]));
    expect(diff.circuits.unchanged).toBe(1);
  });

  it('reports device fields and address sets, ignoring address order', () => {
    const before = circuit('1', {
      devices: [device('d1', { mac: 'aa', ipv4: ['100.64.0.8', '100.64.0.1'], ipv6: ['2001:db8::/64'] })],
    });
    const after = circuit('1', {
      devices: [
        device('d1', { name: 'cpe', mac: 'bb', ipv4: ['100.64.0.1', '100.64.0.9'], ipv6: ['2001:db8::/64'] }),
      ],
    });
    const reordered = circuit('1', {
      devices: [device('d1', { mac: 'aa', ipv4: ['100.64.0.1', '100.64.0.8'], ipv6: ['2001:db8::/64'] })],
    });
    expect(diffPlans(plan([before]), plan([reordered])).circuits.unchanged).toBe(1);
    expect(diffPlans(plan([before]), plan([after])).circuits.changed[0]?.changes).toEqual([
      { field: 'deviceName', from: 'dev d1', to: 'cpe', device: 'd1' },
      { field: 'mac', from: 'aa', to: 'bb', device: 'd1' },
      { field: 'ipv4', from: '100.64.0.1, 100.64.0.8', to: '100.64.0.1, 100.64.0.9', device: 'd1' },
    ]);
  });

  it('reports devices added and removed, keyed by device id', () => {
    const before = circuit('1', { devices: [device('a'), device('b', { ipv6: ['2001:db8::1'] })] });
    const after = circuit('1', { devices: [device('c'), device('b'), device('10')] });
    expect(diffPlans(plan([before]), plan([after])).circuits.changed[0]?.changes).toEqual([
      { field: 'device', from: '', to: '10', device: '10' },
      { field: 'device', from: 'a', to: '', device: 'a' },
      { field: 'ipv6', from: '2001:db8::1', to: '', device: 'b' },
      { field: 'device', from: '', to: 'c', device: 'c' },
    ]);
  });

  it('keeps the first of duplicate circuit ids on either side', () => {
    const diff = diffPlans(plan([circuit('1'), circuit('1', { name: 'dup' })]), plan([circuit('1')]));
    expect(diff.circuits).toEqual({ added: [], removed: [], changed: [], unchanged: 1 });
    const next = diffPlans(
      plan([circuit('1')]),
      plan([circuit('1'), circuit('1', { name: 'x' }), circuit('2')]),
    );
    expect(next.circuits.added.map((c) => c.id)).toEqual(['2']);
    expect(next.circuits.unchanged).toBe(1);
    const gone = diffPlans(plan([circuit('5'), circuit('5', { name: 'x' })]), plan([]));
    expect(gone.circuits.removed).toEqual([
      { id: '5', name: 'Customer 5', parentNode: 'AP 1', downloadMax: 50, uploadMax: 10 },
    ]);
  });
});

describe('diffPlans: nodes', () => {
  it('matches nodes by name anywhere in the tree', () => {
    const before = [
      node('Site A', [node('AP 1', [], { type: 'ap' }), node('AP 2', [], { type: 'ap', id: 'x:2' })]),
      node('Old'),
    ];
    const after = [
      node('Site A', [node('AP 2', [], { type: 'ap', id: 'x:20', downloadMbps: 500 })], { uploadMbps: 800 }),
      node('Site B', [node('AP 1', [], { type: 'ap' })]),
    ];
    expect(diffPlans(plan([], before), plan([], after)).nodes).toEqual({
      added: ['Site B'],
      removed: ['Old'],
      changed: [
        { name: 'AP 1', changes: [{ field: 'parent', from: 'Site A', to: 'Site B' }] },
        {
          name: 'AP 2',
          changes: [
            { field: 'id', from: 'x:2', to: 'x:20' },
            { field: 'downloadMbps', from: '1000', to: '500' },
          ],
        },
        { name: 'Site A', changes: [{ field: 'uploadMbps', from: '1000', to: '800' }] },
      ],
    });
  });

  it('reports a type change and a move to the top level', () => {
    const before = [node('Site', [node('Relay', [], { type: 'ap' })])];
    const after = [node('Site'), node('Relay')];
    expect(diffPlans(plan([], before), plan([], after)).nodes.changed).toEqual([
      {
        name: 'Relay',
        changes: [
          { field: 'parent', from: 'Site', to: '' },
          { field: 'type', from: 'ap', to: 'site' },
        ],
      },
    ]);
  });
});

describe('compareIds', () => {
  it('is a total order: numbers by value first, then code units', () => {
    const ids = ['b', '10', '1a', '2', 'A', '9', '100'];
    expect([...ids].sort(compareIds)).toEqual(['2', '9', '10', '100', '1a', 'A', 'b']);
    expect([...ids].reverse().sort(compareIds)).toEqual(['2', '9', '10', '100', '1a', 'A', 'b']);
  });
});

describe('diffPlans: scale', () => {
  it('diffs 200,000 circuits well under a second', () => {
    const n = 200_000;
    const current: PlanCircuit[] = [];
    const next: PlanCircuit[] = [];
    for (let i = 0; i < n; i++) {
      const ip = `100.${64 + (i >> 16)}.${(i >> 8) & 255}.${i & 255}`;
      const c = circuit(String(i), { devices: [device(`d${i}`, { mac: 'aa:bb', ipv4: [ip] })] });
      current.push(c);
      if (i % 100 === 0) continue; // removed
      if (i % 10 === 0) next.push({ ...c, downloadMax: 100 });
      else if (i % 17 === 0)
        next.push({ ...c, devices: [device(`d${i}`, { mac: 'aa:bb', ipv4: [`10.0.0.${i & 255}`] })] });
      else next.push({ ...c, devices: [device(`d${i}`, { mac: 'aa:bb', ipv4: [ip] })] });
    }
    for (let i = n; i < n + 5_000; i++) next.push(circuit(String(i)));
    const nodes = Array.from({ length: 500 }, (_, i) => node(`Site ${i}`, [node(`AP ${i}`)]));
    const reversed = [...next].reverse();
    // CPU time, not wall time: other test files (and other work on a CI box) share the cores.
    const started = process.cpuUsage();
    const diff = diffPlans({ circuits: current, nodes }, { circuits: reversed, nodes });
    const used = process.cpuUsage(started);
    const elapsedMs = (used.user + used.system) / 1000;
    expect(diff.circuits.added).toHaveLength(5_000);
    expect(diff.circuits.removed).toHaveLength(2_000);
    expect(diff.circuits.changed.length).toBeGreaterThan(18_000 + 10_000);
    expect(diff.circuits.unchanged + diff.circuits.changed.length).toBe(n - 2_000);
    // ~200–400 ms of CPU on a small 2-core box, including the collector's work on fresh objects.
    expect(elapsedMs).toBeLessThan(1000);
  });
});
