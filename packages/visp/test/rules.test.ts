// VISP's field rules (reference §9.4) and the equipment tree (§9.6 step 7), one table per rule.
import { describe, expect, it } from 'vitest';
import { AssemblyIndex, selectAttachment } from '../src/attachment.js';
import { EquipmentTree } from '../src/equipment.js';
import { extractIpv4 } from '../src/ips.js';
import { safeInt, text, truthy } from '../src/records.js';
import { serviceIsActive, serviceIsShapable, unitToMbps, vispMac } from '../src/values.js';

describe('unitToMbps', () => {
  it.each([
    [25, 'mbps', 25],
    [25, ' MB ', 25],
    [25, 'm', 25],
    [5000, 'kbps', 5],
    [5000, 'KB', 5],
    [512, 'k', 0.512],
    [1, 'gbps', 1000],
    [0.5, 'Gb', 500],
    [2, 'g', 2000],
    [100, null, 100],
    [100, '', 100],
    [100, 'furlongs', 100],
    ['12.5', 'mbps', 12.5],
    [0, 'mbps', undefined],
    [-5, 'mbps', undefined],
    [null, 'mbps', undefined],
    ['fast', 'mbps', undefined],
    [Number.POSITIVE_INFINITY, 'mbps', undefined],
  ])('%s %s → %s', (value, unit, expected) => {
    expect(unitToMbps(value, unit)).toBe(expected);
  });
});

describe('serviceIsActive: only hard stops end a service', () => {
  it.each([
    [{ status: 'ACTIVE' }, true],
    [{ status: 'current' }, true],
    [{ status: ' Enabled ' }, true],
    [{ status: 'ONLINE' }, true],
    [{ status: 'CANCELLED' }, false],
    [{ status: 'canceled' }, false],
    [{ status: 'TERMINATED' }, false],
    [{ status: 'DELETED' }, false],
    [{ status: 'INACTIVE' }, true],
    [{ status: 'SUSPENDED' }, true],
    [{ status: '' }, true],
    [{}, true],
    [{ status: 'ACTIVE', package_status: 'CANCELLED' }, false],
    [{ status: 'CANCELLED', package_status: 'ACTIVE' }, false],
    [{ status: 'INACTIVE', package_status: 'SUSPENDED' }, true],
  ])('%j → %s', (record, expected) => {
    expect(serviceIsActive(record)).toBe(expected);
  });
});

describe('serviceIsShapable honours service_type_allowlist', () => {
  const defaults = new Set(['servicetypewifi', 'servicetypefibercircuit', 'servicetypelte']);
  const wifiOnly = new Set(['servicetypewifi']);
  it.each([
    ['wifi', { __typename: 'ServiceTypeWifi' }, defaults, true],
    ['voip', { __typename: 'ServiceTypeVoip' }, defaults, false],
    ['fiber_circuit', { __typename: 'ServiceTypeFiberCircuit' }, defaults, true],
    ['fiber_circuit', { __typename: 'ServiceTypeFiberCircuit' }, wifiOnly, false],
    ['LTE', {}, defaults, true], // no typename: the service_type stands for it
    ['wifi', { __typename: 'ServiceTypeVoip' }, wifiOnly, true], // either one matching is enough
    ['', {}, defaults, false],
  ])('%s %j', (type, details, allowlist, expected) => {
    expect(serviceIsShapable(type, details, allowlist)).toBe(expected);
  });
});

describe('MACs, ids and addresses', () => {
  it.each([
    ['aa:bb:cc:dd:ee:ff', 'AABBCCDDEEFF'],
    [' aa-bb-cc-dd-ee-ff ', 'AABBCCDDEEFF'],
    ['AABBCCDDEEFF', 'AABBCCDDEEFF'],
    ['', ''],
    [null, ''],
  ])('vispMac(%j) = %j', (value, expected) => {
    expect(vispMac(value)).toBe(expected);
  });

  it.each([
    [42, 42],
    ['42', 42],
    [' 7 ', 7],
    [12.9, 12],
    ['12.5', 0],
    [null, 0],
    ['abc', 0],
  ])('safeInt(%j) = %j', (value, expected) => {
    expect(safeInt(value)).toBe(expected);
  });

  it('truthiness and text follow Python', () => {
    expect([null, 0, '', false, [], {}].map(truthy)).toEqual([false, false, false, false, false, false]);
    expect([1, 'x', [0], { a: 1 }, true].map(truthy)).toEqual([true, true, true, true, true]);
    expect([text('  x '), text(5), text(null), text(0)]).toEqual(['x', '5', '', '']);
  });

  it.each([
    ['100.64.0.1/24', '100.64.0.1'],
    [' 10.1.2.3 ', '10.1.2.3'],
    ['0.0.0.0', undefined],
    ['255.255.255.255', undefined],
    ['2001:db8::1', undefined],
    ['010.1.2.3', undefined],
    ['10.1.2', undefined],
    ['', undefined],
  ])('extractIpv4(%j) = %j', (value, expected) => {
    expect(extractIpv4(value, () => true)).toBe(expected);
  });

  it('extractIpv4 drops addresses the ignore rule refuses', () => {
    expect(extractIpv4('192.168.1.5', (ip) => !ip.startsWith('192.168.'))).toBeUndefined();
  });
});

describe('EquipmentTree', () => {
  const eq = (id: number, parent: unknown, extra: Record<string, unknown> = {}) => ({
    id,
    parent_id: parent,
    name: `eq-${id}`,
    description: `Radio ${id}`,
    location_id: 1,
    location_name: 'Main Site',
    ...extra,
  });

  it('creates the site, then the chain from the top down, once', () => {
    const tree = new EquipmentTree([eq(3, 2), eq(2, 1), eq(1, null)], () => undefined);
    expect(tree.ensure(3)).toBe('visp_eq_3');
    expect(tree.ensure('3')).toBe('visp_eq_3');
    expect(tree.ensure(2)).toBe('visp_eq_2');
    expect(tree.nodes.map((n) => [n.id, n.parentId, n.networkJsonId])).toEqual([
      ['visp_site_1', null, 'visp:site:1'],
      ['visp_eq_1', 'visp_site_1', 'visp:eq:1'],
      ['visp_eq_2', 'visp_eq_1', 'visp:eq:2'],
      ['visp_eq_3', 'visp_eq_2', 'visp:eq:3'],
    ]);
    expect([tree.sites, tree.equipment]).toEqual([1, 3]);
  });

  it('a three-member parent cycle is cut at its smallest id, with a warning naming the ids', () => {
    const warnings: string[] = [];
    const tree = new EquipmentTree([eq(30, 20), eq(20, 10), eq(10, 30), eq(40, 30)], (w) => warnings.push(w));
    expect(tree.ensure(40)).toBe('visp_eq_40');
    expect(warnings).toEqual([
      'VISP equipment parent cycle 30 → 20 → 10 → 30: equipment 10 is placed under its site instead',
    ]);
    expect(tree.nodes.map((n) => [n.id, n.parentId])).toEqual([
      ['visp_site_1', null],
      ['visp_eq_10', 'visp_site_1'],
      ['visp_eq_20', 'visp_eq_10'],
      ['visp_eq_30', 'visp_eq_20'],
      ['visp_eq_40', 'visp_eq_30'],
    ]);
    // The cut holds for later lookups: no second warning, no new nodes.
    expect(tree.ensure(20)).toBe('visp_eq_20');
    expect(warnings).toHaveLength(1);
  });

  it('a self-parent, an unknown parent and 0 all mean "under its site"', () => {
    const tree = new EquipmentTree([eq(5, 5), eq(6, 999), eq(7, 0)], () => undefined);
    for (const id of [5, 6, 7]) expect(tree.nodes.find((n) => n.id === `visp_eq_${id}`)).toBeUndefined();
    expect([tree.ensure(5), tree.ensure(6), tree.ensure(7)]).toEqual(['visp_eq_5', 'visp_eq_6', 'visp_eq_7']);
    expect(new Set(tree.nodes.filter((n) => n.kind === 'ap').map((n) => n.parentId))).toEqual(
      new Set(['visp_site_1']),
    );
  });

  it('unknown or non-positive equipment ids give no node', () => {
    const tree = new EquipmentTree([eq(1, null)], () => undefined);
    expect([tree.ensure(2), tree.ensure(0), tree.ensure(null), tree.ensure('x')]).toEqual(['', '', '', '']);
    expect(tree.nodes).toEqual([]);
  });

  it('sites and names: by location id, else by name; blank names get LibreQoS’s placeholders', () => {
    const tree = new EquipmentTree(
      [
        eq(1, null, { location_id: null, location_name: 'Far Site' }),
        eq(2, null, { location_id: null, location_name: null, description: '  ', name: null }),
        eq(3, null, { location_id: '9', location_name: '' }),
      ],
      () => undefined,
    );
    for (const id of [1, 2, 3]) tree.ensure(id);
    expect(tree.nodes.map((n) => [n.kind, n.id, n.name, n.networkJsonId])).toEqual([
      ['site', 'visp_site_name_far_site', 'Far Site', 'visp:site:Far Site'],
      ['ap', 'visp_eq_1', 'Radio 1', 'visp:eq:1'],
      ['site', 'visp_site_name_unknown', 'VISP Site', 'visp:site:VISP Site'],
      ['ap', 'visp_eq_2', 'VISP 2', 'visp:eq:2'],
      ['site', 'visp_site_9', 'VISP Site', 'visp:site:9'],
      ['ap', 'visp_eq_3', 'Radio 3', 'visp:eq:3'],
    ]);
  });
});

describe('attachment selection', () => {
  const rows = [
    { id: 10, parent_id: 1, location_name: 'Ann', description: 'CPE', equipment_data: {} },
    { id: 11, parent_id: 2, location_name: 'Ann', description: 'CPE', equipment_data: '{"VLAN": "7"}' },
    { id: 12, parent_id: 3, location_name: 'Other', description: 'CPE', equipment_data: {} },
    { id: 12, parent_id: 4, location_name: 'Other', description: 'dup', equipment_data: {} },
  ];
  const index = new AssemblyIndex(rows);

  it('a tie goes to the larger id; JSON-text equipment_data is read', () => {
    expect(selectAttachment([rows[0]!, rows[1]!], new Set(['Ann']), new Set(), new Set())?.id).toBe(11);
    const tie = [
      { ...rows[0]!, equipment_data: {} },
      { ...rows[1]!, equipment_data: {} },
    ];
    expect(selectAttachment(tie, new Set(['Ann']), new Set(), new Set())?.id).toBe(11);
  });

  it('equipment ids name the candidates; names only when no id matches; duplicates count once', () => {
    expect(index.candidates(new Set([12]), new Set(['Ann'])).map((r) => r.description)).toEqual(['dup']);
    expect(index.candidates(new Set([99]), new Set(['Ann'])).map((r) => r.id)).toEqual([10, 11]);
    const picked = selectAttachment([rows[2]!, rows[3]!], new Set(), new Set(), new Set());
    expect(picked?.row.description).toBe('CPE'); // the first of id 12 is kept
    expect(index.candidates(new Set(), new Set(['Nobody']))).toEqual([]);
  });
});
