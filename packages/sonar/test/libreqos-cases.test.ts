// LibreQoS's own Sonar tests (specs/libreqos-python-integrations.md §11.2), one `it` each, with
// the reference's fixtures: inventory_item, sonar_account, radius_account, uninventoried_mac_address.
import { describe, expect, it } from 'vitest';
import { type AccountInput, buildAccountRecord, buildAccounts } from '../src/accounts.js';
import { buildAccountDevices } from '../src/devices.js';
import { splitIpVersions } from '../src/ips.js';
import type { RateRules } from '../src/settings.js';
import { importSummary } from '../src/summary.js';
import {
  dataService,
  inventoryItem,
  radiusAccount,
  sonarAccount,
  uninventoriedMac,
  wrap,
} from './reference-fixtures.js';

const NO_RULES: RateRules = { recurring: new Map(), excluded: new Set() };
const ids = (devices: { id: string }[]) => devices.map((device) => device.id);

describe('LibreQoS test_integration_sonar.py cases', () => {
  it('inventory-only devices keep the existing shape', () => {
    const devices = buildAccountDevices(
      sonarAccount({ items: [inventoryItem(42, 'ONU', ['100.64.1.10/32'], 'AA:BB:CC:DD:EE:FF')] }),
    );
    expect(devices).toHaveLength(1);
    expect(devices[0]).toMatchObject({
      id: 'sonar:device:42',
      ips: ['100.64.1.10/32'],
      mac: 'AA:BB:CC:DD:EE:FF',
    });
  });

  it('RADIUS-only accounts emit stable RADIUS devices', () => {
    const devices = buildAccountDevices(sonarAccount({ radius: [radiusAccount(77, ['100.64.2.20/32'])] }));
    expect(devices).toEqual([
      expect.objectContaining({
        id: 'sonar:radius-account:77',
        name: 'Radius Account 77',
        ips: ['100.64.2.20/32'],
        mac: '',
      }),
    ]);
  });

  it('RADIUS IPs do not duplicate inventory IPs', () => {
    const devices = buildAccountDevices(
      sonarAccount({
        items: [inventoryItem(42, 'ONU', ['100.64.3.30/32'])],
        radius: [radiusAccount(88, ['100.64.3.30/32', '100.64.3.31/32'])],
      }),
    );
    expect(ids(devices)).toEqual(['sonar:device:42', 'sonar:radius-account:88']);
    expect(devices[1]?.ips).toEqual(['100.64.3.31/32']);
  });

  it('account-level IPs emit a stable account IP device', () => {
    const devices = buildAccountDevices(
      sonarAccount({
        items: [inventoryItem(42, 'ONU', [], 'AA:BB:CC:DD:EE:03')],
        ips: ['100.64.8.80', '100.64.8.81'],
      }),
    );
    expect(devices).toHaveLength(2);
    expect(devices[0]).toMatchObject({ id: 'sonar:device:42', mac: 'AA:BB:CC:DD:EE:03', ips: [] });
    expect(devices[1]).toMatchObject({
      id: 'sonar:account-ip-assignments:1',
      name: 'Account IP Assignments',
      ips: ['100.64.8.80', '100.64.8.81'],
      mac: '',
      source: 'account_ip_assignments',
    });
  });

  it('splitIpVersions preserves IPv6 prefixes', () => {
    expect(splitIpVersions(['100.64.8.80', '2605:40c1:300::/56', 'not an ip'])).toEqual({
      ipv4: ['100.64.8.80'],
      ipv6: ['2605:40c1:300::/56'],
      invalid: ['not an ip'],
    });
  });

  it('account-level IPs are deduped against inventory and RADIUS IPs', () => {
    const devices = buildAccountDevices(
      sonarAccount({
        items: [inventoryItem(42, 'ONU', ['100.64.9.90'])],
        radius: [radiusAccount(99, ['100.64.9.91'])],
        ips: ['100.64.9.90', '100.64.9.91', '100.64.9.92'],
      }),
    );
    expect(devices).toHaveLength(3);
    expect(devices[2]).toMatchObject({ id: 'sonar:account-ip-assignments:1', ips: ['100.64.9.92'] });
  });

  it('an uninventoried MAC device has a stable id and label', () => {
    const devices = buildAccountDevices(
      sonarAccount({ macs: [uninventoriedMac(555, 'AA:BB:CC:DD:EE:55', ['100.64.12.12/32'])] }),
    );
    expect(devices).toEqual([
      {
        id: 'sonar:uninventoried-mac-address:555',
        rawId: '555',
        name: 'Uninventoried MAC Address: AA:BB:CC:DD:EE:55',
        ips: ['100.64.12.12/32'],
        mac: 'AA:BB:CC:DD:EE:55',
        source: 'uninventoried_mac_addresses',
      },
    ]);
  });

  it('uninventoried MAC IPs are deduped against inventory, RADIUS and account IPs', () => {
    const devices = buildAccountDevices(
      sonarAccount({
        items: [inventoryItem(42, 'ONU', ['100.64.13.13/32'])],
        radius: [radiusAccount(43, ['100.64.13.14/32'])],
        ips: ['100.64.13.15'],
        macs: [
          uninventoriedMac(444, 'AA:BB:CC:DD:EE:44', [
            '100.64.13.13/32',
            '100.64.13.14/32',
            '100.64.13.15',
            '100.64.13.16',
          ]),
        ],
      }),
    );
    expect(ids(devices)).toEqual([
      'sonar:device:42',
      'sonar:radius-account:43',
      'sonar:account-ip-assignments:1',
      'sonar:uninventoried-mac-address:444',
    ]);
    expect(devices[3]?.ips).toEqual(['100.64.13.16']);
  });

  it('an uninventoried MAC device is skipped when all its IPs are duplicates', () => {
    const devices = buildAccountDevices(
      sonarAccount({
        items: [inventoryItem(42, 'ONU', ['100.64.14.14/32'])],
        macs: [uninventoriedMac(666, 'AA:BB:CC:DD:EE:66', ['100.64.14.14/32'])],
      }),
    );
    expect(ids(devices)).toEqual(['sonar:device:42']);
  });

  it('an uninventoried MAC device is skipped when it has no IP assignments', () => {
    const devices = buildAccountDevices(
      sonarAccount({
        items: [inventoryItem(42, 'ONU', ['100.64.15.15/32'])],
        macs: [uninventoriedMac(777, 'AA:BB:CC:DD:EE:77', [])],
      }),
    );
    expect(ids(devices)).toEqual(['sonar:device:42']);
  });

  it('uninventoried MAC devices come after account-level IP devices', () => {
    const devices = buildAccountDevices(
      sonarAccount({
        ips: ['100.64.16.16'],
        macs: [uninventoriedMac(888, 'AA:BB:CC:DD:EE:88', ['100.64.16.17'])],
      }),
    );
    expect(ids(devices)).toEqual(['sonar:account-ip-assignments:1', 'sonar:uninventoried-mac-address:888']);
  });

  it('the uninventoried MAC label falls back when the MAC is blank', () => {
    const [device] = buildAccountDevices(
      sonarAccount({ macs: [uninventoriedMac(999, '   ', ['100.64.17.17'])] }),
    );
    expect(device).toMatchObject({ name: 'Uninventoried MAC Address', mac: '' });
  });

  it('an account without uninventoried MAC addresses gets no extra device', () => {
    expect(buildAccountDevices(sonarAccount())).toEqual([]);
  });

  it('inventory MAC devices are kept when RADIUS supplies the IPs', () => {
    const devices = buildAccountDevices(
      sonarAccount({
        items: [inventoryItem(42, 'ONU', [], 'AA:BB:CC:DD:EE:02')],
        radius: [radiusAccount(99, ['100.64.4.40/32'])],
      }),
    );
    expect(devices).toHaveLength(2);
    expect(devices[0]).toMatchObject({ ips: [], mac: 'AA:BB:CC:DD:EE:02' });
    expect(devices[1]).toMatchObject({ id: 'sonar:radius-account:99', ips: ['100.64.4.40/32'] });
  });

  it('a child account inherits its parent address when it has none', () => {
    const child = {
      ...sonarAccount({ radius: [radiusAccount(100, ['100.64.5.50/32'])] }),
      id: 500,
      name: 'Suite 500',
      addresses: wrap([]),
      account_services: dataService(100000, 20000),
    };
    const outcome = buildAccountRecord(child, 'Parent Address', NO_RULES);
    expect('account' in outcome).toBe(true);
    if (!('account' in outcome)) return;
    expect(outcome.account.address).toBe('Parent Address');
    expect(outcome.account.id).toBe('sonar:account:500');
  });

  it('a child account imports account-level IPs', () => {
    const child = {
      ...sonarAccount({ ips: ['100.64.10.10'] }),
      id: 501,
      addresses: wrap([]),
      account_services: dataService(100000, 20000),
    };
    const outcome = buildAccountRecord(child, 'Parent Address', NO_RULES);
    if (!('account' in outcome)) throw new Error(`skipped: ${outcome.skipped}`);
    expect(outcome.account.devices[0]).toMatchObject({
      id: 'sonar:account-ip-assignments:501',
      ips: ['100.64.10.10'],
    });
  });

  it('child accounts are added without duplicating top-level records', () => {
    const noAddress = (id: number, radiusId: number, down: number, up: number) => ({
      ...sonarAccount({ radius: [radiusAccount(radiusId, [`100.64.60.${radiusId % 250}/32`])] }),
      id,
      name: `Child ${id}`,
      addresses: wrap([]),
      account_services: dataService(down, up),
    });
    const parent = {
      ...sonarAccount({ items: [inventoryItem(42, 'ONU', ['100.64.6.42/32'])] }),
      id: 600,
      name: 'Parent',
      account_services: dataService(100000, 20000),
      child_accounts: wrap([noAddress(601, 6010, 50000, 10000), noAddress(602, 6020, 50000, 10000)]),
    };
    const duplicate = {
      ...sonarAccount({ radius: [radiusAccount(6021, ['100.64.60.21/32'])] }),
      id: 602,
      name: 'Child Duplicate',
      account_services: dataService(75000, 15000),
    };
    const skipped: string[] = [];
    const input: AccountInput = {
      rules: NO_RULES,
      check: () => [],
      onSkip: (reason, who) => skipped.push(`${reason} ${who}`),
    };
    const accounts = buildAccounts([parent, duplicate], input);
    expect(accounts.map((account) => account.rawId)).toEqual(['600', '602', '601']);
    expect(accounts[1]?.rate.downloadMbps).toBe(75);
    expect(accounts[1]?.address).toBe('1 Main, Town, TX');
    expect(skipped).toEqual([]);
  });

  it('a recurring rate rule is used when the data service is missing', () => {
    const account = {
      ...sonarAccount({ radius: [radiusAccount(7000, ['100.64.70.0/32'])] }),
      id: 700,
      name: 'Bulk Tenant',
      account_services: wrap([]),
      all_account_services: wrap([
        { service: { name: '1 Gig Bulk Tenant Service', type: 'RECURRING', data_service_detail: null } },
      ]),
    };
    const rules: RateRules = {
      recurring: new Map([
        [
          '1 gig bulk tenant service',
          { name: '1 Gig Bulk Tenant Service', downloadMbps: 1000, uploadMbps: 1000 },
        ],
      ]),
      excluded: new Set(),
    };
    const outcome = buildAccountRecord(account, '', rules);
    if (!('account' in outcome)) throw new Error(`skipped: ${outcome.skipped}`);
    expect(outcome.account.rate).toEqual({ downloadMbps: 1000, uploadMbps: 1000 });
  });

  it('an excluded recurring service blocks the recurring fallback', () => {
    const account = {
      ...sonarAccount({ radius: [radiusAccount(7010, ['100.64.70.10/32'])] }),
      id: 701,
      all_account_services: wrap([{ service: { name: 'Equipment Rental', type: 'RECURRING' } }]),
    };
    const rules: RateRules = {
      recurring: new Map([
        ['equipment rental', { name: 'Equipment Rental', downloadMbps: 1000, uploadMbps: 1000 }],
      ]),
      excluded: new Set(['equipment rental']),
    };
    expect(buildAccountRecord(account, '', rules)).toEqual({ skipped: 'no-rate' });
  });

  it('the import summary counts account-level IP devices', () => {
    const text = importSummary({
      sites: [{ id: 'site_1' }],
      aps: [{ id: 'ap_1' }],
      accounts: [
        {
          parent: 'ap_1',
          devices: [
            { ips: [], source: 'inventory_item' },
            { ips: ['100.64.11.11', '2605:40c1:300::/56'], source: 'account_ip_assignments' },
          ],
        },
      ],
    });
    for (const part of [
      'sites=1',
      'aps=1',
      'accounts=1',
      'accounts_with_ap_parent=1',
      'devices=2',
      'devices_with_ips=1',
      'ipv4_assignments=1',
      'ipv6_assignments=1',
      'account_level_ip_devices=1',
    ]) {
      expect(text).toContain(part);
    }
  });
});
