import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PLAN_JSON_SCHEMA } from '@wispsync/core';
import { readOutputs } from '@wispsync/core/testing';
import { Ajv } from 'ajv';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT, runTool, type Scenario, startScenario, TOOL, writeGenerated } from './harness.js';
import { operations } from './mock.js';

describe('paging (offset/limit 500)', () => {
  let scenario: Scenario | undefined;
  afterEach(async () => scenario?.close());

  it.each([
    // 1,001 subscribers: pages at 0, 500 and 1000; the short last page ends it.
    [1001, 3, [0, 500, 1000]],
    // 1,000: the second page reaches the announced count, so no empty third page is asked for.
    [1000, 2, [0, 500]],
  ])('%i subscribers: %i Subs requests', async (subscribers, _pages, offsets) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'wispsync-visp-data-'));
    // 2 sites × 249 APs + 2 backhauls = 500 equipment rows: a full page, then an empty one.
    await writeGenerated(dataDir, { subscribers, sites: 2, apsPerSite: 249 });
    scenario = await startScenario('generated', { dataDir });
    const result = await scenario.run(['--quiet']);
    expect(result.code, result.stderr).toBe(0);
    const ops = operations(scenario.server.requests);
    expect(ops.filter((o) => o.op === 'Subs').map((o) => o.variables.offset)).toEqual(offsets);
    expect(ops.filter((o) => o.op === 'EquipmentPg').map((o) => o.variables.offset)).toEqual([0, 500]);
    const csv = (await readOutputs(scenario.outputDir))['ShapedDevices.csv'] ?? '';
    // ~1% speed-less and ~2% terminated services are skipped; every other subscriber is a circuit.
    const circuits = csv.trim().split('\n').length - 1;
    expect(circuits).toBeGreaterThan(subscribers * 0.95);
    expect(circuits).toBeLessThan(subscribers);
  });
});

describe('the per-customer lookup', () => {
  let scenario: Scenario | undefined;
  afterEach(async () => scenario?.close());

  it('disable_wifi_bulk (or VISP_DISABLE_WIFI_BULK) looks every subscriber up; order does not depend on concurrency', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'wispsync-visp-data-'));
    await writeGenerated(dataDir, { subscribers: 40, sites: 1, apsPerSite: 4, backfillEvery: 1 });
    scenario = await startScenario('generated', { dataDir, visp: 'backfill_concurrency = 8' });
    scenario.server.fault({ path: '/graphql', delayMs: 150, times: 6 }); // early lookups answer late
    const parallel = await scenario.run([], { VISP_DISABLE_WIFI_BULK: 'yes' });
    expect(parallel.code, parallel.stderr).toBe(0);
    expect(parallel.stderr).toMatch(/the wireless bulk query is disabled/);
    const ops = operations(scenario.server.requests);
    expect(ops.some((o) => o.op === 'Bulk')).toBe(false);
    expect(ops.filter((o) => o.op === 'CustomerServices')).toHaveLength(40);
    const first = await readOutputs(scenario.outputDir);
    const sequential = await scenario.run(['--force'], {
      WISPSYNC_VISP_INTEGRATION_BACKFILL_CONCURRENCY: '1',
      WISPSYNC_VISP_INTEGRATION_DISABLE_WIFI_BULK: 'true',
    });
    expect(sequential.code, sequential.stderr).toBe(0);
    expect(await readOutputs(scenario.outputDir)).toEqual(first);
    expect(first['ShapedDevices.csv']).toMatch(/\n500001,user1,500001_backfill,/);
  });

  it('a VISP schema without the extra service types: one warning, LibreQoS’s Wifi-only query after', async () => {
    scenario = await startScenario('network', {
      knownTypes: ['ServiceTypeWifi', 'ServiceTypeVoip'],
      visp: 'backfill_concurrency = 1', // lookups in parallel would each find out for themselves
    });
    const result = await scenario.run();
    expect(result.code, result.stderr).toBe(0);
    const warnings = result.stderr.match(/rejected the service-type fragments/g) ?? [];
    expect(warnings).toHaveLength(1);
    expect(result.stderr).toMatch(/Unknown type "ServiceTypeOtherConnection"/);
    const lookups = scenario.server.requests
      .filter((r) => r.body.includes('"CustomerServices"'))
      .map((r) => (JSON.parse(r.body) as { query: string }).query.includes('ServiceTypeFiberCircuit'));
    // The first lookup is refused and asked again without the extra types; the rest go without.
    expect(lookups[0]).toBe(true);
    expect(lookups.slice(1).every((asked) => !asked)).toBe(true);
    // Fibre details are not read any more: customer 21's fibre service has no speed now.
    const csv = (await readOutputs(scenario.outputDir))['ShapedDevices.csv'];
    expect(csv).toContain('6001,sokafor');
    expect(csv).not.toContain('6002,');
  });
});

describe('visp-integration output modes', () => {
  let scenario: Scenario | undefined;
  afterEach(async () => scenario?.close());

  it('--json prints the plan, valid against the documented schema, and writes nothing', async () => {
    scenario = await startScenario('network');
    const result = await scenario.run(['--json']);
    expect(result.code, result.stderr).toBe(0);
    expect(await readdir(scenario.outputDir)).toEqual([]);
    const plan = JSON.parse(result.stdout);
    const validate = new Ajv({ allErrors: true }).compile(PLAN_JSON_SCHEMA);
    expect(validate(plan), JSON.stringify(validate.errors)).toBe(true);
    expect(plan.tool).toBe('visp-integration');
    expect(plan.strategy).toBe('full');
    expect(plan.skipped).toMatchObject({ inactive: 3, 'no-speed': 1, 'no-ip': 2, 'lookup-failed': 1 });
  });

  it('--dry-run writes nothing and reports the change', async () => {
    scenario = await startScenario('libreqos-example');
    const dry = await scenario.run(['--dry-run']);
    expect(dry.code, dry.stderr).toBe(0);
    expect(await readdir(scenario.outputDir)).toEqual([]);
    expect(dry.stdout).toMatch(/\+ circuit 4001 "dave"/);
  });

  it('--strategy overrides the config; an unknown strategy in the config is exit 2', async () => {
    scenario = await startScenario('libreqos-example', { visp: 'strategy = "sideways"' });
    const bad = await scenario.run();
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/\[visp_integration\]\.strategy must be one of flat, ap_only, ap_site, full/);
    await scenario.close();
    scenario = await startScenario('libreqos-example', { visp: 'strategy = "full"' });
    const flat = await scenario.run(['--strategy', 'flat']);
    expect(flat.code, flat.stderr).toBe(0);
    expect(await readFile(join(scenario.outputDir, 'network.json'), 'utf8')).toBe('{}\n');
  });

  it('the alias bin and the package bin field run the same tool; --help lists the options', async () => {
    const alias = await new Promise<number | null>((resolve) => {
      spawn(process.execPath, [join(ROOT, 'bin/visp_integration'), '--version']).on('close', resolve);
    });
    expect(alias).toBe(0);
    const pkg = JSON.parse(await readFile(join(ROOT, 'packages/visp/package.json'), 'utf8'));
    expect(Object.keys(pkg.bin)).toEqual(['visp-integration', 'visp_integration']);
    expect(TOOL).toMatch(/bin\/visp-integration$/);
    const help = await runTool(['--help']);
    expect(help.code).toBe(0);
    for (const option of ['--config', '--strategy', '--json', '--dry-run', '--save-responses']) {
      expect(help.stdout).toContain(option);
    }
  });
});
