import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PLAN_JSON_SCHEMA } from '@wispsync/core';
import { Ajv } from 'ajv';
import { afterEach, describe, expect, it } from 'vitest';
import { API_KEY, powercodeRoute, readLists, type Scenario, startScenario } from './harness.js';

async function read(dir: string, file: string): Promise<string> {
  return readFile(join(dir, file), 'utf8');
}

const HAND_MADE = `{
  "Tower North": { "downloadBandwidthMbps": 900, "uploadBandwidthMbps": 900, "type": "site" }
}
`;

describe('powercode-integration and network.json', () => {
  let scenario: Scenario | undefined;
  afterEach(async () => scenario?.close());

  it('always_overwrite_network_json = false keeps an existing network.json byte for byte', async () => {
    scenario = await startScenario('spec', '[integration_common]\nalways_overwrite_network_json = false\n');
    await writeFile(join(scenario.outputDir, 'network.json'), HAND_MADE);
    const mtime = (await stat(join(scenario.outputDir, 'network.json'))).mtimeMs;
    const result = await scenario.run();
    expect(result.code, result.stderr).toBe(0);
    expect(await read(scenario.outputDir, 'network.json')).toBe(HAND_MADE);
    expect((await stat(join(scenario.outputDir, 'network.json'))).mtimeMs).toBe(mtime);
    expect(result.stderr).toMatch(/network\.json kept/);
    // Every circuit sits at the top level: Parent Node stays empty.
    expect(await read(scenario.outputDir, 'ShapedDevices.csv')).toMatch(
      /^101,Alice,c_101_s__d_11,Router A,,/m,
    );
  });

  it('always_overwrite_network_json = false and no network.json yet: writes {}', async () => {
    scenario = await startScenario('spec', '[integration_common]\nalways_overwrite_network_json = false\n');
    expect((await scenario.run()).code).toBe(0);
    expect(await read(scenario.outputDir, 'network.json')).toBe('{}\n');
  });

  it('always_overwrite_network_json = true (the default) replaces it with the flat {}', async () => {
    scenario = await startScenario('spec');
    await writeFile(join(scenario.outputDir, 'network.json'), HAND_MADE);
    const result = await scenario.run();
    expect(result.code, result.stderr).toBe(0);
    expect(await read(scenario.outputDir, 'network.json')).toBe('{}\n');
    expect(await read(scenario.outputDir, 'network.json.bak')).toBe(HAND_MADE);
  });

  it('--dry-run writes nothing and reports the change', async () => {
    scenario = await startScenario('spec');
    const first = await scenario.run(['--dry-run']);
    expect(first.code, first.stderr).toBe(0);
    expect(await readdir(scenario.outputDir)).toEqual([]);
    expect(first.stdout).toMatch(/\+ circuit 101 "Alice"/);
    expect((await scenario.run()).code).toBe(0);
    const lists = await readLists('spec');
    const services = (lists.services as { id: string }[]).map((s) =>
      s.id === '55' ? { ...s, rate_down: '50000' } : s,
    );
    scenario.server.setRoutes([powercodeRoute(() => ({ ...lists, services }))]);
    const dry = await scenario.run(['--dry-run']);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/~ circuit 1 "1".*downloadMax/);
  });

  it('--json prints a plan valid against the documented schema, with no key in it', async () => {
    scenario = await startScenario('realistic');
    const result = await scenario.run(['--json']);
    expect(result.code, result.stderr).toBe(0);
    expect(await readdir(scenario.outputDir)).toEqual([]);
    const plan = JSON.parse(result.stdout);
    const validate = new Ajv({ allErrors: true }).compile(PLAN_JSON_SCHEMA);
    expect(validate(plan), JSON.stringify(validate.errors)).toBe(true);
    expect(plan.tool).toBe('powercode-integration');
    expect(plan.network).toEqual([]);
    expect(result.stdout).not.toContain(API_KEY);
  });

  it('rates follow the shared multipliers like every tool', async () => {
    scenario = await startScenario(
      'spec',
      '[uisp_integration]\nbandwidth_overhead_factor = 1.15\ncommit_bandwidth_multiplier = 0.9\n',
    );
    expect((await scenario.run()).code).toBe(0);
    // Service 56: 100000/20000 kbps → plan 100/20 Mbps → max × 1.15, min × 0.9.
    expect(await read(scenario.outputDir, 'ShapedDevices.csv')).toMatch(
      /^101,Alice,c_101_s__d_11,Router A,,AA:11,100\.64\.9\.11,,90,18,115,23,$/m,
    );
  });
});
