import { describe, expect, it } from 'vitest';
import type { SonarRaw } from '../src/api.js';
import { mapSonar } from '../src/map.js';
import { findAccountAp, indexStations } from '../src/placement.js';
import { readSnmpSettings } from '../src/settings.js';
import { hostOf, readSites } from '../src/sites.js';
import { type StationReport, walkTargets } from '../src/stations.js';
import { testContext } from './context.js';

const wrap = (entities: unknown[]) => ({ entities });
const subnets = (...ips: string[]) => wrap(ips.map((subnet) => ({ subnet })));

function apItem(id: number, model: number | string, ip?: string, onField = false) {
  return {
    id,
    inventory_model_id: model,
    inventory_model_field_data: wrap(onField && ip ? [{ ip_assignments: subnets(ip) }] : []),
    ip_assignments: !onField && ip ? subnets(ip) : subnets(),
  };
}

function customer(id: number, macs: string[], ...ips: string[]) {
  return {
    id,
    name: `Customer ${id}`,
    addresses: wrap([
      {
        line1: `${id} Main`,
        line2: null,
        city: 'Town',
        subdivision: 'US_TX',
        inventory_items: wrap(
          macs.map((mac, index) => ({
            id: id * 10 + index,
            inventory_model: { name: 'CPE' },
            inventory_model_field_data: wrap([
              { value: mac, inventory_model_field: { name: 'MAC Address', primary: true } },
            ]),
            ip_assignments: index === macs.length - 1 ? subnets(...ips) : subnets(),
          })),
        ),
      },
    ]),
    account_services: wrap([
      {
        service: {
          data_service_detail: {
            download_speed_kilobits_per_second: 20000,
            upload_speed_kilobits_per_second: 4000,
          },
        },
      },
    ]),
  };
}

const report = (apRawId: string, macs: string[], extra: Partial<StationReport> = {}): StationReport => ({
  apRawId,
  host: `127.0.0.${apRawId}`,
  table: 'airmax',
  name: `AP ${apRawId} name`,
  macs,
  ...extra,
});

describe('sites and APs', () => {
  it('an item is an AP by its first address (field data first), walked at the host address', () => {
    const warnings: string[] = [];
    const { sites, aps } = readSites(
      [
        {
          id: 1,
          name: 'North',
          inventory_items: wrap([apItem(11, 10, '10.1.0.1/24', true), apItem(12, 20)]),
        },
        { id: 2, name: 'Bare', inventory_items: wrap([apItem(21, 10)]) },
        { id: 'x', inventory_items: 'oops' },
      ],
      (record) =>
        (record as { inventory_items?: unknown }).inventory_items === 'oops'
          ? ['inventory_items is odd']
          : [],
      (message) => warnings.push(message),
    );
    expect(sites).toEqual([{ rawId: '1', name: 'North' }]);
    expect(aps).toEqual([
      { rawId: '11', siteRawId: '1', modelId: '10', ip: '10.1.0.1/24', host: '10.1.0.1' },
    ]);
    expect(warnings).toEqual(['Sonar network site x skipped: inventory_items is odd']);
    expect(hostOf('2001:db8::1/64')).toBe('2001:db8::1');
    expect(hostOf('not-an-ip')).toBe('');
  });

  it("lqos.example's [sonar_integration] section loads: blank ids are no ids", async () => {
    const context = await testContext({
      sonar_integration: {
        enable_sonar: false,
        sonar_api_key: '',
        sonar_api_url: '',
        snmp_community: 'public',
        airmax_model_ids: [''],
        ltu_model_ids: [''],
        active_status_ids: [''],
        recurring_service_rates: [],
        recurring_excluded_service_names: [],
      },
    });
    expect(readSnmpSettings(context.config).tableByModel.size).toBe(0);
  });

  it('model ids compare as text on both sides (Sonar sends numbers, lqos.conf strings)', async () => {
    const context = await testContext({
      sonar_integration: { airmax_model_ids: ['10'], ltu_model_ids: [20, '10'] },
    });
    const snmp = readSnmpSettings(context.config);
    const aps = [
      { rawId: '1', siteRawId: '1', modelId: '10', ip: '10.0.0.1', host: '10.0.0.1' },
      { rawId: '2', siteRawId: '1', modelId: '20', ip: '10.0.0.2', host: '10.0.0.2' },
      { rawId: '3', siteRawId: '1', modelId: '30', ip: '10.0.0.3', host: '10.0.0.3' },
      { rawId: '4', siteRawId: '1', modelId: '20', ip: 'junk', host: '' },
    ];
    // An id in both lists is walked as LTU (LibreQoS: the LTU walk runs last and wins).
    expect(walkTargets(aps, snmp).map((t) => [t.rawId, t.table])).toEqual([
      ['1', 'ltu'],
      ['2', 'ltu'],
    ]);
  });
});

describe('placing accounts under APs', () => {
  it('MACs match in any spelling; the later AP wins a MAC two APs report', () => {
    const { apByMac, conflicts } = indexStations([
      report('1', ['24:5A:4C:00:00:01', '24:5A:4C:00:00:02']),
      report('2', ['24:5A:4C:00:00:02']),
    ]);
    expect(conflicts).toEqual([{ mac: '24:5a:4c:00:00:02', first: '1', last: '2' }]);
    const account = (macs: string[]) => ({
      id: 'a',
      rawId: 'a',
      name: 'A',
      address: 'x',
      rate: { downloadMbps: 1, uploadMbps: 1 },
      rateSource: 'data_service' as const,
      devices: macs.map((mac, i) => ({
        id: `d${i}`,
        rawId: `${i}`,
        name: 'd',
        ips: [],
        mac,
        source: 'inventory_item' as const,
      })),
    });
    expect(findAccountAp(account(['24-5a-4c-00-00-01']), apByMac)).toBe('1');
    expect(findAccountAp(account(['245a4c000002']), apByMac)).toBe('2');
    // The first device with a known MAC decides.
    expect(
      findAccountAp(account(['', 'ff:ff:ff:ff:ff:ff', '24:5a:4c:00:00:02', '24:5A:4C:00:00:01']), apByMac),
    ).toBe('2');
    expect(findAccountAp(account(['ff:ff:ff:ff:ff:ff']), apByMac)).toBeUndefined();
  });

  it('an AP that did not answer is left out and its accounts go to the top level', async () => {
    const context = await testContext({ sonar_integration: { airmax_model_ids: ['10'] } });
    const raw: SonarRaw = {
      statusIds: ['1'],
      sites: [
        {
          id: 1,
          name: 'North',
          inventory_items: wrap([apItem(11, 10, '10.0.0.11'), apItem(12, 10, '10.0.0.12')]),
        },
      ],
      accounts: [
        customer(1, ['24:5a:4c:00:00:01'], '100.64.0.1'),
        customer(2, ['24:5a:4c:00:00:02'], '100.64.0.2'),
      ],
      stations: [
        report('11', ['24:5A:4C:00:00:01'], { name: '' }),
        report('12', [], { error: 'no SNMP answer within 2 s' }),
        report('99', ['24:5A:4C:00:00:02']), // not an AP of any site (a stale recording): ignored
      ],
    };
    const inventory = await mapSonar(raw, context);
    expect(inventory.nodes).toEqual([
      { kind: 'site', id: 'site_1', name: 'North', parentId: null, networkJsonId: 'sonar:site:1' },
      { kind: 'ap', id: 'ap_11', name: 'AP 10.0.0.11', parentId: 'site_1', networkJsonId: 'sonar:ap:11' },
    ]);
    expect(inventory.circuits.map((c) => [c.id, c.parentId])).toEqual([
      ['sonar:account:1', 'ap_11'],
      ['sonar:account:2', null],
    ]);
    expect(context.warnings).toEqual([
      'Sonar AP 12 (10.0.0.12) skipped: no SNMP answer within 2 s; its accounts go to the top level',
    ]);
    expect(context.skipped.get('ap-not-answering')).toBe(1);
  });

  it('devices keep the IPs by family; rates are plan Mbps for core to turn into min/max', async () => {
    const context = await testContext({});
    const entity = customer(7, ['24:5a:4c:00:00:07'], '100.64.0.7/32', '2001:db8:7::/56', 'bogus');
    const inventory = await mapSonar({ statusIds: [], sites: [], accounts: [entity], stations: [] }, context);
    expect(inventory.circuits).toEqual([
      {
        id: 'sonar:account:7',
        name: 'Customer 7',
        address: '7 Main, Town, TX',
        parentId: null,
        rate: { downloadMbps: 20, uploadMbps: 4 },
        devices: [
          {
            id: 'sonar:device:70',
            name: 'CPE',
            mac: '24:5a:4c:00:00:07',
            ipv4: ['100.64.0.7/32'],
            ipv6: ['2001:db8:7::/56'],
          },
        ],
      },
    ]);
    expect(context.skipped.get('invalid-ip')).toBe(1);
    expect(context.warnings).toEqual([
      'Sonar sonar:device:70 of sonar:account:7: invalid IP assignment(s) skipped: bogus',
    ]);
  });
});
