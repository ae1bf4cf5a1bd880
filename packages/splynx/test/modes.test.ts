import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PLAN_JSON_SCHEMA, parseBandwidthOverrides } from '@wispsync/core';
import { Ajv } from 'ajv';
import { afterEach, describe, expect, it } from 'vitest';
import { API_KEY, API_SECRET, DATA, ROOT, type Scenario, startScenario, TOOL } from './harness.js';
import { basicAuth } from './mock.js';

async function read(dir: string, file: string): Promise<string> {
  return readFile(join(dir, file), 'utf8');
}

const expected = (name: string, file: string) => read(join(DATA, 'realistic/expected', name), file);

/** Circuit id → Parent Node, from a legacy-layout CSV (the Parent Node column is the fifth). */
async function parents(dir: string): Promise<Map<string, string>> {
  const rows = (await read(dir, 'ShapedDevices.csv')).trim().split('\n').slice(1);
  return new Map(
    rows.map((row) => [row.split(',')[0] ?? '', row.replace(/"[^"]*"/g, '').split(',')[4] ?? '']),
  );
}

const RIVER_CIRCUITS = ['2007', '2009', '2010', '2019', '2027', '2030', '2032', '2033', '2036', '2037'];

describe('splynx-integration options and modes', () => {
  let scenario: Scenario | undefined;
  afterEach(async () => scenario?.close());

  it('the default strategy is ap_only', async () => {
    scenario = await startScenario('realistic');
    expect((await scenario.run()).code).toBe(0);
    for (const file of ['network.json', 'ShapedDevices.csv'])
      expect(await read(scenario.outputDir, file)).toBe(await expected('ap_only', file));
  });

  it('--strategy overrides the config; the config value is read in any letter case', async () => {
    scenario = await startScenario('realistic', { splynx: 'strategy = " FULL "' });
    expect((await scenario.run()).code).toBe(0);
    expect(await read(scenario.outputDir, 'network.json')).toBe(await expected('full', 'network.json'));
    expect((await scenario.run(['--strategy', 'flat'])).code).toBe(0);
    for (const file of ['network.json', 'ShapedDevices.csv'])
      expect(await read(scenario.outputDir, file)).toBe(await expected('flat', file));
  });

  it.each(['full', 'ap_site', 'ap_only', 'flat'])(
    'exclude_sites removes a monitoring site, its APs and their circuits (%s)',
    async (strategy) => {
      scenario = await startScenario('realistic', {
        config: '[uisp_integration]\nexclude_sites = ["river relay"]',
        splynx: `strategy = "${strategy}"`,
      });
      const result = await scenario.run(['--json']);
      expect(result.code, result.stderr).toBe(0);
      const plan = JSON.parse(result.stdout);
      const ids = plan.circuits.map((c: { id: string }) => c.id);
      // (ap_site builds Network Sites → APs, where the relay is no node; its APs go all the same.)
      for (const id of RIVER_CIRCUITS) expect(ids).not.toContain(id);
      expect(plan.skipped.excluded).toBe(RIVER_CIRCUITS.length);
      expect(JSON.stringify(plan.network)).not.toMatch(/River Relay|PTMP/);
      expect(ids).toHaveLength(36 - RIVER_CIRCUITS.length);
    },
  );

  it('exclude_sites with Network Sites: a network site and its APs go', async () => {
    scenario = await startScenario('realistic', {
      config: '[uisp_integration]\nexclude_sites = ["Riverside"]',
      splynx: 'strategy = "ap_site"',
    });
    const plan = JSON.parse((await scenario.run(['--json'])).stdout);
    const ids = plan.circuits.map((c: { id: string }) => c.id);
    for (const id of RIVER_CIRCUITS) expect(ids).not.toContain(id);
    expect(plan.network.map((n: { name: string }) => n.name)).toEqual(['Hilltop', 'Lakeshore', 'Depot AP']);
  });

  it('exception_cpes moves a circuit under the node named', async () => {
    scenario = await startScenario('realistic', {
      config:
        '[uisp_integration]\nexception_cpes = ["2039:Depot AP", { cpe = "Wen Li", parent = "River Relay_PTMP 1" }]',
      splynx: 'strategy = "full"',
    });
    expect((await scenario.run()).code).toBe(0);
    const byId = await parents(scenario.outputDir);
    expect(byId.get('2039')).toBe('Depot AP');
    expect(byId.get('2028')).toBe('River Relay_PTMP 1');
    expect(byId.get('2001')).toBe('Hilltop Tower_Sector North');
  });

  it('ignore_subnets drops those addresses, and services left with none', async () => {
    scenario = await startScenario('realistic', {
      config: '[ip_ranges]\nignore_subnets = ["100.64.30.0/24"]',
      splynx: 'strategy = "full"',
    });
    const plan = JSON.parse((await scenario.run(['--json'])).stdout);
    const byId = new Map(plan.circuits.map((c: { id: string }) => [c.id, c]));
    for (const id of ['2011', '2012', '2014', '2040']) expect(byId.has(id)).toBe(false);
    // The route outside the ignored subnet, and the IPv6 addresses, stay.
    expect(byId.get('2013')).toMatchObject({ devices: [{ ipv4: ['100.64.230.0/28'] }] });
    expect(byId.get('2029')).toMatchObject({
      devices: [{ ipv4: [], ipv6: ['2001:db8:30:29::1', '2001:db8:2900::/56'] }],
    });
    expect(plan.skipped['no-ip']).toBe(1 + 4);
  });

  it('circuit_name_as_address names circuits by the customer address (else the name)', async () => {
    scenario = await startScenario('realistic', {
      config: '[integration_common]\ncircuit_name_as_address = true',
    });
    const plan = JSON.parse((await scenario.run(['--json'])).stdout);
    const name = (id: string) => plan.circuits.find((c: { id: string }) => c.id === id)?.name;
    expect(name('2001')).toBe('12 Ridge Rd, Hilltown, 55101');
    expect(name('2039')).toBe('Hilltown');
    expect(name('2005')).toBe('Dana Whitfield');
    expect(name('2022')).toBe('199');
  });

  it('always_overwrite_network_json = false keeps network.json and re-homes circuits it lacks', async () => {
    scenario = await startScenario('realistic', {
      config: '[integration_common]\nalways_overwrite_network_json = false',
      splynx: 'strategy = "full"',
    });
    const kept =
      '{\n  "Hilltop Tower_Sector North": { "downloadBandwidthMbps": 900, "uploadBandwidthMbps": 900, "type": "ap" }\n}\n';
    await writeFile(join(scenario.outputDir, 'network.json'), kept);
    const result = await scenario.run();
    expect(result.code, result.stderr).toBe(0);
    expect(await read(scenario.outputDir, 'network.json')).toBe(kept);
    expect(result.stderr).toMatch(
      /has no node "River Relay_PTMP 1": \d+ circuit\(s\) placed at the top level/,
    );
    const byId = await parents(scenario.outputDir);
    expect(byId.get('2001')).toBe('Hilltop Tower_Sector North');
    expect(byId.get('2009')).toBe('');
  });

  it('--json prints the plan (valid against the documented schema) and writes nothing', async () => {
    scenario = await startScenario('realistic', { splynx: 'strategy = "ap_site"' });
    const result = await scenario.run(['--json']);
    expect(result.code, result.stderr).toBe(0);
    expect(await readdir(scenario.outputDir)).toEqual([]);
    const plan = JSON.parse(result.stdout);
    const validate = new Ajv({ allErrors: true }).compile(PLAN_JSON_SCHEMA);
    expect(validate(plan), JSON.stringify(validate.errors)).toBe(true);
    expect(plan.tool).toBe('splynx-integration');
    expect(plan.strategy).toBe('ap_site');
    expect(plan.network.map((n: { name: string }) => n.name)).toEqual([
      'Hilltop',
      'Riverside',
      'Lakeshore',
      'Depot AP',
    ]);
  });

  it('--dry-run writes nothing and lists the changes', async () => {
    scenario = await startScenario('realistic', { splynx: 'strategy = "full"' });
    const first = await scenario.run(['--dry-run']);
    expect(first.code, first.stderr).toBe(0);
    expect(await readdir(scenario.outputDir)).toEqual([]);
    expect(first.stdout).toMatch(/\+ circuit 2001 "Ada Okafor"/);
    expect((await scenario.run()).code).toBe(0);
    const same = await scenario.run(['--dry-run']);
    expect(same.stdout).toMatch(/No changes/);
    const other = await scenario.run(['--dry-run', '--strategy', 'ap_only']);
    expect(other.stdout).toMatch(/~ circuit 2006 "Eastside Grocery".*parent/);
  });

  it('--save-responses then --from-responses gives the same plan without Splynx; no secret is saved', async () => {
    scenario = await startScenario('realistic', { splynx: 'page_size = 10\nstrategy = "full"' });
    const saved = await mkdtemp(join(tmpdir(), 'wispsync-splynx-saved-'));
    const live = await scenario.run(['--json', '--save-responses', saved]);
    expect(live.code, live.stderr).toBe(0);
    const files = await readdir(saved);
    expect(files.length).toBeGreaterThan(7);
    for (const file of files) {
      const text = await read(saved, file);
      for (const secret of [API_KEY, API_SECRET, basicAuth(API_KEY, API_SECRET).slice(6)])
        expect(text).not.toContain(secret);
    }
    await scenario.server.close();
    const replayed = await scenario.run(['--json', '--from-responses', saved]);
    expect(replayed.code, replayed.stderr).toBe(0);
    expect(replayed.stdout).toBe(live.stdout);
  });

  it('--csv-layout v2.2 writes Parent Node ID', async () => {
    scenario = await startScenario('realistic', { splynx: 'strategy = "full"' });
    expect((await scenario.run(['--csv-layout', 'v2.2'])).code).toBe(0);
    const [header, row] = (await read(scenario.outputDir, 'ShapedDevices.csv')).split('\n');
    expect(header).toMatch(/^Circuit ID,Circuit Name,Device ID,Device Name,Parent Node,Parent Node ID,/);
    expect(row).toMatch(
      /^2001,Ada Okafor,splynx_service_2001,Ada Okafor,Hilltop Tower_Sector North,splynx:ap:101,/,
    );
  });

  it('the alias bin runs the same tool; the package declares both bins and ships the template', async () => {
    const alias = await new Promise<number | null>((resolve) => {
      spawn(process.execPath, [join(ROOT, 'bin/splynx_integration'), '--version']).on('close', resolve);
    });
    expect(alias).toBe(0);
    const pkg = JSON.parse(await read(join(ROOT, 'packages/splynx'), 'package.json'));
    expect(Object.keys(pkg.bin)).toEqual(['splynx-integration', 'splynx_integration']);
    expect(pkg.files).toContain('integrationSplynxBandwidths.template.csv');
    const template = await read(join(ROOT, 'packages/splynx'), 'integrationSplynxBandwidths.template.csv');
    expect(template.split('\n')[0]).toBe('ParentNode,Download Mbps,Upload Mbps');
    // As shipped it parses cleanly and overrides nothing.
    expect(parseBandwidthOverrides(template, 'template')).toEqual([]);
    expect(TOOL).toMatch(/bin\/splynx-integration$/);
  });
});
