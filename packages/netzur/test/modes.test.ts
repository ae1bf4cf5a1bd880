import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PLAN_JSON_SCHEMA } from '@wispsync/core';
import { Ajv } from 'ajv';
import { afterEach, describe, expect, it } from 'vitest';
import { API_KEY, EXPORT_PATH, ROOT, type Scenario, startScenario, TOOL } from './harness.js';

async function read(dir: string, file: string): Promise<string> {
  return readFile(join(dir, file), 'utf8');
}

async function fixture(name: string): Promise<{ zones: unknown[]; customers: Record<string, unknown>[] }> {
  return JSON.parse(await readFile(join(ROOT, 'test-data/netzur', name, 'export.json'), 'utf8'));
}

describe('netzur-integration output modes', () => {
  let scenario: Scenario | undefined;
  afterEach(async () => scenario?.close());

  it('--dry-run writes nothing and reports the change', async () => {
    scenario = await startScenario('excluded');
    const first = await scenario.run(['--dry-run']);
    expect(first.code, first.stderr).toBe(0);
    expect(await readdir(scenario.outputDir)).toEqual([]);
    expect(first.stdout).toMatch(/\+ circuit netzur_1001 "North One"/);

    expect((await scenario.run()).code).toBe(0);
    const csv = await read(scenario.outputDir, 'ShapedDevices.csv');
    const mtime = (await stat(join(scenario.outputDir, 'ShapedDevices.csv'))).mtimeMs;
    const changed = await fixture('excluded');
    changed.customers[0] = { ...changed.customers[0], download: 300 };
    changed.customers.splice(1, 1);
    changed.customers.push({
      subscriber_id: 2001,
      customerName: 'New Person',
      zone: 'South Tower',
      download: 20,
      upload: 5,
      ip: '100.64.20.9',
    });
    scenario.server.fault({
      path: EXPORT_PATH,
      status: 200,
      body: JSON.stringify(changed),
      contentType: 'application/json',
    });
    const dry = await scenario.run(['--dry-run']);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/1 circuit added, 1 removed, 1 changed/);
    expect(dry.stdout).toMatch(/\+ circuit netzur_2001 "New Person"/);
    expect(dry.stdout).toMatch(/- circuit netzur_1002 "North Two"/);
    expect(dry.stdout).toMatch(/~ circuit netzur_1001 "North One".*downloadMax/);
    expect(await read(scenario.outputDir, 'ShapedDevices.csv')).toBe(csv);
    expect((await stat(join(scenario.outputDir, 'ShapedDevices.csv'))).mtimeMs).toBe(mtime);
    // Unchanged source: the dry run says so.
    const same = await scenario.run(['--dry-run']);
    expect(same.stdout).toMatch(/No changes/);
  });

  it('--json prints the plan, valid against the documented schema, and writes nothing', async () => {
    scenario = await startScenario('basic');
    const result = await scenario.run(['--json']);
    expect(result.code, result.stderr).toBe(0);
    expect(await readdir(scenario.outputDir)).toEqual([]);
    const plan = JSON.parse(result.stdout);
    const validate = new Ajv({ allErrors: true }).compile(PLAN_JSON_SCHEMA);
    expect(validate(plan), JSON.stringify(validate.errors)).toBe(true);
    expect(plan.tool).toBe('netzur-integration');
    expect(plan.circuits.map((c: { id: string }) => c.id)).toContain('netzur_501');
    expect(plan.network.map((n: { name: string }) => n.name)).toEqual(['Zone A', 'Zone B', 'Zone C']);
    expect(result.stdout).not.toContain(API_KEY);
    // The document's docs page embeds this very schema.
    const docs = await readFile(join(ROOT, 'docs/json-output.md'), 'utf8');
    const block = docs.slice(docs.indexOf('```json\n{\n') + 8, docs.lastIndexOf('```'));
    expect(JSON.parse(block)).toEqual(PLAN_JSON_SCHEMA);
  });

  it('a run killed between the two renames never leaves a truncated file', async () => {
    scenario = await startScenario('excluded');
    expect((await scenario.run()).code).toBe(0);
    const oldCsv = await read(scenario.outputDir, 'ShapedDevices.csv');
    const changed = await fixture('excluded');
    changed.zones.push({ id: 9, name: 'East Tower', capacity_download_mbps: 300, capacity_upload_mbps: 300 });
    changed.customers.push({
      subscriber_id: 3001,
      customerName: 'East One',
      zone: 'East Tower',
      download: 10,
      upload: 10,
      ip: '100.64.30.1',
    });
    scenario.server.fault({
      path: EXPORT_PATH,
      status: 200,
      body: JSON.stringify(changed),
      contentType: 'application/json',
      times: 2,
    });
    const killed = await scenario.run([], { WISPSYNC_TEST_FAULT: 'kill-between-renames' });
    expect(killed.code).toBeNull(); // ended by SIGKILL
    const network = JSON.parse(await read(scenario.outputDir, 'network.json'));
    expect(Object.keys(network)).toContain('East Tower'); // the new network.json, complete
    expect(await read(scenario.outputDir, 'ShapedDevices.csv')).toBe(oldCsv); // the old CSV, complete
    // The next run cleans up after the killed one and completes the pair.
    const next = await scenario.run();
    expect(next.code, next.stderr).toBe(0);
    expect(await read(scenario.outputDir, 'ShapedDevices.csv')).toContain('netzur_3001');
    expect((await readdir(scenario.outputDir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('keeps the previous files as .bak', async () => {
    scenario = await startScenario('excluded');
    expect((await scenario.run()).code).toBe(0);
    const first = await read(scenario.outputDir, 'ShapedDevices.csv');
    expect((await scenario.run()).code).toBe(0);
    expect(await read(scenario.outputDir, 'ShapedDevices.csv.bak')).toBe(first);
    expect(await readdir(scenario.outputDir)).toEqual(
      expect.arrayContaining([
        'network.json',
        'network.json.bak',
        'ShapedDevices.csv',
        'ShapedDevices.csv.bak',
      ]),
    );
  });

  it('always_overwrite_network_json = false keeps network.json and re-homes circuits it lacks', async () => {
    scenario = await startScenario(
      'excluded',
      '[integration_common]\nalways_overwrite_network_json = false\n',
    );
    const kept =
      '{\n  "North Tower": { "downloadBandwidthMbps": 900, "uploadBandwidthMbps": 900, "type": "site" }\n}\n';
    await writeFile(join(scenario.outputDir, 'network.json'), kept);
    const result = await scenario.run();
    expect(result.code, result.stderr).toBe(0);
    expect(await read(scenario.outputDir, 'network.json')).toBe(kept);
    expect(result.stderr).toMatch(/has no node "South Tower": 1 circuit\(s\) placed at the top level/);
    const csv = await read(scenario.outputDir, 'ShapedDevices.csv');
    expect(csv).toMatch(/netzur_1001,North One,netzur_1001_device,North One_device,North Tower,/);
    expect(csv).toMatch(/netzur_1005,South One,netzur_1005_device,South One_device,,/);
  });

  it('--csv-layout v2.2 writes the 16-column header with Parent Node ID', async () => {
    scenario = await startScenario('excluded');
    expect((await scenario.run(['--csv-layout', 'v2.2'])).code).toBe(0);
    const [header, row] = (await read(scenario.outputDir, 'ShapedDevices.csv')).split('\n');
    expect(header).toBe(
      'Circuit ID,Circuit Name,Device ID,Device Name,Parent Node,Parent Node ID,Anchor Node ID,MAC,IPv4,IPv6,Download Min Mbps,Upload Min Mbps,Download Max Mbps,Upload Max Mbps,Comment,sqm',
    );
    expect(row).toMatch(
      /^netzur_1001,North One,netzur_1001_device,North One_device,North Tower,netzur:zone:1,,/,
    );
  });

  it('--save-responses then --from-responses gives the same files without the server', async () => {
    scenario = await startScenario('basic');
    const saved = await mkdtemp(join(tmpdir(), 'wispsync-saved-'));
    const live = await scenario.run(['--json', '--save-responses', saved]);
    expect(live.code, live.stderr).toBe(0);
    for (const file of await readdir(saved)) {
      expect(await read(saved, file)).not.toContain(API_KEY);
    }
    await scenario.server.close();
    const replayed = await scenario.run(['--json', '--from-responses', saved]);
    expect(replayed.code, replayed.stderr).toBe(0);
    expect(replayed.stdout).toBe(live.stdout);
  });

  it('a missing output directory is a clear error', async () => {
    scenario = await startScenario('basic');
    const result = await scenario.run(['--output-dir', join(scenario.dir, 'nope')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/output directory .*nope does not exist/);
  });

  it('the alias bin and pnpm-style bin field run the same tool', async () => {
    const alias = await new Promise<number | null>((resolve) => {
      spawn(process.execPath, [join(ROOT, 'bin/netzur_integration'), '--version']).on('close', resolve);
    });
    expect(alias).toBe(0);
    const pkg = JSON.parse(await readFile(join(ROOT, 'packages/netzur/package.json'), 'utf8'));
    expect(Object.keys(pkg.bin)).toEqual(['netzur-integration', 'netzur_integration']);
    expect(TOOL).toMatch(/bin\/netzur-integration$/);
  });
});
