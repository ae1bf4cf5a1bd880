import { join } from 'node:path';
import { assertNoSecret, goldenPairs } from '@wispsync/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { API_KEY, ROOT, type Scenario, startScenario } from './harness.js';

// Set UPDATE_GOLDEN=1 to rewrite the expected files after a deliberate change (then review the diff).
const cases: { name: string; config?: string; warnings: RegExp[] }[] = [
  {
    // Zones with capacities (numbers, numeric strings, none), duplicate zone names, unknown zone,
    // customers without IPs, IPv6, routed subnets.
    name: 'basic',
    warnings: [
      /Netzur customer #4 skipped: subscriber_id is empty/,
      /Netzur zone "Zone A" appears twice: the first one is used/,
      /Netzur zone #5 skipped: it has no name/,
      /Netzur zone "Unknown Zone" is named by 1 customer\(s\) but not in the zone list/,
    ],
  },
  {
    // exclude_sites removes the zone and its customers (any letter case).
    name: 'excluded',
    config: '[uisp_integration]\nexclude_sites = ["lab bench"]\n',
    warnings: [/Netzur zone "Old Lab" is named by 1 customer/],
  },
  {
    // Duplicate IPs across customers, host-bit CIDRs, a mistyped field, mixed families, ignore_subnets.
    name: 'duplicates',
    config: '[ip_ranges]\nignore_subnets = ["192.168.0.0/16"]\n',
    warnings: [
      /Netzur customer 4005 skipped: download must be number or string or null \(got \{"plan":40\}\)/,
      /100\.64\.40\.2.*netzur_4001.*netzur_4002|100\.64\.40\.2.*netzur_4002.*netzur_4001/,
      /not-an-address/,
    ],
  },
  { name: 'demo', config: '[uisp_integration]\nbandwidth_overhead_factor = 1.15\n', warnings: [] },
];

describe('netzur-integration golden outputs', () => {
  let scenario: Scenario | undefined;
  afterEach(async () => scenario?.close());

  it.each(cases)('$name', async ({ name, config, warnings }) => {
    scenario = await startScenario(name, config);
    const result = await scenario.run();
    assertNoSecret(result, API_KEY);
    expect(result.code, result.stderr).toBe(0);
    for (const warning of warnings) expect(result.stderr).toMatch(warning);
    for (const { file, actual, expected } of await goldenPairs(
      scenario.outputDir,
      join(ROOT, 'test-data/netzur', name, 'expected'),
    )) {
      expect(actual, `${name}/${file}`).toBe(expected);
    }
    // The last stderr line is the one-line summary.
    expect(result.stderr.trimEnd().split('\n').at(-1)).toMatch(
      /^netzur-integration: wrote \d+ circuits?, \d+ devices?, \d+ nodes? to /,
    );
  });
});
