import { join } from 'node:path';
import { assertNoSecret, goldenPairs } from '@wispsync/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT, type Scenario, SECRETS, startScenario } from './harness.js';

// Set UPDATE_GOLDEN=1 to rewrite the expected files after a deliberate change (then review the diff).
const NETWORK_WARNINGS = [
  /VISP Subs: 1 row\(s\) are not JSON objects and were skipped/,
  /VISP equipment parent cycle 131 → 130 → 131: equipment 130 is placed under its site instead/,
  /VISP service 5001 of customer 12 \(jdoe-old\) skipped: circuit 5001 already comes from "jdoe"/,
  /VISP bulk record of customer 13 skipped: it has no username/,
  /VISP customer 22 skipped: the customerServices lookup failed: .*customer 22 is archived/,
];

const OPTIONS_CONFIG = [
  '[uisp_integration]',
  'exclude_sites = ["hill site"]',
  'bandwidth_overhead_factor = 1.15',
  'commit_bandwidth_multiplier = 0.9',
  '[ip_ranges]',
  'ignore_subnets = ["203.0.113.0/24"]',
].join('\n');

interface Case {
  name: string;
  fixture: string;
  args?: string[];
  /** lqos.conf text before [visp_integration]. */
  config?: string;
  /** Keys inside [visp_integration]. */
  visp?: string;
  warnings: RegExp[];
}

const cases: Case[] = [
  {
    // Bulk and backfill customers, a site with nested APs, inactive and speed-less services,
    // an equipment parent cycle, an online-session address, an allowlisted fibre service.
    name: 'network',
    fixture: 'network',
    warnings: NETWORK_WARNINGS,
  },
  {
    name: 'network-ap_only',
    fixture: 'network',
    args: ['--strategy', 'ap_only'],
    warnings: NETWORK_WARNINGS,
  },
  {
    name: 'network-ap_site',
    fixture: 'network',
    args: ['--strategy', 'ap_site'],
    warnings: NETWORK_WARNINGS,
  },
  // The strategy from the config file; flat keeps no nodes at all.
  { name: 'network-flat', fixture: 'network', visp: 'strategy = "flat"', warnings: NETWORK_WARNINGS },
  {
    // The shared keys: exclude a site with its subtree, ignore a subnet, multipliers.
    name: 'network-options',
    fixture: 'network',
    config: OPTIONS_CONFIG,
    warnings: [/VISP equipment parent cycle/],
  },
  {
    name: 'libreqos-example',
    fixture: 'libreqos-example',
    warnings: [/VISP bulk record of customer 5 skipped/],
  },
];

describe('visp-integration golden outputs', () => {
  let scenario: Scenario | undefined;
  afterEach(async () => scenario?.close());

  it.each(cases)('$name', async ({ name, fixture, args = [], config, visp, warnings }) => {
    scenario = await startScenario(fixture, {
      config: config ?? '',
      visp: `online_users_domain = "radius.example"\n${visp ?? ''}`,
    });
    const result = await scenario.run(args);
    assertNoSecret(result, ...SECRETS, ...scenario.mock.issued);
    expect(result.code, result.stderr).toBe(0);
    for (const warning of warnings) expect(result.stderr).toMatch(warning);
    for (const { file, actual, expected } of await goldenPairs(
      scenario.outputDir,
      join(ROOT, 'test-data/visp', fixture, 'expected', name),
    )) {
      expect(actual, `${name}/${file}`).toBe(expected);
    }
    // The last stderr line is the one-line summary.
    expect(result.stderr.trimEnd().split('\n').at(-1)).toMatch(
      /^visp-integration: wrote \d+ circuits?, \d+ devices?, \d+ nodes? to /,
    );
  });
});
