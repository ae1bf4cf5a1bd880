import { describe, expect, it } from 'vitest';
import { buildShapingPlan } from '../src/topology/index.js';
import { ap, circuit, findNode, inventory, options, outline, site } from './topology-fixtures.js';

describe('suspension', () => {
  const inv = inventory([], [circuit('a'), circuit('b', null, { suspended: true })]);

  it.each([
    ['none', ['a', 'b'], 100, {}],
    [undefined, ['a', 'b'], 100, {}],
    ['slow', ['a', 'b'], 0.1, {}],
    ['ignore', ['a'], undefined, { suspended: 1 }],
  ] as const)('%s', (suspendedStrategy, ids, rateOfB, dropped) => {
    const result = buildShapingPlan(inv, options({ suspendedStrategy }));
    expect(result.plan.circuits.map((c) => c.id)).toEqual(ids);
    expect(result.plan.circuits[1]?.downloadMax).toBe(rateOfB);
    if (suspendedStrategy === 'slow') {
      expect(result.plan.circuits[1]).toMatchObject({ downloadMin: 0.1, uploadMin: 0.1, uploadMax: 0.1 });
      expect(result.plan.circuits[0]?.downloadMax).toBe(100);
    }
    expect(result.dropped).toEqual(dropped);
  });
});

describe('addresses', () => {
  it('normalises, sorts families, drops invalid and ignored, keeps the MAC normalised', () => {
    const inv = inventory(
      [],
      [
        {
          id: 'c1',
          name: 'One',
          parentId: null,
          rate: { downloadMbps: 10, uploadMbps: 10 },
          devices: [
            {
              id: ' d1 ',
              name: '',
              mac: 'aa:bb:cc:dd:ee:ff',
              ipv4: ['100.64.0.1/32', '2001:DB8::1', 'bogus', '', '192.168.1.5'],
              ipv6: ['100.64.0.2', '2001:db8::/64'],
            },
          ],
        },
      ],
    );
    const { plan, dropped, warnings } = buildShapingPlan(inv, options());
    expect(plan.circuits[0]?.devices).toEqual([
      {
        id: 'd1',
        name: 'd1',
        mac: 'AA:BB:CC:DD:EE:FF',
        ipv4: ['100.64.0.1', '100.64.0.2'],
        ipv6: ['2001:db8::1', '2001:db8::/64'],
      },
    ]);
    expect(dropped).toEqual({ 'invalid-ip': 1, 'ignored-subnet': 1 });
    expect(warnings).toEqual(['invalid IP dropped from circuit c1 "One": "bogus" (not an IP address)']);
  });

  it('duplicate across circuits: the first circuit keeps it, the later loses it, warning names both', () => {
    const inv = inventory(
      [],
      [
        circuit('first', null, { name: 'First', ips: ['100.64.0.1', '100.64.0.9'] }),
        circuit('second', null, { name: 'Second', ips: ['100.64.0.1', '100.64.0.2'] }),
        circuit('third', null, { name: 'Third', ips: ['100.64.0.9'] }),
      ],
    );
    const { plan, dropped, warnings } = buildShapingPlan(inv, options());
    expect(plan.circuits.map((c) => [c.id, c.devices.flatMap((d) => d.ipv4)])).toEqual([
      ['first', ['100.64.0.1', '100.64.0.9']],
      ['second', ['100.64.0.2']],
    ]);
    expect(dropped).toEqual({ 'duplicate-ip': 2, 'no-ip': 1 });
    expect(warnings).toEqual([
      'duplicate IP 100.64.0.1: kept on circuit first "First", dropped from circuit second "Second"',
      'duplicate IP 100.64.0.9: kept on circuit first "First", dropped from circuit third "Third"',
    ]);
  });

  it('merges repeats inside one circuit silently, across its devices too', () => {
    const c = circuit('c', null, { ips: ['100.64.0.1', '100.64.0.1/32'] });
    c.devices.push({ id: 'd2', name: 'Second device', ipv4: ['100.64.0.1'], ipv6: [] });
    const { plan, warnings, dropped } = buildShapingPlan(inventory([], [c]), options());
    expect(plan.circuits[0]?.devices.map((d) => d.ipv4)).toEqual([['100.64.0.1']]);
    expect(warnings).toEqual([]);
    expect(dropped).toEqual({});
  });

  it('ignore_subnets prunes devices and then circuits left with nothing', () => {
    const c = circuit('mixed', null, { ips: ['192.168.0.1'] });
    c.devices.push({ id: 'ok', name: 'ok', ipv4: ['100.64.9.9'], ipv6: [] });
    const inv = inventory([], [circuit('gone', null, { ips: ['192.168.0.2'] }), c]);
    const { plan, dropped } = buildShapingPlan(inv, options());
    expect(plan.circuits.map((x) => [x.id, x.devices.map((d) => d.id)])).toEqual([['mixed', ['ok']]]);
    expect(dropped).toEqual({ 'ignored-subnet': 2, 'no-ip': 1 });
  });

  it('caps per-item warnings and sums up the rest', () => {
    const circuits = Array.from({ length: 25 }, (_, i) => circuit(`c${i}`, null, { ips: ['100.64.0.1'] }));
    const { warnings, dropped } = buildShapingPlan(inventory([], circuits), options());
    expect(dropped['duplicate-ip']).toBe(24);
    expect(warnings).toHaveLength(21);
    expect(warnings[20]).toBe('… and 4 more duplicate IP address(es) dropped from later circuits');
  });
});

describe('names', () => {
  it('circuit names: address when asked and present, else trimmed name, else id', () => {
    const inv = inventory(
      [],
      [
        circuit('a', null, { name: 'Name A', address: ' 1 Road ' }),
        circuit('b', null, { name: ' Name B ', address: '  ' }),
        circuit('c', null, { name: '' }),
      ],
    );
    expect(
      buildShapingPlan(inv, options({ circuitNameAsAddress: true })).plan.circuits.map((c) => c.name),
    ).toEqual(['1 Road', 'Name B', 'c']);
    expect(buildShapingPlan(inv, options()).plan.circuits.map((c) => c.name)).toEqual([
      'Name A',
      'Name B',
      'c',
    ]);
  });

  it('node names are unique across the whole tree, suffixed in input order', () => {
    const inv = inventory(
      [
        site('1', 'North'),
        ap('2', 'North', '1'),
        site('3', ' North (2) '),
        site('4', 'children'),
        ap('5', 'Generated_PN_3', '4'),
        site('6', ''),
        ap('7', 'North', '3'),
      ],
      [circuit('c', '7')],
    );
    const { plan, warnings } = buildShapingPlan(inv, options());
    expect(outline(plan.nodes)).toEqual([
      'North',
      '  North (3)',
      'North (2)',
      '  North (4)',
      'children (2)',
      '  Generated_PN_3 (2)',
      '6',
    ]);
    expect(plan.circuits[0]?.parentNode).toBe('North (4)');
    expect(warnings).toEqual([
      'node name "North" is already taken; ap id 2 renamed "North (3)"',
      'node name "children" is reserved by LibreQoS; site id 4 renamed "children (2)"',
      'node name "Generated_PN_3" is reserved by LibreQoS; ap id 5 renamed "Generated_PN_3 (2)"',
      'node name "North" is already taken; ap id 7 renamed "North (4)"',
    ]);
  });
});

describe('bandwidths and rates', () => {
  it('defaults, integer truncation, root caps per direction and parent caps', () => {
    const inv = inventory([
      site('R', 'Root', null, { downloadMbps: 50000, uploadMbps: 50000 }),
      site('S', 'Small', 'R', { downloadMbps: 300.9, uploadMbps: 0 }),
      ap('A', 'Big AP', 'S', { downloadMbps: 900, uploadMbps: 900 }),
      site('D', 'Default'),
    ]);
    const { plan } = buildShapingPlan(
      inv,
      options({
        rootCapMbps: { download: 20000, upload: 5000 },
        defaultNodeMbps: { download: 1000, upload: 800 },
      }),
    );
    const bw = (name: string) => {
      const node = findNode(plan.nodes, name);
      return [node?.downloadMbps, node?.uploadMbps];
    };
    expect(bw('Root')).toEqual([20000, 5000]);
    expect(bw('Small')).toEqual([300, 800]);
    expect(bw('Big AP')).toEqual([300, 800]);
    expect(bw('Default')).toEqual([1000, 800]);
  });

  it('caps deep chains top-down whatever the input order', () => {
    const inv = inventory([
      ap('C', 'Child', 'B', { downloadMbps: 5000 }),
      site('B', 'Mid', 'A', { downloadMbps: 3000 }),
      site('A', 'Top', null, { downloadMbps: 200 }),
    ]);
    const { plan } = buildShapingPlan(inv, options());
    expect(findNode(plan.nodes, 'Child')?.downloadMbps).toBe(200);
  });

  it('caps circuit max to the parent node and keeps min ≤ max, with one aggregated warning', () => {
    const inv = inventory(
      [site('S', 'Site', null, { downloadMbps: 50, uploadMbps: 1000 })],
      [
        circuit('big', 'S', { rate: { downloadMbps: 100, uploadMbps: 20 } }),
        circuit('big2', 'S', { rate: { downloadMbps: 80, uploadMbps: 20 } }),
        circuit('ok', 'S', { rate: { downloadMbps: 40, uploadMbps: 20 } }),
        circuit('top', null, { rate: { downloadMbps: 5000, uploadMbps: 20 } }),
      ],
    );
    const { plan, warnings } = buildShapingPlan(
      inv,
      options({ rates: { commitMultiplier: 0.98, overheadFactor: 1, clientMultiplier: 1 } }),
    );
    expect(plan.circuits.map((c) => [c.id, c.downloadMin, c.downloadMax, c.uploadMin, c.uploadMax])).toEqual([
      ['big', 50, 50, 19.6, 20],
      ['big2', 50, 50, 19.6, 20],
      ['ok', 39.2, 40, 19.6, 20],
      ['top', 4900, 5000, 19.6, 20],
    ]);
    expect(warnings).toEqual([
      expect.stringMatching(/^capped-to-parent: 2 circuit\(s\).*circuit big 100\/20 → 50\/20 under "Site"/),
    ]);
  });
});
