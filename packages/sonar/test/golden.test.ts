import { join } from 'node:path';
import { assertNoSecret, goldenPairs } from '@wispsync/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { API_KEY, COMMUNITY, ROOT, type Scenario, type ScenarioOptions, startScenario } from './harness.js';

// Set UPDATE_GOLDEN=1 to rewrite the expected files after a deliberate change (then review the diff).
const cases: {
  name: string;
  scenario: string;
  /** test-data/sonar/<scenario>/expected/<expected> */
  expected: string;
  options?: ScenarioOptions;
  args?: string[];
  warnings: RegExp[];
  summary?: string;
}[] = [
  {
    // 6 sites over 2 pages, ~40 accounts over 8 pages, airMAX and LTU APs, a dead AP, child and
    // recurring-rate accounts, every skip reason. Strategy full (compile_mode absent).
    name: 'basic-full',
    scenario: 'basic',
    expected: 'full',
    warnings: [
      /Sonar AP 1203 \(127\.0\.21\.13\) skipped: no SNMP answer within 1\.5 s/,
      /station 74:83:c2:16:01:22 is reported by AP 1601 and AP 1701: placed under AP 1701/,
      /Sonar account 131 "No Address Person" skipped: it has no address/,
      /Sonar account 132 "Nothing Assigned" skipped: it has no inventory item/,
      /Sonar account 133 "Unassigned MAC" skipped: it has no inventory item/,
      /Sonar account 127 "Equipment Only LLC" skipped: it has no data service/,
      /Sonar account 128 "Paused Bulk" skipped: it has no data service/,
      /Sonar account 134 "Voice Only" skipped: it has no data service/,
      /Sonar account 137 "Broken Record" skipped: addresses must be object or null \(got "137 Main St"\)/,
      /Sonar sonar:device:5108 of sonar:account:108: invalid IP assignment\(s\) skipped: bogus/,
      /duplicate IP 100\.64\.3\.12: kept on circuit sonar:account:112 "Lucia Ferreira", dropped from circuit sonar:account:113 "Mo Ahmed"/,
    ],
    summary:
      'Sonar import summary: sites=5 aps=9 accounts=32 accounts_with_ap_parent=23 devices=35 devices_with_ips=33 ipv4_assignments=34 ipv6_assignments=4 account_level_ip_devices=3',
  },
  {
    // compile_mode = "flat": every account at the top level, no SNMP and no sites asked.
    name: 'basic-flat',
    scenario: 'basic',
    expected: 'flat',
    options: { before: '[topology]\ncompile_mode = "flat"\n' },
    warnings: [/Sonar account 131 "No Address Person" skipped/],
  },
  {
    // The reference's golden example (§12.5), AP addresses on loopback.
    name: 'libreqos-example',
    scenario: 'libreqos-example',
    expected: 'full',
    warnings: [/Sonar sonar:device:503 of sonar:account:3: invalid IP assignment\(s\) skipped: bogus/],
    summary:
      'Sonar import summary: sites=2 aps=3 accounts=6 accounts_with_ap_parent=2 devices=6 devices_with_ips=6 ipv4_assignments=6 ipv6_assignments=1 account_level_ip_devices=2',
  },
];

describe('sonar-integration golden outputs', () => {
  let scenario: Scenario | undefined;
  afterEach(async () => scenario?.close());

  it.each(cases)(
    '$name',
    async ({ name, scenario: fixture, expected: variant, options, args = [], warnings, summary }) => {
      scenario = await startScenario(fixture, options);
      const result = await scenario.run(args);
      assertNoSecret(result, API_KEY, COMMUNITY);
      expect(result.code, result.stderr).toBe(0);
      for (const warning of warnings) expect(result.stderr).toMatch(warning);
      if (summary !== undefined) expect(result.stderr).toContain(summary);
      for (const { file, actual, expected } of await goldenPairs(
        scenario.outputDir,
        join(ROOT, 'test-data/sonar', fixture, 'expected', variant),
      )) {
        expect(actual, `${name}/${file}`).toBe(expected);
      }
      expect(result.stderr.trimEnd().split('\n').at(-1)).toMatch(
        /^sonar-integration: wrote \d+ circuits?, \d+ devices?, \d+ nodes? to /,
      );
    },
  );
});
