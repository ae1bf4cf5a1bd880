import { join } from 'node:path';
import { goldenPairs } from '@wispsync/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { fixtureDir, type Scenario, startScenario, TOKEN } from './harness.js';

const cases: { name: string; config?: string; warnings: RegExp[]; skipped: Record<string, number> }[] = [
  {
    // The rows of the spec's §12.3 (LibreQoS's own run).
    name: 'spec',
    warnings: [
      /WISPGate device "Bad" of circuit c4: ignored Download Max Mbps "abc"/,
      /WISPGate circuit c4 "Bad Rate" has no usable download rate: skipped/,
      /WISPGate circuit 5 "5" has no usable download rate: skipped/,
      /WISPGate device "NoIP" of circuit c2 has no IP address: not shaped/,
      /1 circuit\(s\) name a Parent Node \("Tower A"\), but WISPGate has no topology and network\.json is rewritten as \{\} on every run/,
    ],
    skipped: { 'device-without-ip': 1, 'no-ip': 1, 'no-rate': 2 },
  },
  {
    // 32 circuits over 40 rows: multi-device circuits (rows not adjacent too), repeated device
    // names, IPv6-only devices, rows without an address, duplicate and invalid IPs, rates as
    // strings, Min-only and Max-only rates, unusable rates, rows that disagree, bad records.
    name: 'realistic',
    warnings: [
      /WISPGate row #29 skipped: Circuit ID is empty/,
      /WISPGate row 1028 skipped: IPv4 must be string or null or array \(got \{"ip":"100\.64\.20\.28"\}\)/,
      /WISPGate device "Router" of circuit 1013: ignored Download Max Mbps "unlimited"/,
      /WISPGate device "Router" of circuit 1023: ignored Download Max Mbps -10, Download Min Mbps -5/,
      /WISPGate circuit 1011 "Sophia Anderson" has no usable upload rate: skipped/,
      /WISPGate circuit 1012 "Mason Thomas" has no usable download rate: skipped/,
      /WISPGate circuit 1015: its rows give different rates \(download 25 to 50, upload 5 to 10 Mbps\); the highest is used/,
      /WISPGate circuit 1019: rows name Parent Node "Tower North" and "Tower South"; the first is used/,
      /WISPGate device "Phone ATA" of circuit 1006 has no IP address/,
      /WISPGate device "Router" of circuit 1007 has no IP address/,
      /duplicate IP 100\.64\.20\.9: kept on circuit 1009 "Emma Martinez", dropped from circuit 1010 "Copy Cat"/,
      /invalid IP dropped from circuit 1020 "Henry Lewis": "100\.64\.300\.20"/,
      /circuit\(s\) name a Parent Node \("Tower North", "Tower South", "Tower East", "Tower West", "Tour Nord"\)/,
    ],
    skipped: {
      'device-without-ip': 2,
      'duplicate-ip': 1,
      'invalid-ip': 1,
      'invalid-record': 2,
      'no-ip': 3,
      'no-rate': 3,
    },
  },
];

describe('wispgate-integration golden outputs', () => {
  let scenario: Scenario | undefined;
  afterEach(async () => scenario?.close());

  it.each(cases)('$name', async ({ name, config, warnings, skipped }) => {
    scenario = await startScenario(name, config);
    const result = await scenario.run();
    expect(result.stderr).not.toContain(TOKEN);
    expect(result.code, result.stderr).toBe(0);
    for (const warning of warnings) expect(result.stderr).toMatch(warning);
    const expectedDir = join(fixtureDir(name), 'expected');
    for (const { file, actual, expected } of await goldenPairs(scenario.outputDir, expectedDir)) {
      expect(actual, `${name}/${file}`).toBe(expected);
    }
    expect(result.stderr.trimEnd().split('\n').at(-1)).toMatch(
      /^wispgate-integration: wrote \d+ circuits?, \d+ devices?, 0 nodes to /,
    );
    const json = await scenario.run(['--json']);
    expect(JSON.parse(json.stdout).skipped).toEqual(skipped);
  });

  it('posts the token as the api_token form field', async () => {
    scenario = await startScenario('spec');
    expect((await scenario.run()).code).toBe(0);
    expect(scenario.server.requests).toHaveLength(1);
    const [request] = scenario.server.requests;
    expect([request?.method, request?.path, request?.headers['content-type']]).toEqual([
      'POST',
      '/api/libreqos/shaped-devices',
      'application/x-www-form-urlencoded',
    ]);
    expect(request?.body).toBe(`api_token=${TOKEN}`);
  });
});
