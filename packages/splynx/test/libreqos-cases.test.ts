// LibreQoS's own Splynx unit tests (test_integration_splynx.py, reference §11.1), one per case,
// run against this package's mapper and core's planner.
import { type InventoryNode, parseBandwidthOverrides } from '@wispsync/core';
import { describe, expect, it } from 'vitest';
import { readHardware } from '../src/hardware.js';
import { serviceDeviceId } from '../src/ids.js';
import { disambiguateNames, normalizeDisplayName } from '../src/names.js';
import { applyOverrides } from '../src/overrides.js';
import type { RawRecord, Tariff } from '../src/records.js';
import { mapServices } from '../src/services.js';
import { usesNetworkSites } from '../src/sites.js';
import { buildInfrastructure, findBestParent } from '../src/topology.js';
import { WarningGroups } from '../src/warnings.js';
import { csvRows, files, mapContext, plan } from './unit.js';

const tariff32: Tariff = {
  id: '32',
  downloadMbps: 330,
  uploadMbps: 330,
  burstDownloadMbps: 0,
  burstUploadMbps: 0,
};
const charles = new Map([['29547', { name: 'Charles Massey and Alex Soto', record: {} }]]);

function services(
  records: RawRecord[],
  online: Map<string, { ipv4: string[]; ipv6: string[] }>,
  parent: string | null,
) {
  const { context, warnings } = mapContext('ap_only');
  const result = mapServices({
    services: records,
    tariffs: new Map([['32', tariff32]]),
    brokenTariffs: new Map(),
    customers: charles,
    online,
    parentOf: () => parent,
    warnings: new WarningGroups(),
    context,
  });
  return { ...result, warnings };
}

const octofin = { id: 1, speed_download: 100000, speed_upload: 50000 };
const telkom = [
  { id: '1122', title: ' Telkom-Braeview-Sec-South  ', access_device: 1 },
  { id: '1980', title: 'Telkom-Braeview-Sec-South', access_device: 1 },
];

describe('LibreQoS test_integration_splynx.py cases', () => {
  it('1. the device id is splynx_service_<service id>', () => {
    expect(serviceDeviceId('93')).toBe('splynx_service_93');
  });

  it('2. a future equipment id is appended as _equipment_<id>', () => {
    expect(serviceDeviceId('93', '5045')).toBe('splynx_service_93_equipment_5045');
  });

  it('3. a static service becomes circuit <service id> with device splynx_service_<id>', () => {
    const { circuits } = services(
      [
        {
          id: 93,
          customer_id: 29547,
          tariff_id: 32,
          status: 'active',
          mac: '2CC81BBDC9AB, 00E04C687E6A',
          ipv4: '66.185.224.210',
          ipv4_route: '66.185.224.210/32',
        },
      ],
      new Map(),
      'ap_244',
    );
    expect(circuits).toHaveLength(1);
    const [circuit] = circuits;
    expect(circuit).toMatchObject({
      id: '93',
      name: 'Charles Massey and Alex Soto',
      parentId: 'ap_244',
      rate: { downloadMbps: 330, uploadMbps: 330 },
    });
    expect(circuit?.devices).toEqual([
      {
        id: 'splynx_service_93',
        name: 'Charles Massey and Alex Soto',
        mac: '2CC81BBDC9AB, 00E04C687E6A',
        ipv4: ['66.185.224.210', '66.185.224.210/32'],
        ipv6: [],
      },
    ]);
  });

  it('4. a service with no static address is created from its customers-online session', () => {
    const result = services(
      [{ id: 93, customer_id: 29547, status: 'active', tariff_id: 32, mac: '2CC81BBDC9AB' }],
      new Map([['93', { ipv4: ['66.185.224.210'], ipv6: [] }]]),
      'ap_244',
    );
    expect(result.counts).toMatchObject({ static: 0, fallback: 1 });
    expect(result.circuits.map((c) => c.devices[0]?.id)).toEqual(['splynx_service_93']);
    expect(result.circuits[0]?.devices[0]?.ipv4).toEqual(['66.185.224.210']);
    expect(result.circuits[0]?.parentId).toBe('ap_244');
  });

  it('5. ap_site uses Network Sites when Splynx has them', () => {
    expect(usesNetworkSites('ap_site', [{ id: 1, title: 'Site A' }], [{ id: 5, network_site_id: 1 }])).toBe(
      true,
    );
    // … but not when no monitoring device is assigned to one.
    expect(usesNetworkSites('ap_site', [{ id: 1, title: 'Site A' }], [{ id: 5, network_site_id: '0' }])).toBe(
      false,
    );
  });

  it('6. full keeps the monitoring hierarchy even with Network Sites', () => {
    expect(usesNetworkSites('full', [{ id: 1, title: 'Site A' }], [{ id: 5, network_site_id: 1 }])).toBe(
      false,
    );
  });

  it('7. a service without a resolvable parent gets an empty Parent Node and Parent Node ID', async () => {
    const out = await files(
      {
        tariffs: [{ id: 32, speed_download: 330000, speed_upload: 330000 }],
        customers: [{ id: 29547, name: 'Charles Massey and Alex Soto' }],
        services: [
          {
            id: 93,
            customer_id: 29547,
            tariff_id: 32,
            status: 'active',
            mac: '2CC81BBDC9AB',
            ipv4: '66.185.224.210',
            access_device: 0,
            router_id: 0,
          },
        ],
      },
      'full',
    );
    const rows = csvRows(out.csv);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ 'Circuit ID': '93', 'Parent Node': '', 'Parent Node ID': '' });
    expect(out.network).toBe('{}\n');
  });

  it('8. monitoring parent ids are compared as strings (1 and "2" → "1")', () => {
    const devices = readHardware(
      [
        { id: 1, title: 'Parent Site', gps: null },
        { id: '2', title: 'Child AP', parent_id: 1, access_device: 1, gps: null },
      ],
      new Set(),
      new WarningGroups(),
    );
    expect(devices.map((d) => [d.id, d.parentId])).toEqual([
      ['1', ''],
      ['2', '1'],
    ]);
    const infrastructure = buildInfrastructure({
      shape: 'monitoring',
      apParentsOnly: false,
      devices,
      sites: [],
      sectors: new Map(),
      warnings: new WarningGroups(),
    });
    const shaped = plan({ source: 'splynx', nodes: infrastructure.nodes, circuits: [] }, 'full');
    expect(shaped.nodes.map((n) => n.name)).toEqual(['Parent Site']);
    expect(shaped.nodes[0]?.children.map((n) => [n.name, n.id])).toEqual([
      ['Parent Site_Child AP', 'splynx:ap:2'],
    ]);
  });

  it('9. names shared by several devices get "(<id>)", whitespace ignored', () => {
    const names = disambiguateNames(
      new Map([
        ['1122', ' Telkom-Braeview-Sec-South  '],
        ['1980', 'Telkom-Braeview-Sec-South'],
        ['2000', 'Unique AP'],
      ]),
    );
    expect(Object.fromEntries(names)).toEqual({
      '1122': 'Telkom-Braeview-Sec-South (1122)',
      '1980': 'Telkom-Braeview-Sec-South (1980)',
      '2000': 'Unique AP',
    });
  });

  it('10. display names collapse inner whitespace', () => {
    expect(normalizeDisplayName('Tower   South\tSector', '1')).toBe('Tower South Sector');
    expect(normalizeDisplayName('  \t ', '1')).toBe('1');
  });

  const overrideNode = (name: string): InventoryNode => ({ kind: 'ap', id: 'dev:1', name, parentId: null });

  it('11. an override written for the original name still applies to a disambiguated node', () => {
    const node = overrideNode('Telkom-Braeview-Sec-South (1122)');
    const overrides = parseBandwidthOverrides(
      'ParentNode,Download Mbps,Upload Mbps\nTelkom-Braeview-Sec-South,500,200\n',
      'integrationSplynxBandwidths.csv',
    );
    const unmatched = applyOverrides(
      { source: 'splynx', nodes: [node], circuits: [] },
      new Map([['dev:1', 'Telkom-Braeview-Sec-South']]),
      overrides,
    );
    expect(unmatched).toEqual([]);
    expect([node.downloadMbps, node.uploadMbps]).toEqual([500, 200]);
  });

  it('12. an override keyed by the exact upstream name (padding included) applies', () => {
    const raw = ' Sentech Brixton_Sentech - Brixton - Tarana - Sec - South ';
    const node = overrideNode('Sentech Brixton_Sentech - Brixton - Tarana - Sec - South');
    const overrides = parseBandwidthOverrides(
      `ParentNode,Download Mbps,Upload Mbps\n"${raw}",800,300\n`,
      'integrationSplynxBandwidths.csv',
    );
    applyOverrides({ source: 'splynx', nodes: [node], circuits: [] }, new Map([['dev:1', raw]]), overrides);
    expect([node.downloadMbps, node.uploadMbps]).toEqual([800, 300]);
  });

  it('13. two devices with one name are both in network.json, with their own ids', async () => {
    const out = await files({ monitoring: telkom }, 'full');
    const network = JSON.parse(out.network) as Record<string, { id: string }>;
    expect(Object.keys(network)).toEqual([
      'Telkom-Braeview-Sec-South (1122)',
      'Telkom-Braeview-Sec-South (1980)',
    ]);
    expect(network['Telkom-Braeview-Sec-South (1122)']?.id).toBe('splynx:ap:1122');
    expect(network['Telkom-Braeview-Sec-South (1980)']?.id).toBe('splynx:ap:1980');
  });

  it('14. circuits under those devices name the right one in Parent Node and Parent Node ID', async () => {
    const out = await files(
      {
        monitoring: telkom,
        tariffs: [octofin],
        customers: [
          { id: 1, name: 'Octofin' },
          { id: 2, name: 'Second Circuit' },
        ],
        services: [
          {
            id: 1968,
            customer_id: 1,
            tariff_id: 1,
            status: 'active',
            mac: '',
            ipv4: '192.0.2.1',
            access_device: '1122',
          },
          {
            id: 35055,
            customer_id: 2,
            tariff_id: 1,
            status: 'active',
            mac: '',
            ipv4: '192.0.2.2',
            access_device: 1980,
          },
        ],
      },
      'full',
    );
    const rows = csvRows(out.csv);
    expect(rows.map((r) => [r['Circuit ID'], r['Parent Node'], r['Parent Node ID']])).toEqual([
      ['1968', 'Telkom-Braeview-Sec-South (1122)', 'splynx:ap:1122'],
      ['35055', 'Telkom-Braeview-Sec-South (1980)', 'splynx:ap:1980'],
    ]);
    expect(rows[0]).toMatchObject({ 'Download Max Mbps': '100', 'Upload Max Mbps': '50' });
  });

  it('15. parent by router id, then by the router’s first sector, ids compared as strings', () => {
    const known = (ids: string[]) => (id: string) => ids.includes(id);
    const sectors = new Map([
      ['10', ['20']],
      ['30', ['20']],
    ]);
    expect(findBestParent({ router_id: 10, access_device: 0 }, known(['10', '20']), sectors)).toEqual({
      id: '10',
      method: 'router_id',
    });
    expect(findBestParent({ router_id: 30, access_device: 0 }, known(['20']), sectors)).toEqual({
      id: '20',
      method: 'sector_id',
    });
    // The access device comes first; "0" and 0 mean none.
    expect(findBestParent({ router_id: 10, access_device: '20' }, known(['10', '20']), sectors).method).toBe(
      'access_device',
    );
    expect(findBestParent({ router_id: '0', access_device: '0' }, known(['0']), sectors).method).toBe('none');
  });
});
