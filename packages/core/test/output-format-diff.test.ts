import { describe, expect, it } from 'vitest';
import type { PlanCircuit, PlanNode } from '../src/model/index.js';
import { diffPlans, formatDiff, type PlanDiff } from '../src/output/index.js';

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
    devices: [{ id: `d${id}`, name: 'cpe', mac: 'aa', ipv4: [`100.64.0.${id}`], ipv6: [] }],
    ...over,
  };
}

function node(name: string, children: PlanNode[] = [], over: Partial<PlanNode> = {}): PlanNode {
  return { name, type: 'site', downloadMbps: 1000, uploadMbps: 1000, children, ...over };
}

const ESC = String.fromCharCode(27);

const empty: PlanDiff = {
  circuits: { added: [], removed: [], changed: [], unchanged: 0 },
  nodes: { added: [], removed: [], changed: [] },
};

describe('formatDiff', () => {
  it('says so when nothing changed', () => {
    expect(
      formatDiff({ ...empty, circuits: { ...empty.circuits, unchanged: 99_100 } }, { color: false }),
    ).toBe('No changes.\n');
  });

  it('prints a headline and one line per change', () => {
    const before = {
      circuits: [circuit('1'), circuit('2'), circuit('3'), circuit('4')],
      nodes: [node('Site', [node('AP 1', [], { type: 'ap' }), node('Old AP', [], { type: 'ap' })])],
    };
    const after = {
      circuits: [
        circuit('1'),
        circuit('2', {
          name: 'Jane "JJ" Doe',
          downloadMax: 100,
          devices: [{ id: 'd2', name: 'cpe', mac: 'aa', ipv4: ['100.64.0.9'], ipv6: [] }],
        }),
        circuit('3', { parentNode: '', comment: 'moved' }),
        circuit('12', { name: 'New', parentNode: 'AP 2', downloadMax: 200, uploadMax: 40 }),
      ],
      nodes: [
        node('Site', [node('AP 1', [], { type: 'ap', downloadMbps: 500 }), node('AP 2', [], { type: 'ap' })]),
      ],
    };
    expect(formatDiff(diffPlans(before, after), { color: false })).toBe(
      [
        '1 circuit added, 1 removed, 2 changed, 1 unchanged; 1 node added, 1 removed, 1 changed',
        '+ circuit 12 "New" (parent "AP 2", 200/40 Mbps)',
        '- circuit 4 "Customer 4" (parent "AP 1", 50/10 Mbps)',
        '~ circuit 2 "Jane \\"JJ\\" Doe": name "Customer 2" → "Jane \\"JJ\\" Doe"; downloadMax 50 → 100; ipv4 +100.64.0.9 -100.64.0.2',
        '~ circuit 3 "Customer 3": parentNode "AP 1" → ""; comment "" → "moved"',
        '+ node "AP 2"',
        '- node "Old AP"',
        '~ node "AP 1": downloadMbps 1000 → 500',
        '',
      ].join('\n'),
    );
  });

  it('names devices when a circuit has changes on several', () => {
    const two = (a: string[], b: string[]) =>
      circuit('7', {
        devices: [
          { id: 'x', name: 'x', mac: '', ipv4: a, ipv6: [] },
          { id: 'y', name: 'y', mac: '', ipv4: b, ipv6: [] },
        ],
      });
    const diff = diffPlans(
      { circuits: [two(['10.0.0.1'], ['10.0.0.2'])], nodes: [] },
      { circuits: [two(['10.0.0.3'], ['10.0.0.2', '10.0.0.4'])], nodes: [] },
    );
    expect(formatDiff(diff, { color: false }).split('\n')[1]).toBe(
      '~ circuit 7 "Customer 7": device x ipv4 +10.0.0.3 -10.0.0.1; device y ipv4 +10.0.0.4',
    );
    const swapped = diffPlans(
      { circuits: [circuit('8')], nodes: [] },
      {
        circuits: [circuit('8', { devices: [{ id: 'n8', name: 'cpe', mac: 'aa', ipv4: [], ipv6: [] }] })],
        nodes: [],
      },
    );
    expect(formatDiff(swapped, { color: false }).split('\n')[1]).toBe(
      '~ circuit 8 "Customer 8": device -d8; device +n8',
    );
  });

  it('cuts each section at the limit', () => {
    const circuits = Array.from({ length: 1_234 }, (_, i) => circuit(String(i + 1)));
    const text = formatDiff(diffPlans(null, { circuits, nodes: [node('A'), node('B'), node('C')] }), {
      color: false,
      limit: 2,
    });
    expect(text).toBe(
      [
        '1,234 circuits added, 0 removed, 0 changed, 0 unchanged; 3 nodes added, 0 removed, 0 changed',
        '+ circuit 1 "Customer 1" (parent "AP 1", 50/10 Mbps)',
        '+ circuit 2 "Customer 2" (parent "AP 1", 50/10 Mbps)',
        '… and 1,232 more',
        '+ node "A"',
        '+ node "B"',
        '… and 1 more',
        '',
      ].join('\n'),
    );
    const all = formatDiff(diffPlans(null, { circuits, nodes: [] }), { color: false });
    expect(all.split('\n')).toHaveLength(1 + 50 + 1 + 1);
    expect(all).toContain('… and 1,184 more\n');
    expect(
      formatDiff(diffPlans(null, { circuits, nodes: [] }), { color: false, limit: Infinity }),
    ).not.toContain('more');
  });

  it('colours lines only when asked', () => {
    const diff = diffPlans({ circuits: [circuit('1')], nodes: [] }, { circuits: [circuit('2')], nodes: [] });
    const plain = formatDiff(diff, { color: false });
    const colored = formatDiff(diff, { color: true });
    expect(plain).not.toContain('\u001b[');
    expect(colored).toContain('\u001b[32m+ circuit 2');
    expect(colored).toContain('\u001b[31m- circuit 1');
    expect(colored.replaceAll(ESC, '').replace(/\[\d+m/g, '')).toBe(plain);
  });
});
