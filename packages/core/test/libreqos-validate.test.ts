import { describe, expect, it } from 'vitest';
import {
  type CsvLayout,
  isValidSqm,
  planToRows,
  type ShapedDevicesRow,
  validateOutput,
} from '../src/libreqos/index.js';
import type { PlanCircuit, PlanNode } from '../src/model/index.js';
import { smallCircuits, smallNodes } from './libreqos-fixture.js';

/** The small plan with every rough edge removed: it must pass with no problem at all. */
function goodCircuits(): PlanCircuit[] {
  const circuits = smallCircuits();
  Object.assign(circuits[2]!, { downloadMin: 1, uploadMin: 1, downloadMax: 2, uploadMax: 2 });
  return circuits;
}
function goodNodes(): PlanNode[] {
  const nodes = smallNodes();
  delete nodes[1]!.latitude;
  return nodes;
}

interface Ctx {
  rows: ShapedDevicesRow[];
  nodes: PlanNode[];
  layout: CsvLayout;
  missingParent?: 'error' | 'warning';
}
function ctx(layout: CsvLayout = 'legacy'): Ctx {
  return { rows: planToRows(goodCircuits()), nodes: goodNodes(), layout };
}
function row(c: Ctx, i: number): ShapedDevicesRow {
  return c.rows[i]!;
}
function setRate(
  r: ShapedDevicesRow,
  key: 'downloadMin' | 'uploadMin' | 'downloadMax' | 'uploadMax',
  value: number,
) {
  r[key] = value;
  r.rawRates = { ...r.rawRates, [key]: String(value) };
}
function node(c: Ctx, name: string): PlanNode {
  const stack = [...c.nodes];
  for (let n = stack.pop(); n; n = stack.pop()) {
    if (n.name === name) return n;
    stack.push(...n.children);
  }
  throw new Error(name);
}
const leaf = (name: string, mbps = 100): PlanNode => ({
  name,
  type: 'ap',
  downloadMbps: mbps,
  uploadMbps: mbps,
  children: [],
});

type Case = [
  string,
  CsvLayout,
  (c: Ctx) => void,
  'error' | 'warning',
  'circuit' | 'device' | 'node',
  string,
  RegExp,
];

// Rows: 0 = crm:svc:1001/crm:dev:5001, 1 = crm:svc:1001/crm:dev:5002, 2 = crm:svc:1002/crm:dev:5003, 3 = crm:svc:1003/crm:dev:5004
const cases: Case[] = [
  // identity
  [
    'empty Circuit ID',
    'legacy',
    (c) => {
      row(c, 3).circuitId = '';
    },
    'error',
    'device',
    'crm:dev:5004',
    /line 5: Circuit ID is empty/,
  ],
  [
    'Circuit ID starting with #',
    'legacy',
    (c) => {
      row(c, 3).circuitId = '#c3';
    },
    'error',
    'circuit',
    '#c3',
    /starts with "#".*comment/,
  ],
  [
    'Circuit ID containing #',
    'legacy',
    (c) => {
      row(c, 3).circuitId = 'c#3';
    },
    'error',
    'circuit',
    'c#3',
    /contains "#"/,
  ],
  [
    'empty Circuit Name',
    'legacy',
    (c) => {
      row(c, 3).circuitName = '';
    },
    'error',
    'circuit',
    'crm:svc:1003',
    /Circuit Name is empty/,
  ],
  [
    'empty Device Name',
    'legacy',
    (c) => {
      row(c, 3).deviceName = '';
    },
    'error',
    'device',
    'crm:dev:5004',
    /Device Name is empty/,
  ],
  [
    'empty Device ID',
    'legacy',
    (c) => {
      row(c, 3).deviceId = '';
    },
    'error',
    'device',
    '',
    /line 5 \(circuit 'crm:svc:1003'\): Device ID is empty/,
  ],
  [
    'duplicate Device ID',
    'legacy',
    (c) => {
      row(c, 3).deviceId = 'crm:dev:5001';
    },
    'error',
    'device',
    'crm:dev:5001',
    /used twice: circuit 'crm:svc:1001' \(line 2\) and circuit 'crm:svc:1003' \(line 5\)/,
  ],
  // whitespace
  [
    'trailing space in a device field',
    'legacy',
    (c) => {
      row(c, 3).deviceName = 'Sam CPE ';
    },
    'error',
    'device',
    'crm:dev:5004',
    /Device Name 'Sam CPE ' has leading or trailing whitespace/,
  ],
  [
    'leading space in Circuit ID',
    'legacy',
    (c) => {
      row(c, 3).circuitId = ' crm:svc:1003';
    },
    'error',
    'circuit',
    ' crm:svc:1003',
    /Circuit ID ' crm:svc:1003' has leading/,
  ],
  [
    'line break in a circuit field',
    'legacy',
    (c) => {
      row(c, 3).comment = 'a\nb';
    },
    'error',
    'circuit',
    'crm:svc:1003',
    /Comment 'a\\nb' contains a line break/,
  ],
  [
    'space around an IP item',
    'legacy',
    (c) => {
      row(c, 3).ipv4 = [' 100.64.2.1'];
    },
    'error',
    'device',
    'crm:dev:5004',
    /IPv4 ' 100.64.2.1' has leading/,
  ],
  // parents
  [
    'unknown Parent Node',
    'legacy',
    (c) => {
      row(c, 3).parentNode = 'Nowhere';
    },
    'error',
    'circuit',
    'crm:svc:1003',
    /Parent Node 'Nowhere' is not a node in network.json/,
  ],
  [
    'unknown Parent Node, kept network.json',
    'legacy',
    (c) => {
      row(c, 3).parentNode = 'Nowhere';
      c.missingParent = 'warning';
    },
    'warning',
    'circuit',
    'crm:svc:1003',
    /Parent Node 'Nowhere'/,
  ],
  [
    'Parent Node ID that matches no node',
    'v2.2',
    (c) => {
      row(c, 3).parentNodeId = 'nope';
    },
    'warning',
    'circuit',
    'crm:svc:1003',
    /Parent Node ID 'nope' matches no node/,
  ],
  [
    'Parent Node ID of another node than Parent Node',
    'v2.2',
    (c) => {
      row(c, 2).parentNodeId = 'crm:ap:301';
    },
    'error',
    'circuit',
    'crm:svc:1002',
    /is node 'AP_North_1' but Parent Node is '123'/,
  ],
  [
    'unresolvable Anchor Node ID',
    'v2.2',
    (c) => {
      row(c, 3).anchorNodeId = 'x';
    },
    'warning',
    'circuit',
    'crm:svc:1003',
    /Anchor Node ID 'x' .*leave it empty/,
  ],
  // per-circuit consistency
  [
    'rows disagree on Parent Node',
    'legacy',
    (c) => {
      row(c, 1).parentNode = '123';
    },
    'error',
    'circuit',
    'crm:svc:1001',
    /disagree on Parent Node: 'AP_North_1' \(line 2, device 'crm:dev:5001'\) vs '123' \(line 3/,
  ],
  [
    'rows disagree on Parent Node ID',
    'v2.2',
    (c) => {
      row(c, 1).parentNodeId = '';
    },
    'error',
    'circuit',
    'crm:svc:1001',
    /disagree on Parent Node ID/,
  ],
  [
    'rows disagree on Anchor Node ID',
    'v2.2',
    (c) => {
      row(c, 1).anchorNodeId = 'crm:ap:301';
    },
    'error',
    'circuit',
    'crm:svc:1001',
    /disagree on Anchor Node ID/,
  ],
  [
    'rows disagree on a rate',
    'legacy',
    (c) => {
      setRate(row(c, 1), 'downloadMax', 100);
    },
    'error',
    'circuit',
    'crm:svc:1001',
    /disagree on Download Max: '115' .* vs '100'/,
  ],
  [
    'rows disagree on sqm',
    'legacy',
    (c) => {
      row(c, 1).sqm = 'cake';
    },
    'error',
    'circuit',
    'crm:svc:1001',
    /disagree on sqm/,
  ],
  [
    'rows disagree on Comment',
    'legacy',
    (c) => {
      row(c, 1).comment = 'x';
    },
    'warning',
    'circuit',
    'crm:svc:1001',
    /disagree on Comment/,
  ],
  // IPs
  [
    'unparsable IP',
    'legacy',
    (c) => {
      row(c, 3).ipv4 = ['100.64.2.300'];
    },
    'error',
    'device',
    'crm:dev:5004',
    /IPv4 '100.64.2.300' is not valid/,
  ],
  [
    'semicolon-joined IPs',
    'legacy',
    (c) => {
      row(c, 3).ipv4 = ['100.64.2.1;100.64.2.2'];
    },
    'error',
    'device',
    'crm:dev:5004',
    /is not valid/,
  ],
  [
    'CIDR with host bits',
    'legacy',
    (c) => {
      row(c, 3).ipv4 = ['100.64.2.5/24'];
    },
    'error',
    'device',
    'crm:dev:5004',
    /'100.64.2.5\/24' has host bits set below \/24.* 100.64.2.5$/,
  ],
  [
    'IPv6 CIDR with host bits',
    'legacy',
    (c) => {
      row(c, 3).ipv6 = ['fdd7::1/64'];
    },
    'error',
    'device',
    'crm:dev:5004',
    /IPv6 'fdd7::1\/64' has host bits/,
  ],
  [
    'IPv6 in the IPv4 column',
    'legacy',
    (c) => {
      row(c, 3).ipv4 = ['2001:db8::5'];
    },
    'error',
    'device',
    'crm:dev:5004',
    /IPv6 address in the IPv4 column/,
  ],
  [
    'duplicate IPv4 across circuits',
    'legacy',
    (c) => {
      row(c, 3).ipv4 = ['100.64.1.10'];
    },
    'error',
    'circuit',
    'crm:svc:1003',
    /IPv4 100.64.1.10 of circuit 'crm:svc:1003' .* already used by circuit 'crm:svc:1001' \(device 'crm:dev:5001', line 2\)/,
  ],
  [
    'duplicate IPv6 (after normalising)',
    'legacy',
    (c) => {
      row(c, 3).ipv6 = ['2001:DB8:20:0::1/128'];
    },
    'error',
    'circuit',
    'crm:svc:1003',
    /IPv6 2001:db8:20::1 .* already used by circuit 'crm:svc:1002'/,
  ],
  [
    'duplicate IP inside one circuit',
    'legacy',
    (c) => {
      row(c, 1).ipv4 = ['100.64.1.11'];
    },
    'error',
    'circuit',
    'crm:svc:1001',
    /100.64.1.11 .* already used by circuit 'crm:svc:1001'/,
  ],
  [
    'IPv4 inside another circuit’s prefix',
    'legacy',
    (c) => {
      row(c, 3).ipv4 = ['100.64.9.4'];
    },
    'warning',
    'circuit',
    'crm:svc:1003',
    /100.64.9.4 .* lies inside 100.64.9.0\/29 of circuit 'crm:svc:1001'/,
  ],
  [
    'IPv6 prefix inside another circuit’s prefix',
    'legacy',
    (c) => {
      row(c, 3).ipv6 = ['2001:db8:10:ff::/64'];
    },
    'warning',
    'circuit',
    'crm:svc:1003',
    /2001:db8:10:ff::\/64 .* lies inside 2001:db8:10::\/56/,
  ],
  [
    'no IP on a row',
    'legacy',
    (c) => {
      row(c, 3).ipv4 = [];
    },
    'error',
    'device',
    'crm:dev:5004',
    /no IPv4 or IPv6 address/,
  ],
  // rates
  [
    'rate that is not a number',
    'legacy',
    (c) => {
      row(c, 3).downloadMin = Number.NaN;
      row(c, 3).rawRates.downloadMin = 'fast';
    },
    'error',
    'circuit',
    'crm:svc:1003',
    /Download Min 'fast' is not a number/,
  ],
  [
    'infinite rate',
    'legacy',
    (c) => {
      setRate(row(c, 3), 'uploadMax', Number.POSITIVE_INFINITY);
    },
    'error',
    'circuit',
    'crm:svc:1003',
    /Upload Max 'Infinity' is not a number/,
  ],
  [
    'rate below 0.1',
    'legacy',
    (c) => {
      setRate(row(c, 3), 'uploadMin', 0.05);
    },
    'error',
    'circuit',
    'crm:svc:1003',
    /Upload Min 0.05 is below 0.1/,
  ],
  [
    'min above max',
    'legacy',
    (c) => {
      setRate(row(c, 3), 'downloadMin', 3);
    },
    'error',
    'circuit',
    'crm:svc:1003',
    /Download Min 3 is above Download Max 2/,
  ],
  [
    'rates below the 1.4 limits (legacy layout)',
    'legacy',
    (c) => {
      for (const k of ['downloadMin', 'uploadMin', 'downloadMax', 'uploadMax'] as const)
        setRate(row(c, 3), k, 0.1);
    },
    'warning',
    'circuit',
    'crm:svc:1003',
    /Download Min 0.1, Upload Min 0.1, Download Max 0.1, Upload Max 0.1: below LibreQoS 1.4/,
  ],
  [
    'invalid sqm',
    'legacy',
    (c) => {
      row(c, 3).sqm = 'htb';
    },
    'error',
    'circuit',
    'crm:svc:1003',
    /sqm 'htb' is not valid/,
  ],
  // capacity
  [
    'circuit max above its parent node',
    'legacy',
    (c) => {
      setRate(row(c, 2), 'downloadMax', 400);
    },
    'warning',
    'circuit',
    'crm:svc:1002',
    /above parent node '123' \(300\/100\)/,
  ],
  // network.json
  [
    'duplicate node name',
    'legacy',
    (c) => {
      node(c, 'Backhaul "East"').children.push(leaf('AP_North_1'));
    },
    'error',
    'node',
    'AP_North_1',
    /used under 'Tower_North' and under 'Backhaul "East"'/,
  ],
  [
    'duplicate top-level node name',
    'legacy',
    (c) => {
      c.nodes.push(leaf('Tower_North', 10));
    },
    'error',
    'node',
    'Tower_North',
    /used twice at the top level/,
  ],
  [
    'node named children',
    'legacy',
    (c) => {
      c.nodes.push(leaf('children'));
    },
    'error',
    'node',
    'children',
    /cannot be named "children"/,
  ],
  [
    'node named Generated_PN_3',
    'legacy',
    (c) => {
      c.nodes.push(leaf('Generated_PN_3'));
    },
    'error',
    'node',
    'Generated_PN_3',
    /reserved/,
  ],
  [
    'empty node name',
    'legacy',
    (c) => {
      c.nodes.push(leaf(''));
    },
    'error',
    'node',
    '',
    /node name is empty/,
  ],
  [
    'node name with edge whitespace',
    'legacy',
    (c) => {
      c.nodes.push(leaf('AP '));
    },
    'error',
    'node',
    'AP ',
    /whitespace/,
  ],
  [
    'fractional bandwidth',
    'legacy',
    (c) => {
      node(c, '123').uploadMbps = 100.5;
    },
    'error',
    'node',
    '123',
    /uploadBandwidthMbps is 100.5; .*positive whole number/,
  ],
  [
    'zero bandwidth',
    'legacy',
    (c) => {
      node(c, 'Backhaul "East"').downloadMbps = 0;
    },
    'error',
    'node',
    'Backhaul "East"',
    /downloadBandwidthMbps is 0/,
  ],
  [
    'NaN bandwidth',
    'legacy',
    (c) => {
      node(c, 'Backhaul "East"').downloadMbps = Number.NaN;
    },
    'error',
    'node',
    'Backhaul "East"',
    /downloadBandwidthMbps is NaN/,
  ],
  [
    'child node faster than its parent',
    'legacy',
    (c) => {
      node(c, '123').downloadMbps = 2500;
    },
    'warning',
    'node',
    '123',
    /downloadBandwidthMbps 2500 is above its parent 'Tower_North' \(2000\)/,
  ],
  [
    'duplicate node id',
    'legacy',
    (c) => {
      node(c, '123').id = 'crm:site:17';
    },
    'error',
    'node',
    '123',
    /"id" 'crm:site:17' is also the id of node 'Tower_North'/,
  ],
  [
    'tree deeper than 8 levels',
    'legacy',
    (c) => {
      let parent = node(c, 'Backhaul "East"');
      for (let depth = 2; depth <= 10; depth++) {
        const child = leaf(`L${depth}`, 1000);
        parent.children.push(child);
        parent = child;
      }
    },
    'warning',
    'node',
    'L9',
    /9 levels deep/,
  ],
  [
    'latitude without longitude',
    'legacy',
    (c) => {
      node(c, '123').latitude = 10;
    },
    'warning',
    'node',
    '123',
    /only one of latitude\/longitude/,
  ],
  [
    'coordinates out of range',
    'legacy',
    (c) => {
      Object.assign(node(c, '123'), { latitude: 91, longitude: 0 });
    },
    'warning',
    'node',
    '123',
    /out of range/,
  ],
];

describe('validateOutput', () => {
  it.each(['legacy', 'v2.2'] as const)('a good %s plan has no problems', (layout) => {
    expect(validateOutput(ctx(layout))).toEqual([]);
  });

  it.each(cases)('%s (%s)', (_name, layout, mutate, severity, subject, id, reason) => {
    const c = ctx(layout);
    mutate(c);
    const problems = validateOutput(c);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity, subject, id, reason: expect.stringMatching(reason) });
  });

  it('a max below 0.1 is an error (and then also below its min)', () => {
    const c = ctx('v2.2');
    setRate(row(c, 3), 'uploadMax', 0.05);
    expect(validateOutput(c).map((p) => p.reason)).toEqual([
      "Upload Max 0.05 is below 0.1 Mbps, LibreQoS's minimum",
      'Upload Min 1 is above Upload Max 0.05',
    ]);
  });

  it('reports a circuit-level problem once, not once per row', () => {
    const c = ctx();
    for (const r of c.rows.slice(0, 2)) r.circuitName = '';
    expect(validateOutput(c)).toHaveLength(1);
  });

  it('does not warn about a prefix inside one of the same circuit’s prefixes', () => {
    const c = ctx();
    row(c, 1).ipv4 = ['100.64.9.0/29', '100.64.9.1'];
    expect(validateOutput(c)).toEqual([]);
  });

  it('ignores Parent Node ID and Anchor Node ID in the legacy layout (they are not written)', () => {
    const c = ctx('legacy');
    row(c, 3).parentNodeId = 'nope';
    row(c, 3).anchorNodeId = 'nope';
    expect(validateOutput(c)).toEqual([]);
  });

  it('does not give the 1.4 rate warning for the v2.2 layout', () => {
    const c = ctx('v2.2');
    for (const k of ['downloadMin', 'uploadMin', 'downloadMax', 'uploadMax'] as const)
      setRate(row(c, 3), k, 0.1);
    expect(validateOutput(c)).toEqual([]);
  });

  it('a flat network: every non-empty Parent Node is an error', () => {
    expect(validateOutput({ ...ctx(), nodes: [] }).map((p) => p.id)).toEqual([
      'crm:svc:1001',
      'crm:svc:1002',
    ]);
  });
});

describe('isValidSqm', () => {
  it.each([
    ['', true],
    ['cake', true],
    ['FQ_CODEL', true],
    ['none', true],
    ['cake/fq_codel', true],
    ['/none', true],
    ['fq_codel/', true],
    ['Cake/Cake', true],
    ['htb', false],
    ['cake/htb', false],
    ['cake/fq_codel/none', false],
    [' cake', false],
  ])('%j → %s', (value, expected) => {
    expect(isValidSqm(value)).toBe(expected);
  });
});
