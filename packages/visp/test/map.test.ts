// The mapper in-process: bulk and backfill services → circuits, names, addresses, MACs, counters.
import type { FetchContext, MapContext } from '@wispsync/core';
import { describe, expect, it } from 'vitest';
import { mapVisp } from '../src/map.js';
import type { BackfillAnswer, Row, VispRaw } from '../src/records.js';
import { DEFAULT_SERVICE_TYPES } from '../src/schema.js';

function context(ignoreSubnets: string[] = []) {
  const warnings: string[] = [];
  const info: string[] = [];
  const skipped = new Map<string, number>();
  const ctx = {
    config: {},
    common: { ignoreSubnets, excludeSites: [] },
    strategy: 'full',
    outputDir: '/nonexistent',
    warn: (message: string) => warnings.push(message),
    skip: (reason: string, count = 1) => skipped.set(reason, (skipped.get(reason) ?? 0) + count),
    reporter: { info: (line: string) => info.push(line) },
  } as unknown as MapContext & Pick<FetchContext, 'reporter'>;
  return { ctx, warnings, info, skipped };
}

function raw(
  parts: Omit<Partial<VispRaw>, 'options'> & { options?: Partial<VispRaw['options']> } = {},
): VispRaw {
  return {
    subscribers: [],
    assemblies: [],
    equipment: [],
    bulk: [],
    backfill: [],
    online: [],
    ...parts,
    options: {
      serviceTypes: [...DEFAULT_SERVICE_TYPES],
      debugStatus: false,
      debugTopology: false,
      onlineUsersDomain: '',
      ...parts.options,
    },
  };
}

const wifi = (number: number | string, extra: Row = {}): Row => ({
  service_number: number,
  down_speed: 20,
  down_speed_unit: 'mbps',
  up_speed: 4,
  up_speed_unit: 'mbps',
  ip_address: `100.64.1.${Number(number) % 250}`,
  status: 'ACTIVE',
  ...extra,
});

const backfillService = (number: number, details: Row = {}, extra: Row = {}): Row => ({
  id: number + 1000,
  service_type: 'wifi',
  status: 'active',
  service_details: {
    __typename: 'ServiceTypeWifi',
    service_number: number,
    down_speed: 10,
    down_speed_unit: 'mbps',
    up_speed: 2,
    up_speed_unit: 'mbps',
    ip_address: null,
    mac_address: null,
    username: '',
    ...details,
  },
  ...extra,
});

describe('mapVisp', () => {
  it('an online session gives an address only to a service that has none', () => {
    const { ctx } = context();
    const inventory = mapVisp(
      raw({
        bulk: [
          { customer_id: 1, username: 'Ann', wireless_services: [wifi(1, { ip_address: '' })] },
          { customer_id: 2, username: 'bob', wireless_services: [wifi(2)] },
          { customer_id: 3, username: 'cy', wireless_services: [wifi(3, { ip_address: null })] },
        ],
        online: [
          { username: 'ann@radius.example', ip: '100.64.9.1' },
          { username: 'bob', ip: '100.64.9.2' },
        ],
        options: { onlineUsersDomain: 'radius.example' },
      }),
      ctx,
    );
    expect(inventory.circuits.map((c) => [c.id, c.devices[0]?.ipv4])).toEqual([
      ['1', ['100.64.9.1']],
      ['2', ['100.64.1.2']],
    ]);
  });

  it('the first service of a number wins; the second is a warning naming both', () => {
    const { ctx, warnings, skipped } = context();
    const inventory = mapVisp(
      raw({
        bulk: [
          { customer_id: 1, username: 'ann', wireless_services: [wifi(7)] },
          { customer_id: 2, username: 'bob', wireless_services: [wifi(7, { down_speed: 99 })] },
        ],
      }),
      ctx,
    );
    expect(inventory.circuits.map((c) => [c.name, c.rate.downloadMbps])).toEqual([['ann', 20]]);
    expect(warnings).toEqual([
      'VISP service 7 of customer 2 (bob) skipped: circuit 7 already comes from "ann"',
    ]);
    expect(skipped.get('duplicate-service')).toBe(1);
  });

  it('backfill: name, addresses from the IP list only when needed, MAC from the customer’s CPEs', () => {
    const { ctx, info } = context(['192.168.0.0/16']);
    const subscribers = [
      { customer_id: 5, username: '', first_name: 'Ada', last_name: 'Byron', package_ip: '192.168.7.7' },
      { customer_id: 6, username: 'gus', first_name: '', last_name: '', package_ip: '100.64.6.1' },
      { customer_id: 7, username: '', first_name: '', last_name: '' },
    ];
    const backfill: BackfillAnswer[] = [
      {
        customerId: 5,
        services: [
          backfillService(51),
          backfillService(52, { ip_address: '100.64.5.2', mac_address: 'aa-bb-cc-00-00-01' }),
        ],
        ipList: { package_ip: '100.64.5.1', equipment_ip: '192.168.1.1' },
      },
      { customerId: 6, services: [backfillService(61, { username: 'gus-radius' })] },
      { customerId: 7, services: [backfillService(71, { ip_address: '100.64.7.1' })] },
    ];
    const assemblies = [
      {
        id: 9,
        parent_id: null,
        location_name: 'Ada Byron',
        equipment_data: { mac_address: '02:00:00:00:00:09', 'Fiber MAC': '02:00:00:00:00:01' },
      },
    ];
    const inventory = mapVisp(raw({ subscribers, backfill, assemblies, bulk: undefined }), ctx);
    expect(
      inventory.circuits.map((c) => [c.id, c.name, c.devices[0]?.id, c.devices[0]?.mac, c.devices[0]?.ipv4]),
    ).toEqual([
      ['51', 'Ada Byron', '51_backfill', '020000000001', ['100.64.5.1']],
      ['52', 'Ada Byron', '52_backfill', 'AABBCC000001', ['100.64.5.2', '100.64.5.1']],
      ['61', 'gus-radius', '61_backfill', '', ['100.64.6.1']],
      ['71', '7', '71_backfill', '', ['100.64.7.1']],
    ]);
    expect(info.at(-1)).toBe(
      'VISP: shaped=4 wifi_bulk_services=0 subscribers_rows=3 bulk_customers=0 backfill_customers=3 backfill_service_candidates=4 backfill_shaped=4 topology_sites=0 topology_equipment=0 topology_attached=0 skipped_inactive=0 skipped_no_ip=0 skipped_no_speed=0 online_addresses=0',
    );
  });

  it('backfill skips: not internet, inactive, no number, already a circuit, lookup failed', () => {
    const { ctx, warnings, skipped } = context();
    const inventory = mapVisp(
      raw({
        subscribers: [
          { customer_id: 1, username: 'a' },
          { customer_id: 2, username: 'b' },
        ],
        bulk: [{ customer_id: 9, username: 'z', wireless_services: [wifi(100)] }],
        backfill: [
          {
            customerId: 1,
            services: [
              {
                id: 1,
                service_type: 'voip',
                status: 'active',
                service_details: { __typename: 'ServiceTypeVoip' },
              },
              backfillService(11, { ip_address: '100.64.0.11' }, { status: 'Cancelled' }),
              backfillService(0, { ip_address: '100.64.0.12' }, { id: null }),
              backfillService(100, { ip_address: '100.64.0.13' }),
              backfillService(14, { ip_address: '100.64.0.14', down_speed: 0 }),
            ],
          },
          { customerId: 2, services: [], error: 'VISP GraphQL CustomerServices failed: archived' },
        ],
      }),
      ctx,
    );
    expect(inventory.circuits.map((c) => c.id)).toEqual(['100']);
    expect(Object.fromEntries(skipped)).toEqual({
      'not-internet-service': 1,
      inactive: 1,
      'no-service-number': 1,
      'duplicate-service': 1,
      'no-speed': 1,
      'lookup-failed': 1,
    });
    expect(warnings).toContain(
      'VISP customer 2 skipped: the customerServices lookup failed: VISP GraphQL CustomerServices failed: archived',
    );
  });

  it('an allowlist without fibre leaves fibre services out', () => {
    const { ctx, skipped } = context();
    const fibre = backfillService(31, { __typename: 'ServiceTypeFiberCircuit', ip_address: '100.64.3.1' });
    const inventory = mapVisp(
      raw({
        subscribers: [{ customer_id: 3, username: 'f' }],
        backfill: [{ customerId: 3, services: [{ ...fibre, service_type: 'fiber_circuit' }] }],
        options: { serviceTypes: ['ServiceTypeWifi'] },
      }),
      ctx,
    );
    expect(inventory.circuits).toEqual([]);
    expect(skipped.get('not-internet-service')).toBe(1);
  });

  it('debug switches print the chosen equipment and the status histograms', () => {
    const { ctx, info } = context();
    mapVisp(
      raw({
        bulk: [
          { customer_id: 1, username: 'ann', wireless_services: [wifi(1), wifi(2, { status: 'suspended' })] },
          { customer_id: 2, username: 'bob', wireless_services: [wifi(3, { status: 'TERMINATED' })] },
        ],
        assemblies: [{ id: 5, parent_id: 50, location_name: 'ann', equipment_data: {} }],
        equipment: [{ id: 50, parent_id: null, description: 'AP', location_id: 1, location_name: 'S' }],
        options: { debugStatus: true, debugTopology: true },
      }),
      ctx,
    );
    expect(info).toContain(
      'VISP topology: circuit 1 (ann): assembly 5 (score 140 of 1 candidate(s)) → visp_eq_50',
    );
    expect(info).toContain(
      'VISP topology: circuit 2 (ann): assembly 5 (score 140 of 1 candidate(s)) → visp_eq_50',
    );
    expect(info).toContain('VISP status (top 12): ACTIVE=1, SUSPENDED=1, TERMINATED=1');
    expect(info).toContain('VISP package status (top 12): (blank)=3');
  });
});
