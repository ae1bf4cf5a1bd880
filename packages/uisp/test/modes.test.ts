import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PLAN_JSON_SCHEMA } from '@wispsync/core';
import { Ajv } from 'ajv';
import { afterEach, describe, expect, it } from 'vitest';
import {
  API,
  circuits,
  NETWORK_CONFIG,
  parents,
  ROOT,
  readOutput,
  type Scenario,
  startScenario,
  TOKEN,
  writeOutput,
} from './harness.js';

describe('uisp-integration modes and settings', () => {
  let scenario: Scenario | undefined;
  afterEach(async () => scenario?.close());

  it('asks UISP for sites, devices with interfaces and data-links, with X-Auth-Token', async () => {
    scenario = await startScenario('worked-example', { uisp: 'site = "Core"' });
    expect((await scenario.run()).code).toBe(0);
    const seen = scenario.server.requests
      .map((r) => `${r.method} ${r.path}?${new URLSearchParams(r.query)}`)
      .sort();
    expect(seen).toEqual([
      `GET ${API}/data-links?`,
      `GET ${API}/devices?withInterfaces=true`,
      `GET ${API}/sites?`,
    ]);
    for (const request of scenario.server.requests) expect(request.headers['x-auth-token']).toBe(TOKEN);
  });

  it('a URL that already goes past /nms/api/v2.1 is cut back to it', async () => {
    scenario = await startScenario('worked-example', { uisp: 'site = "Core"' });
    const url = `${scenario.server.url}/nms/api/v2.1/devices/`;
    const result = await scenario.run([], { WISPSYNC_UISP_INTEGRATION_URL: url });
    expect(result.code, result.stderr).toBe(0);
    expect(scenario.server.requests.map((r) => r.path)).toContain(`${API}/sites`);
  });

  it('--dry-run and --json write nothing, not even graph.dot', async () => {
    scenario = await startScenario('worked-example', { uisp: 'site = "Core"' });
    const dry = await scenario.run(['--dry-run']);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/\+ circuit site-jane "Jane Doe"/);
    const json = await scenario.run(['--json']);
    expect(json.code, json.stderr).toBe(0);
    expect(await readdir(scenario.outputDir)).toEqual([]);
    const plan = JSON.parse(json.stdout);
    const validate = new Ajv({ allErrors: true }).compile(PLAN_JSON_SCHEMA);
    expect(validate(plan), JSON.stringify(validate.errors)).toBe(true);
    expect(plan.tool).toBe('uisp-integration');
    expect(plan.strategy).toBe('full');
    expect(json.stdout).not.toContain(TOKEN);
  });

  it('--save-responses then --from-responses gives the same plan without UISP; no token saved', async () => {
    scenario = await startScenario('network', { uisp: NETWORK_CONFIG });
    const saved = await mkdtemp(join(tmpdir(), 'wispsync-uisp-saved-'));
    const live = await scenario.run(['--json', '--save-responses', saved]);
    expect(live.code, live.stderr).toBe(0);
    const files = await readdir(saved);
    expect(files.length).toBe(3);
    for (const file of files) expect(await readFile(join(saved, file), 'utf8')).not.toContain(TOKEN);
    await scenario.server.close();
    const replayed = await scenario.run(['--json', '--from-responses', saved]);
    expect(replayed.code, replayed.stderr).toBe(0);
    expect(replayed.stdout).toBe(live.stdout);
  });

  it('strategy and suspended_strategy come from the config; full2 is full, "" is none', async () => {
    scenario = await startScenario('worked-example', {
      uisp: 'site = "Core"\nstrategy = "AP_Only"\nsuspended_strategy = ""',
    });
    expect((await scenario.run()).code).toBe(0);
    expect(Object.keys(JSON.parse(await readOutput(scenario, 'network.json')))).toEqual(['AP-TowerA']);
    expect(circuits(await readOutput(scenario, 'ShapedDevices.csv')).get('site-bob')?.downloadMax).toBe(50);
    await scenario.close();
    scenario = await startScenario('worked-example', { uisp: 'site = "Core"\nstrategy = "full2"' });
    expect((await scenario.run()).code).toBe(0);
    expect(Object.keys(JSON.parse(await readOutput(scenario, 'network.json')))).toEqual(['BH-Core']);
  });

  it('site left empty: the one site with an Internet link is the root', async () => {
    scenario = await startScenario('network', { uisp: NETWORK_CONFIG.replace('site = "Core DC"', '') });
    const result = await scenario.run();
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/\[uisp_integration\]\.site is empty: the full tree starts at "Core DC"/);
    expect(Object.keys(JSON.parse(await readOutput(scenario, 'network.json')))).toContain('BH-Core-North');
  });

  it('integrationUISPbandwidths.csv sets capacities by node name; unknown names are reported', async () => {
    scenario = await startScenario('network', { uisp: NETWORK_CONFIG });
    await writeOutput(
      scenario,
      'integrationUISPbandwidths.csv',
      'ParentNode,Download Mbps,Upload Mbps\nNorth Tower,800,400\nAP-East-2,100,30\nSW-North,10,10\nNo Such Tower,5,5\n',
    );
    const result = await scenario.run();
    expect(result.code, result.stderr).toBe(0);
    const network = JSON.parse(await readOutput(scenario, 'network.json'));
    const north = network['BH-Core-North'].children['North Tower'];
    expect([north.downloadBandwidthMbps, north.uploadBandwidthMbps]).toEqual([800, 400]);
    const east2 = network['BH-Core-East'].children['East Tower'].children['AP-East-2'];
    expect([east2.downloadBandwidthMbps, east2.uploadBandwidthMbps]).toEqual([100, 30]);
    expect(result.stderr).toMatch(
      /integrationUISPbandwidths\.csv line 5: no site or device named "No Such Tower"/,
    );
    // SW-North exists in UISP but carries nothing, so it is no node: not worth a warning.
    expect(result.stderr).not.toMatch(/"SW-North"/);
  });

  it('integrationUISProutes.csv re-routes the redundant loop of the realistic network', async () => {
    scenario = await startScenario('network', { uisp: NETWORK_CONFIG });
    expect((await scenario.run()).code).toBe(0);
    expect(await readOutput(scenario, 'network.json')).toContain('"BH-North-Ridge"');
    await writeOutput(
      scenario,
      'integrationUISProutes.csv',
      'North Tower,Ridge Tower,50\nEast Tower,Lab,10\nNowhere,Lab,1\n',
    );
    const result = await scenario.run();
    expect(result.code, result.stderr).toBe(0);
    const network = JSON.parse(await readOutput(scenario, 'network.json'));
    const ridge =
      network['BH-Core-East'].children['East Tower'].children['BH-East-Ridge'].children['Ridge Tower'];
    expect([ridge.downloadBandwidthMbps, ridge.uploadBandwidthMbps]).toEqual([780, 790]);
    expect(result.stderr).toMatch(/integrationUISProutes\.csv line 3: no data-link from "Nowhere" to "Lab"/);
    const dot = await readOutput(scenario, 'graph.dot');
    expect(dot).toContain(
      '"uisp:device:d-north-bh-ridge" -> "uisp:device:d-ridge-bh-north" [label="50" constraint=false fontcolor="blue"];',
    );
    expect(dot).toContain(
      '"uisp:device:d-east-bh-ridge" -> "uisp:device:d-ridge-bh-east" [label="10" color="red" penwidth=2];',
    );
  });

  it('circuit_name_as_address and --csv-layout v2.2 (Parent Node ID is the UISP node id)', async () => {
    scenario = await startScenario('worked-example', {
      uisp: 'site = "Core"',
      extra: '[integration_common]\ncircuit_name_as_address = true\n',
    });
    expect((await scenario.run(['--csv-layout', 'v2.2'])).code).toBe(0);
    const [, jane] = (await readOutput(scenario, 'ShapedDevices.csv')).split('\n');
    expect(jane).toMatch(
      /^site-jane,"12 Oak St, Town, 12345, State, Country",dev-cpe-jane,CPE-Jane,AP-TowerA,uisp:device:dev-ap-tower,,/,
    );
  });

  it('always_overwrite_network_json = false keeps network.json and still writes the rest', async () => {
    scenario = await startScenario('worked-example', {
      uisp: 'site = "Core"',
      extra: '[integration_common]\nalways_overwrite_network_json = false\n',
    });
    const kept =
      '{\n  "AP-TowerA": { "downloadBandwidthMbps": 100, "uploadBandwidthMbps": 50, "type": "ap" }\n}\n';
    await writeOutput(scenario, 'network.json', kept);
    expect((await scenario.run()).code).toBe(0);
    expect(await readOutput(scenario, 'network.json')).toBe(kept);
    expect(parents(await readOutput(scenario, 'ShapedDevices.csv')).get('site-jane')).toBe('AP-TowerA');
  });

  it('the alias bin runs the same tool; the package ships both override templates', async () => {
    const code = await new Promise<number | null>((resolve) => {
      spawn(process.execPath, [join(ROOT, 'bin/uisp_integration'), '--version']).on('close', resolve);
    });
    expect(code).toBe(0);
    const pkg = JSON.parse(await readFile(join(ROOT, 'packages/uisp/package.json'), 'utf8'));
    expect(Object.keys(pkg.bin)).toEqual(['uisp-integration', 'uisp_integration']);
    expect(pkg.files).toEqual(
      expect.arrayContaining([
        'integrationUISPbandwidths.template.csv',
        'integrationUISProutes.template.csv',
      ]),
    );
    const template = await readFile(
      join(ROOT, 'packages/uisp/integrationUISPbandwidths.template.csv'),
      'utf8',
    );
    expect(template.split('\n')[0]).toBe('ParentNode,Download Mbps,Upload Mbps');
  });
});
