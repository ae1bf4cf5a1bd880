import { join } from 'node:path';
import { goldenPairs } from '@wispsync/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { API_KEY, fixtureDir, forms, type Scenario, startScenario } from './harness.js';

const cases: { name: string; config?: string; warnings: RegExp[]; skipped: Record<string, number> }[] = [
  {
    // The data set of the spec's §12.4 (LibreQoS's own run): same ids, names and rates.
    name: 'spec',
    warnings: [
      /Powercode service 99 has no usable rate \(rate_down "", rate_up "1000"\)/,
      /Powercode customer 101 "Alice" has equipment on 2 services \(55: 25\/5 Mbps, 56: 100\/20 Mbps\): the fastest, 56, is used/,
      /Powercode equipment 13 "CPE B" of customer 101 "Alice" has no IP address: not shaped/,
      /1 piece\(s\) of customer equipment are on a service list_services does not give a rate for.*service 99 ×1/,
    ],
    skipped: {
      'equipment-without-ip': 1,
      inactive: 1,
      'no-device': 1,
      'not-customer-equipment': 1,
      'service-without-rate': 1,
      'unknown-service': 1,
    },
  },
  {
    // 38 customers: statuses in any case, multi-device customers, several services, unknown and
    // rate-less services, equipment without IP, IPv6-only, duplicate and invalid IPs, odd MACs,
    // a duplicate customer, numeric ids, a mistyped equipment list.
    name: 'realistic',
    warnings: [
      /Powercode customer 2033 skipped: equipment must be array or null \(got "none"\)/,
      /Powercode customer 2001 appears twice: the first one is used/,
      /Powercode equipment #1 of customer 2035 skipped: id is empty/,
      /Powercode service 1007 has no usable rate/,
      /Powercode service 1008 has no usable rate/,
      /Powercode customer 2008 "Chen Wei" has equipment on 2 services .*the fastest, 1005, is used/,
      /Powercode customer 2032 "Chloe Green" has equipment on 2 services .*the fastest, 1009, is used/,
      /Powercode equipment 5012 "Noah Router" of customer 2010 "Noah Smith" has no IP address/,
      /Powercode equipment 5014 "Ava CPE \(no IP yet\)" of customer 2011 "Ava Wilson" has no IP address/,
      /service 2999 ×2, 1007 ×1, 1008 ×1, \(none\) ×1/,
      /duplicate IP 100\.64\.10\.13: kept on circuit 2013 "Emma Martinez", dropped from circuit 2014 "Copy Cat"/,
      /invalid IP dropped from circuit 2025 "Henry Lewis": "100\.64\.300\.25"/,
    ],
    skipped: {
      'duplicate-customer': 1,
      'duplicate-ip': 1,
      'equipment-without-ip': 2,
      inactive: 5,
      'invalid-ip': 1,
      'invalid-record': 2,
      'no-device': 6,
      'no-ip': 2,
      'not-customer-equipment': 2,
      'service-without-rate': 2,
      'unknown-service': 5,
    },
  },
];

describe('powercode-integration golden outputs', () => {
  let scenario: Scenario | undefined;
  afterEach(async () => scenario?.close());

  it.each(cases)('$name', async ({ name, config, warnings, skipped }) => {
    scenario = await startScenario(name, config);
    const result = await scenario.run();
    expect(result.stderr).not.toContain(API_KEY);
    expect(result.code, result.stderr).toBe(0);
    for (const warning of warnings) expect(result.stderr).toMatch(warning);
    const expectedDir = join(fixtureDir(name), 'expected');
    for (const { file, actual, expected } of await goldenPairs(scenario.outputDir, expectedDir)) {
      expect(actual, `${name}/${file}`).toBe(expected);
    }
    expect(result.stderr.trimEnd().split('\n').at(-1)).toMatch(
      /^powercode-integration: wrote \d+ circuits?, \d+ devices?, 0 nodes to /,
    );
    // The same run as --json says why each record was left out.
    const json = await scenario.run(['--json']);
    expect(JSON.parse(json.stdout).skipped).toEqual(skipped);
  });

  it('posts list_customers then list_services as form fields with the key', async () => {
    scenario = await startScenario('spec');
    expect((await scenario.run()).code).toBe(0);
    expect(scenario.server.requests.map((r) => [r.method, r.path, r.headers['content-type']])).toEqual([
      ['POST', '/api/preseem/index.php', 'application/x-www-form-urlencoded'],
      ['POST', '/api/preseem/index.php', 'application/x-www-form-urlencoded'],
    ]);
    expect(forms(scenario)).toEqual([
      { apiKey: API_KEY, action: 'list_customers' },
      { apiKey: API_KEY, action: 'list_services' },
    ]);
  });
});
