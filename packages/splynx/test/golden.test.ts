import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { goldenPairs } from '@wispsync/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { API_KEY, API_SECRET, DATA, type Scenario, type ScenarioOptions, startScenario } from './harness.js';
import { pathOf } from './mock.js';

interface Case {
  /** Fixture directory under test-data/splynx. */
  data: string;
  /** Expected files: test-data/splynx/<data>/expected/<name>/. */
  name: string;
  args: string[];
  options?: ScenarioOptions;
  /** Files copied from the fixture directory into the output directory before the run. */
  copy?: string[];
  /** Splynx without Network Sites (an older version): that list answers 404. */
  noNetworkSites?: boolean;
  warnings?: RegExp[];
}

const STRATEGIES = ['flat', 'ap_only', 'ap_site', 'full'] as const;

const cases: Case[] = [
  // LibreQoS's own end-to-end example (reference §12.1), every strategy.
  ...STRATEGIES.map(
    (strategy): Case => ({
      data: 'libreqos-example',
      name: strategy,
      args: ['--strategy', strategy],
      warnings: [
        /Splynx service 1002 \(customer 2 "Bob"\): IPv4 100\.64\.0\.10 is already used by service 1001 \(customer 1 "Alice"\); dropped from service 1002/,
        /Splynx service 1005 names customer 99, which is not in the customer list: its circuit is named "99"/,
      ],
    }),
  ),
  // One realistic network: 3 network sites, a monitoring tree of towers, routers and APs, 40 services.
  ...STRATEGIES.map(
    (strategy): Case => ({
      data: 'realistic',
      name: strategy,
      args: [],
      options: { splynx: `strategy = "${strategy}"` },
      warnings: [
        /IPv4 100\.64\.10\.12 is already used by service 2002 \(customer 102 "Brightwater Farm"\); dropped from service 2031/,
      ],
    }),
  ),
  {
    // ap_site on a Splynx without Network Sites: site → AP from the monitoring hierarchy.
    data: 'realistic',
    name: 'ap_site-monitoring',
    args: ['--strategy', 'ap_site'],
    noNetworkSites: true,
    warnings: [/network-sites is not available \(HTTP 404\); continuing without network sites/],
  },
  {
    // Site/AP capacities from integrationSplynxBandwidths.csv in the output directory.
    data: 'realistic',
    name: 'overrides',
    args: ['--strategy', 'full'],
    copy: ['integrationSplynxBandwidths.csv'],
    options: { rootMbps: 5000 },
    warnings: [/integrationSplynxBandwidths\.csv line 7: no site or AP is named "Decommissioned AP"/],
  },
  {
    // promote_to_root: the named sites leave their parent and become top-level nodes.
    data: 'realistic',
    name: 'promote',
    args: ['--strategy', 'full'],
    options: {
      config:
        '[integration_common]\npromote_to_root = ["River Relay_Old Backhaul", "hilltop tower_sector north"]',
    },
  },
];

describe('splynx-integration golden outputs', () => {
  let scenario: Scenario | undefined;
  afterEach(async () => scenario?.close());

  it.each(cases)('$data / $name', async (c) => {
    scenario = await startScenario(c.data, c.options);
    for (const file of c.copy ?? []) await copyFile(join(DATA, c.data, file), join(scenario.outputDir, file));
    if (c.noNetworkSites) {
      scenario.server.fault({
        path: pathOf('network-sites.json'),
        status: 404,
        body: '{"error":{"message":"Not found","code":404}}',
        times: Number.POSITIVE_INFINITY,
      });
    }
    const result = await scenario.run(c.args);
    expect(result.code, result.stderr).toBe(0);
    for (const secret of [API_KEY, API_SECRET]) {
      expect(result.stderr).not.toContain(secret);
      expect(result.stdout).not.toContain(secret);
    }
    for (const warning of c.warnings ?? []) expect(result.stderr).toMatch(warning);
    const expectedDir = join(DATA, c.data, 'expected', c.name);
    for (const { file, actual, expected } of await goldenPairs(scenario.outputDir, expectedDir)) {
      expect(actual, `${c.data}/${c.name}/${file}`).toBe(expected);
    }
    expect(result.stderr.trimEnd().split('\n').at(-1)).toMatch(
      /^splynx-integration: wrote \d+ circuits?, \d+ devices?, \d+ nodes? to /,
    );
  });
});
