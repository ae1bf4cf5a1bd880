// The mapper's rules one at a time (the golden files show them together).
import { describe, expect, it } from 'vitest';
import { plainHttpWarning } from '../src/api.js';
import { isAccessPoint } from '../src/hardware.js';
import { mapSplynx } from '../src/index.js';
import { parseGps } from '../src/names.js';
import { toTariff } from '../src/records.js';
import { WarningGroups } from '../src/warnings.js';
import { files, mapContext, raw } from './unit.js';

describe('splynx mapping rules', () => {
  it.each([
    [{ access_device: 1 }, true],
    [{ access_device: '1' }, true],
    [{ access_device: true }, true],
    [{ access_device: 'True' }, true],
    [{ access_device: 0, type: 5 }, false], // the flag wins when present
    [{ type: 5 }, true],
    [{ type: '5' }, true],
    [{ type: 1 }, false],
    [{}, false],
  ])('AP detection: %j → %s', (fields, ap) => {
    expect(isAccessPoint({ id: 7, ...fields }, new Set())).toBe(ap);
  });

  it('a device a service names as its access device is an AP whatever its flags say', () => {
    expect(isAccessPoint({ id: 7, access_device: 0, type: 3 }, new Set(['7']))).toBe(true);
  });

  it.each([
    ['45.1,-93.2', { latitude: 45.1, longitude: -93.2 }],
    [' 45.1 , -93.2 ', { latitude: 45.1, longitude: -93.2 }],
    ['999,1', undefined],
    ['45.1', undefined],
    ['45.1,-93.2,7', undefined],
    ['north,south', undefined],
    ['', undefined],
    [null, undefined],
  ])('GPS %j → %j', (gps, expected) => {
    expect(parseGps(gps)).toEqual(expected);
  });

  it('tariff kbps → Mbps; a fixed burst above the plan becomes extra Max, below it nothing', () => {
    expect(
      toTariff({
        id: 2,
        speed_download: '50000',
        speed_upload: 10000,
        burst_limit_fixed_down: '60000',
        burst_limit_fixed_up: '5000',
      }),
    ).toEqual({ id: '2', downloadMbps: 50, uploadMbps: 10, burstDownloadMbps: 10, burstUploadMbps: 0 });
    expect(toTariff({ id: 3, speed_download: 1500, speed_upload: '512' })).toMatchObject({
      downloadMbps: 1.5,
      uploadMbps: 0.512,
      burstDownloadMbps: 0,
    });
  });

  it('burst reaches ShapedDevices.csv as Max only', async () => {
    const out = await files(
      {
        tariffs: [{ id: 2, speed_download: '50000', speed_upload: '10000', burst_limit_fixed_down: '60000' }],
        customers: [{ id: 2, name: 'Bob' }],
        services: [{ id: 1002, customer_id: 2, tariff_id: 2, status: 'active', ipv4: '100.64.0.20' }],
      },
      'flat',
    );
    expect(out.csv.split('\n')[1]).toMatch(/,49,9\.8,60,10,/);
  });

  it('plain http to another host is warned about; https and this machine are not', () => {
    expect(plainHttpWarning('http://splynx.example.net')).toMatch(
      /uses http:\/\/: the API key and secret are sent unencrypted/,
    );
    expect(plainHttpWarning('https://splynx.example.net')).toBeUndefined();
    expect(plainHttpWarning('http://127.0.0.1:8080')).toBeUndefined();
    expect(plainHttpWarning('http://localhost')).toBeUndefined();
  });

  it('a repeated service id keeps the first; a service without customer_id is named by its id', async () => {
    const { context, warnings, skipped } = mapContext('flat');
    const inventory = await mapSplynx(
      raw({
        tariffs: [{ id: 1, speed_download: 10000, speed_upload: 2000 }],
        customers: [{ id: 1, name: 'Ann' }],
        services: [
          { id: 5, customer_id: 1, tariff_id: 1, status: 'active', ipv4: '100.64.0.5' },
          { id: '5', customer_id: 1, tariff_id: 1, status: 'active', ipv4: '100.64.0.6' },
          { id: 6, tariff_id: 1, status: 'active', ipv4: '100.64.0.7' },
          { id: 7, customer_id: 1, tariff_id: 1, status: 'Active', ipv4: '100.64.0.8' },
          { id: 8, customer_id: 1, status: 'active', ipv4: '100.64.0.9' },
        ],
        hierarchy: false,
      }),
      context,
    );
    expect(inventory.circuits.map((c) => [c.id, c.name])).toEqual([
      ['5', 'Ann'],
      ['6', '6'],
      ['7', 'Ann'],
    ]);
    expect(warnings).toContain('Splynx service 5 skipped: its id appears twice (the first is used)');
    expect(warnings).toContain('Splynx service 6 has no customer_id: its circuit is named "6"');
    expect(warnings).toContain('Splynx service 8 (customer 1 "Ann") skipped: it has no tariff_id');
    expect(Object.fromEntries(skipped)).toEqual({ 'duplicate-service': 1, 'unknown-tariff': 1 });
  });

  it('duplicate addresses: the first service keeps one, however it is written', async () => {
    const out = await files(
      {
        tariffs: [{ id: 1, speed_download: 10000, speed_upload: 2000 }],
        customers: [
          { id: 1, name: 'Ann' },
          { id: 2, name: 'Bob' },
          { id: 3, name: 'Cy' },
        ],
        services: [
          { id: 11, customer_id: 1, tariff_id: 1, status: 'active', ipv4: '100.64.0.5', ipv6: '2001:DB8::1' },
          { id: 12, customer_id: 2, tariff_id: 1, status: 'active', ipv4: '100.64.0.6', ipv6: '2001:db8::1' },
          {
            id: 13,
            customer_id: 3,
            tariff_id: 1,
            status: 'active',
            ipv4: '100.64.0.7',
            ipv4_route: '100.64.0.5/32',
          },
        ],
      },
      'flat',
    );
    expect(out.csv).toMatch(/\n11,Ann,.*,100\.64\.0\.5,2001:db8::1,/);
    expect(out.csv).toMatch(/\n12,Bob,.*,100\.64\.0\.6,,/);
    expect(out.csv).toMatch(/\n13,Cy,.*,100\.64\.0\.7,,/);
    // Same text (any case): caught while mapping, naming both customers.
    expect(out.warnings).toContain(
      'Splynx service 12 (customer 2 "Bob"): IPv6 2001:db8::1 is already used by service 11 (customer 1 "Ann"); dropped from service 12',
    );
    // Written another way: caught by core's check of the normalised addresses.
    expect(out.warnings).toContain(
      'duplicate IP 100.64.0.5: kept on circuit 11 "Ann", dropped from circuit 13 "Cy"',
    );
  });

  it('monitoring: an unknown or own parent_id puts the device at the top level, with a warning', async () => {
    const out = await files(
      {
        monitoring: [
          { id: 1, title: 'Tower', access_device: 0 },
          { id: 2, title: 'Lost AP', parent_id: 99, access_device: 1 },
          { id: 3, title: 'Loop', parent_id: 3, access_device: 0 },
          { id: 4, title: 'AP', parent_id: '1', access_device: 1 },
        ],
      },
      'full',
    );
    expect(Object.keys(JSON.parse(out.network))).toEqual(['Tower', 'Lost AP', 'Loop']);
    expect(out.warnings).toEqual([
      'Splynx monitoring device 2 "Lost AP" names as parent_id 99, which is not in the monitoring list: it is placed at the top level',
      'Splynx monitoring device 3 "Loop" names as parent_id itself: it is placed at the top level',
    ]);
  });

  it('ap_site on Network Sites: an AP naming an unknown network site stays at the top level, with a warning', async () => {
    const out = await files(
      {
        networkSites: [{ id: 1, title: 'North' }],
        monitoring: [
          { id: 10, title: 'AP 1', access_device: 1, network_site_id: '1' },
          { id: 11, title: 'AP 2', access_device: 1, network_site_id: 7 },
          { id: 12, title: 'Switch', access_device: 0, network_site_id: 1 },
        ],
      },
      'ap_site',
    );
    const network = JSON.parse(out.network);
    expect(Object.keys(network)).toEqual(['North', 'AP 2']);
    expect(Object.keys(network.North.children)).toEqual(['AP 1']);
    expect(out.warnings).toContain(
      'Splynx AP 11 "AP 2" names network_site_id 7, which is not a network site: it is placed at the top level',
    );
  });

  it('warnings of one kind beyond ten are summed up in one line', () => {
    const groups = new WarningGroups();
    for (let i = 1; i <= 13; i++) groups.add('things', `thing ${i}`);
    const seen: string[] = [];
    groups.flush((message) => seen.push(message));
    expect(seen).toHaveLength(11);
    expect(seen.at(-1)).toBe('… and 3 more things');
  });
});
