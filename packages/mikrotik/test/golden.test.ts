import { join } from 'node:path';
import { assertNoSecret, goldenPairs } from '@wispsync/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { API_PASSWORD, REST_PASSWORD, ROOT, type Scenario, startScenario } from './harness.js';

// Set UPDATE_GOLDEN=1 to rewrite the expected files after a deliberate change (then review the diff).
// One data set (test-data/mikrotik/basic): core-1 over the binary API (PPP with profiles, RADIUS,
// two sessions of one user, a broken rate-limit, DHCP leases; an empty hotspot menu answered with
// RouterOS 7.18's `!empty`), core-2 over REST (PPP, hotspot with profiles/RADIUS/trial users);
// duplicate addresses across routers and sources.
const DUPLICATES = [
  /duplicate IP 100\.64\.1\.10: kept on circuit mikrotik:core-1:ppp:alice "alice", dropped from circuit mikrotik:core-2:ppp:judy/,
  /duplicate IP 100\.64\.1\.13: kept on circuit mikrotik:core-1:ppp:frank "frank", dropped from circuit mikrotik:core-2:hotspot:lara/,
  /duplicate IP 100\.64\.1\.11: kept on circuit mikrotik:core-1:ppp:bob "bob", dropped from circuit mikrotik:core-1:dhcp:00:11:22:33:44:04/,
  /duplicate IP 192\.168\.88\.20: kept on circuit mikrotik:core-2:hotspot:karl "karl", dropped from circuit mikrotik:core-1:dhcp:00:11:22:33:44:02/,
];
const cases: { name: string; settings: string; args?: string[]; warnings: RegExp[] }[] = [
  {
    // Router → PLAN-<profile>-<router> → circuits; offline static secret and lease.
    name: 'plans',
    settings: 'plan_nodes = true\noffline_static = true\n',
    warnings: [
      ...DUPLICATES,
      /router core-1: PPP profile "plan-broken": rate-limit "fast\/faster" is not understood/,
      /6 subscriber\(s\) have no rate-limit on their router .*: shaped at the default 100\/100 Mbps/,
    ],
  },
  {
    name: 'routers',
    settings: 'router_download_mbps = 2000\nrouter_upload_mbps = 1000\n',
    warnings: DUPLICATES,
  },
  { name: 'ap_only', settings: 'plan_nodes = true\n', args: ['--strategy', 'ap_only'], warnings: DUPLICATES },
  { name: 'flat', settings: 'strategy = "flat"\nplan_nodes = true\n', warnings: DUPLICATES },
];

describe('mikrotik-integration golden outputs', () => {
  let scenario: Scenario | undefined;
  afterEach(async () => scenario?.close());

  it.each(cases)('$name', async ({ name, settings, args = [], warnings }) => {
    scenario = await startScenario('basic', { settings });
    const result = await scenario.run(['--verbose', ...args]);
    assertNoSecret(result, API_PASSWORD, REST_PASSWORD);
    expect(result.code, result.stderr).toBe(0);
    for (const warning of warnings) expect(result.stderr).toMatch(warning);
    for (const { file, actual, expected } of await goldenPairs(
      scenario.outputDir,
      join(ROOT, 'test-data/mikrotik/basic/expected', name),
    )) {
      expect(actual, `${name}/${file}`).toBe(expected);
    }
    // The hotspot menu of core-1 is empty: the API mock answered `!empty` and the run went on.
    expect(scenario.api.commands.some((words) => words[0] === '/ip/hotspot/active/print')).toBe(true);
    expect(result.stderr.trimEnd().split('\n').at(-1)).toMatch(
      /^mikrotik-integration: wrote \d+ circuits?, \d+ devices?, \d+ nodes? to /,
    );
  });
});
