import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PLAN_JSON_SCHEMA } from '@wispsync/core';
import { goldenPairs, readOutputs } from '@wispsync/core/testing';
import { Ajv } from 'ajv';
import { afterEach, describe, expect, it } from 'vitest';
import { API_KEY, COMMUNITY, ROOT, type Scenario, startScenario, TOOL } from './harness.js';

interface Plan {
  strategy: string;
  network: { name: string; children: { name: string }[] }[];
  circuits: { id: string; name: string; parentNode?: string | null; devices: unknown[] }[];
  skipped: Record<string, number>;
}

describe('sonar-integration output modes', () => {
  let scenario: Scenario | undefined;
  afterEach(async () => {
    await scenario?.close();
    scenario = undefined;
  });

  it('--json prints the plan, valid against the documented schema, and writes nothing', async () => {
    scenario = await startScenario('basic');
    const result = await scenario.run(['--json']);
    expect(result.code, result.stderr).toBe(0);
    expect(await readdir(scenario.outputDir)).toEqual([]);
    const plan = JSON.parse(result.stdout);
    const validate = new Ajv({ allErrors: true }).compile(PLAN_JSON_SCHEMA);
    expect(validate(plan), JSON.stringify(validate.errors)).toBe(true);
    expect(plan.tool).toBe('sonar-integration');
    expect(plan.strategy).toBe('full');
    expect(plan.skipped).toEqual({
      'ap-not-answering': 1,
      'duplicate-ip': 1,
      'invalid-ip': 1,
      'invalid-record': 1,
      'no-address': 1,
      'no-devices': 2,
      'no-rate': 3,
    });
    for (const secret of [API_KEY, COMMUNITY]) expect(result.stdout + result.stderr).not.toContain(secret);
  });

  it.each([
    ['flat', [], 'flat'],
    [' Full2 ', [], 'full'],
    ['ap_site', [], 'full'],
    ['ap_only', [], 'full'],
    ['', [], 'full'],
    ['full', ['--strategy', 'flat'], 'flat'],
    ['flat', ['--strategy', 'full'], 'full'],
  ])(
    '[topology].compile_mode = "%s" %j → %s (as LibreQoS reads it for Sonar)',
    async (mode, args, strategy) => {
      scenario = await startScenario('libreqos-example', {
        before: `[topology]\ncompile_mode = "${mode}"\n`,
      });
      const result = await scenario.run(['--json', ...args]);
      expect(result.code, result.stderr).toBe(0);
      const plan = JSON.parse(result.stdout) as Plan;
      expect(plan.strategy).toBe(strategy);
      expect(plan.network.map((node) => node.name)).toEqual(
        strategy === 'flat' ? [] : ['North Tower', 'South'],
      );
    },
  );

  it('SNMPv1 reads the same stations as SNMPv2c', async () => {
    scenario = await startScenario('basic', { sonar: 'snmp_version = "1"' });
    const result = await scenario.run();
    expect(result.code, result.stderr).toBe(0);
    for (const { file, actual, expected } of await goldenPairs(
      scenario.outputDir,
      join(ROOT, 'test-data/sonar/basic/expected/full'),
      false,
    )) {
      expect(actual, file).toBe(expected);
    }
  });

  it('--save-responses then --from-responses: the same plan with neither Sonar nor the APs', async () => {
    scenario = await startScenario('basic');
    const saved = await mkdtemp(join(tmpdir(), 'wispsync-sonar-saved-'));
    const live = await scenario.run(['--json', '--save-responses', saved]);
    expect(live.code, live.stderr).toBe(0);
    const files = await readdir(saved);
    expect(files).toContain('snmp_stations.json');
    for (const file of files) {
      const text = await readFile(join(saved, file), 'utf8');
      for (const secret of [API_KEY, COMMUNITY]) expect(text, file).not.toContain(secret);
    }
    await scenario.close();
    const replayed = await scenario.run(['--json', '--from-responses', saved]);
    expect(replayed.code, replayed.stderr).toBe(0);
    expect(replayed.stdout).toBe(live.stdout);
  });

  it('--dry-run writes nothing and lists the circuits it would add', async () => {
    scenario = await startScenario('libreqos-example');
    const result = await scenario.run(['--dry-run']);
    expect(result.code, result.stderr).toBe(0);
    expect(await readdir(scenario.outputDir)).toEqual([]);
    expect(result.stdout).toMatch(/\+ circuit sonar:account:40 "Dan Child"/);
  });

  it("circuit_name_as_address: a child account without an address carries its parent's", async () => {
    scenario = await startScenario('basic', {
      before: '[integration_common]\ncircuit_name_as_address = true\n',
    });
    const result = await scenario.run();
    expect(result.code, result.stderr).toBe(0);
    const csv = (await readOutputs(scenario.outputDir))['ShapedDevices.csv'] ?? '';
    expect(csv).toMatch(/^sonar:account:141,"126 Harbor Dr, Marble Falls, TX",/m);
    expect(csv).toMatch(/^sonar:account:142,"126 Harbor Dr, Unit 2, Marble Falls, TX",/m);
    expect(csv).toMatch(/^sonar:account:102,"22 Oak St, Apt 4, Burnet, TX",/m);
    expect(csv).toMatch(/^sonar:account:138,"138 Promo Way, Kingsland, ON",/m);
  });

  it('--csv-layout v2.2 names the AP by its Sonar id', async () => {
    scenario = await startScenario('libreqos-example');
    expect((await scenario.run(['--csv-layout', 'v2.2'])).code).toBe(0);
    const csv = (await readOutputs(scenario.outputDir))['ShapedDevices.csv'] ?? '';
    expect(csv).toMatch(/^sonar:account:3,Carol,sonar:device:503,LTU,AP-10\.2\.0\.1,sonar:ap:1002,/m);
  });

  it('the alias bin and the package bin field run the same tool', async () => {
    const alias = await new Promise<number | null>((resolve) => {
      spawn(process.execPath, [join(ROOT, 'bin/sonar_integration'), '--version']).on('close', resolve);
    });
    expect(alias).toBe(0);
    const pkg = JSON.parse(await readFile(join(ROOT, 'packages/sonar/package.json'), 'utf8'));
    expect(Object.keys(pkg.bin)).toEqual(['sonar-integration', 'sonar_integration']);
    expect(TOOL).toMatch(/bin\/sonar-integration$/);
  });
});
