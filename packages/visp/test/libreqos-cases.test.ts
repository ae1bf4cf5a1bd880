// LibreQoS's own VISP unit tests (test_integration_visp.py, reference §11.3), one per case, and the
// golden end-to-end example of reference §12.6, run against this package.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { type PlanNode, parseNetworkJson, parseShapedDevices } from '@wispsync/core';
import { assertNoSecret } from '@wispsync/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { selectAttachment } from '../src/attachment.js';
import { bulkIpv4Candidates, splitIpv4Candidates } from '../src/ips.js';
import { DEFAULT_SERVICE_TYPES } from '../src/schema.js';
import { tokenCachePath } from '../src/token-cache.js';
import { serviceIsShapable } from '../src/values.js';
import { CREDENTIALS, type Scenario, SECRETS, startScenario } from './harness.js';
import { GRAPHQL_PATH, operations, TOKEN_PATH } from './mock.js';

const only =
  (...ips: string[]) =>
  (ip: string) =>
    ips.includes(ip);
const always = () => true;

function flatten(nodes: readonly PlanNode[], prefix = ''): { path: string; node: PlanNode }[] {
  return nodes.flatMap((node) => {
    const path = prefix === '' ? node.name : `${prefix} › ${node.name}`;
    return [{ path, node }, ...flatten(node.children, path)];
  });
}
const allowlist = new Set(DEFAULT_SERVICE_TYPES.map((type) => type.toLowerCase()));

describe('LibreQoS test_integration_visp.py cases', () => {
  it('split_ipv4_candidates filters and deduplicates', () => {
    expect(
      splitIpv4Candidates(only('192.0.2.10', '198.51.100.20'), '192.0.2.10, 192.0.2.10, not-an-ip', [
        '198.51.100.20',
        '',
        null,
      ]),
    ).toEqual(['192.0.2.10', '198.51.100.20']);
  });

  it('bulk_ipv4_candidates uses the subscriber and equipment fallbacks', () => {
    expect(
      bulkIpv4Candidates(
        only('198.51.100.20', '203.0.113.7'),
        { package_ip: '198.51.100.20', equipment_ip: '' },
        { ip_address: '' },
        [{ ip_address: '203.0.113.7' }, { ip_address: '' }],
      ),
    ).toEqual(['198.51.100.20', '203.0.113.7']);
  });

  it('split_ipv4_candidates keeps a public IP when it is not ignored', () => {
    expect(splitIpv4Candidates(always, '203.0.113.191')).toEqual(['203.0.113.191']);
  });

  it('split_ipv4_candidates rejects the unspecified and broadcast placeholders', () => {
    expect(splitIpv4Candidates(always, '0.0.0.0, 255.255.255.255, 203.0.113.191')).toEqual(['203.0.113.191']);
  });

  it('service_is_shapable accepts a wifi-typed service', () => {
    expect(serviceIsShapable('wifi', { __typename: 'ServiceTypeWifi' }, allowlist)).toBe(true);
  });

  it('service_is_shapable rejects a non-internet service', () => {
    expect(serviceIsShapable('voip', { __typename: 'ServiceTypeVoip' }, allowlist)).toBe(false);
  });

  it('select_attachment prefers the parented fibre CPE', () => {
    const rows = [
      {
        id: 1450,
        parent_id: null,
        location_name: 'Example Subscriber',
        description: 'Router-side device',
        equipment_data: { mac_address: '02:00:00:00:00:10', 'Router Mode': 'false' },
      },
      {
        id: 1296,
        parent_id: 1409,
        location_name: 'Example Subscriber',
        description: 'Fiber ONU',
        equipment_data: { 'Fiber MAC': '02:00:00:00:00:20', 'VLAN-1': 'Example-VLAN' },
      },
    ];
    const selected = selectAttachment(
      rows,
      new Set(['Example Subscriber']),
      new Set([1450, 1296]),
      new Set(['020000000020']),
    );
    expect(selected?.id).toBe(1296);
    expect(selected?.score).toBe(190); // 100 + 40 + 20 + 15 + 10 + 5; the other scores 40 + 20 − 10
  });
});

describe('reference §12.6: the golden VISP example', () => {
  let scenario: Scenario | undefined;
  afterEach(async () => scenario?.close());

  it('gives LibreQoS HEAD’s circuits, nodes, counters, requests and token cache', async () => {
    scenario = await startScenario('libreqos-example', { visp: 'online_users_domain = "radius.example"' });
    const result = await scenario.run(['--csv-layout', 'v2.2']);
    expect(result.code, result.stderr).toBe(0);
    assertNoSecret(result, ...SECRETS, 'tok123');
    expect(result.stderr).toContain(
      'VISP: shaped=3 wifi_bulk_services=6 subscribers_rows=5 bulk_customers=5 backfill_customers=1 backfill_service_candidates=2 backfill_shaped=1 topology_sites=2 topology_equipment=3 topology_attached=3 skipped_inactive=1 skipped_no_ip=1 skipped_no_speed=1',
    );

    const csv = parseShapedDevices(await readFile(join(scenario.outputDir, 'ShapedDevices.csv'), 'utf8'));
    const rows = csv.rows.map((row) => [
      row.circuitId,
      row.circuitName,
      row.deviceId,
      row.deviceName,
      row.parentNode,
      row.parentNodeId,
      row.mac,
      row.ipv4.join(', '),
      row.downloadMin,
      row.uploadMin,
      row.downloadMax,
      row.uploadMax,
    ]);
    // LibreQoS writes the MAC as AABBCCDDEEFF; wispsync writes every MAC as aa:bb:cc:dd:ee:ff.
    expect(rows).toEqual([
      [
        '1001',
        'alice',
        '1001_wifi',
        'alice_device',
        'AP North',
        'visp:eq:600',
        'aa:bb:cc:dd:ee:ff',
        '100.64.0.1, 100.64.0.11',
        24.5,
        4.9,
        25,
        5,
      ],
      ['1002', 'bob', '1002_wifi', 'bob_device', '', '', '', '100.64.0.2', 980, 98, 1000, 100],
      [
        '4001',
        'dave',
        '4001_backfill',
        'dave_device',
        'VISP 601',
        'visp:eq:601',
        'de:ad:be:ef:00:01',
        '100.64.0.44',
        9.8,
        1.96,
        10,
        2,
      ],
    ]);

    const network = parseNetworkJson(await readFile(join(scenario.outputDir, 'network.json'), 'utf8'));
    const shape = flatten(network.nodes).map(({ path, node }) => [path, node.type, node.id]);
    expect(shape).toEqual([
      ['North Tower', 'site', 'visp:site:9'],
      ['North Tower › Backhaul', 'ap', 'visp:eq:700'],
      ['North Tower › Backhaul › AP North', 'ap', 'visp:eq:600'],
      ['Far Site', 'site', 'visp:site:Far Site'],
      ['Far Site › VISP 601', 'ap', 'visp:eq:601'],
    ]);
    expect(
      flatten(network.nodes).every(({ node }) => node.downloadMbps === 1000 && node.uploadMbps === 1000),
    ).toBe(true);

    // Requests in LibreQoS's order, each GraphQL one with the raw token.
    const requests = scenario.server.requests;
    expect(requests[0]?.method).toBe('GET');
    expect(requests[0]?.path).toBe(TOKEN_PATH);
    expect(operations(requests)).toEqual([
      { op: 'Subs', variables: { isp_id: 42, limit: 500, offset: 0 } },
      { op: 'EquipmentAssemblies', variables: { isp_id: 42 } },
      { op: 'EquipmentPg', variables: { isp_id: 42, limit: 500, offset: 0 } },
      { op: 'Bulk', variables: { isp_id: 42 } },
      { op: 'CustomerServices', variables: { customer_id: 4 } },
      { op: 'CustomerIpList', variables: { customer_id: 4 } },
      { op: 'Online', variables: { domain: 'radius.example' } },
    ]);
    for (const request of requests.filter((r) => r.path === GRAPHQL_PATH)) {
      expect(request.headers.authorization).toBe('tok123');
    }

    const cache = tokenCachePath(scenario.stateDir, CREDENTIALS.clientId, CREDENTIALS.username);
    expect(cache).toMatch(/\/cache\/\.visp_token_cache_[0-9a-f]{16}\.json$/);
    expect(JSON.parse(await readFile(cache, 'utf8'))).toEqual({
      token: 'tok123',
      exp: 4102444800,
      isp_id: 42,
    });
    expect((await stat(cache)).mode & 0o777).toBe(0o600);
  });
});
