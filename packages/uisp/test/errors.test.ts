import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { assertNoSecret, OUTPUT_FILES, readOutputs } from '@wispsync/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { API, readOutput, runTool, type Scenario, startScenario, TOKEN, writeOutput } from './harness.js';

const WORKED = 'site = "Core"';

function snapshot(scenario: Scenario): Promise<Record<string, string>> {
  return readOutputs(scenario.outputDir, [...OUTPUT_FILES, 'graph.dot']);
}

function expectNoSecret(result: { stdout: string; stderr: string }, secret = TOKEN): void {
  assertNoSecret(result, secret);
}

describe('uisp-integration failures', () => {
  let scenario: Scenario | undefined;
  afterEach(async () => scenario?.close());

  it('401: exit 3, names the token setting, never prints the token', async () => {
    scenario = await startScenario('worked-example', { uisp: WORKED });
    const wrong = 'uisp-wrong-token-9999';
    const result = await scenario.run([], { WISPSYNC_UISP_INTEGRATION_TOKEN: wrong });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/error: UISP: GET .*\/nms\/api\/v2\.1\/.* HTTP 401/);
    expect(result.stderr).toMatch(/hint: check \[uisp_integration\]\.token/);
    expectNoSecret(result, wrong);
    expectNoSecret(result);
    expect(scenario.server.requests[0]?.headers['x-auth-token']).toBe(wrong);
  });

  it('500 then 200: succeeds through a retry', async () => {
    scenario = await startScenario('worked-example', { uisp: WORKED });
    scenario.server.fault({ path: `${API}/devices`, status: 500, times: 1 });
    const result = await scenario.run();
    expect(result.code, result.stderr).toBe(0);
    expect(scenario.server.requests.filter((r) => r.path === `${API}/devices`)).toHaveLength(2);
    expect(await readOutput(scenario, 'ShapedDevices.csv')).toContain('site-jane');
  });

  it('a response slower than the timeout: exit 3', async () => {
    scenario = await startScenario('worked-example', { uisp: WORKED, timeoutSecs: 1 });
    scenario.server.fault({ path: `${API}/sites`, delayMs: 1500, times: Number.POSITIVE_INFINITY });
    const result = await scenario.run();
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/timed out after 1 s/);
  });

  it.each([
    ['truncated JSON', { truncate: true }, /truncated or malformed JSON/],
    ['an HTML page', { html: true }, /not JSON \(it starts with "<!DOCTYPE html>/i],
    [
      'an object instead of a list',
      { status: 200, body: '{"statusCode":200,"items":[]}', contentType: 'application/json' },
      /GET data-links did not return a JSON list \(got an object\)/,
    ],
  ])('%s: exit 3 and the old files untouched', async (_label, fault, message) => {
    scenario = await startScenario('worked-example', { uisp: WORKED });
    expect((await scenario.run()).code).toBe(0);
    const before = await snapshot(scenario);
    scenario.server.fault({ path: `${API}/data-links`, times: Number.POSITIVE_INFINITY, ...fault });
    const result = await scenario.run();
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(message);
    expect(await snapshot(scenario)).toEqual(before);
  });

  it('UISP is down: exit 3, connection refused, no stack trace', async () => {
    scenario = await startScenario('worked-example', { uisp: WORKED });
    await scenario.server.close();
    const result = await scenario.run();
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/connection refused/);
    expect(result.stderr).toMatch(/hint: check \[uisp_integration\]\.url/);
    expect(result.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it('empty lists over existing files: exit 5, files byte-identical', async () => {
    scenario = await startScenario('worked-example', { uisp: WORKED, extra: '' });
    expect((await scenario.run(['--strategy', 'flat'])).code).toBe(0);
    const csv = await readOutput(scenario, 'ShapedDevices.csv');
    const mtime = (await stat(join(scenario.outputDir, 'ShapedDevices.csv'))).mtimeMs;
    for (const endpoint of ['sites', 'devices', 'data-links']) {
      scenario.server.fault({
        path: `${API}/${endpoint}`,
        status: 200,
        body: '[]',
        contentType: 'application/json',
      });
    }
    const result = await scenario.run(['--strategy', 'flat']);
    expect(result.code).toBe(5);
    expect(result.stderr).toMatch(
      /refusing to write: the new ShapedDevices.csv has no circuits, the current one has 2/,
    );
    expect(await readOutput(scenario, 'ShapedDevices.csv')).toBe(csv);
    expect((await stat(join(scenario.outputDir, 'ShapedDevices.csv'))).mtimeMs).toBe(mtime);
  });

  it('bad records are skipped with a warning naming each; the rest is written', async () => {
    scenario = await startScenario('bad-records', { uisp: 'site = "Tower One"' });
    const result = await scenario.run();
    expect(result.code, result.stderr).toBe(0);
    for (const warning of [
      /UISP site #3 "Site Without Id" skipped: record is missing id/,
      /UISP site c-foo "Odd Type" skipped: identification\.type must be equal to one of the allowed values/,
      /UISP site c-nosusp "No Suspended Flag" skipped: identification is missing suspended/,
      /UISP site c-strspeed "Text Speed" skipped: qos\.downloadSpeed must be number or null \(got "100000000"\)/,
      /UISP site #8 skipped: record must be object/,
      /UISP site id c-good \("Good Client Again"\) appears twice: the first one is used/,
      /UISP device #3 "CPE-NoId" skipped: identification is missing id/,
      /UISP device cpe-numhost "12345" skipped: identification\.hostname must be string or null \(got 12345\)/,
      /UISP device cpe-badcap "CPE-BadCapacity" skipped: overview\.downlinkCapacity must be number or null \(got "fast"\)/,
      /UISP device cpe-badifaces "CPE-BadInterfaces" skipped: interfaces must be array or null/,
      /UISP data-link link-no-from skipped: record is missing from/,
      /UISP data-link link-bad-device skipped: from\.device\.identification is missing id/,
    ]) {
      expect(result.stderr).toMatch(warning);
    }
    expect(result.stderr).toMatch(/· 12 skipped ·/);
    const csv = await readOutput(scenario, 'ShapedDevices.csv');
    expect(csv.trim().split('\n')).toEqual([
      expect.stringMatching(/^Circuit ID,/),
      'c-good,Good Client,cpe-good,CPE-Good,AP-One,24:5a:4c:00:10:02,100.64.50.2,,49,9.8,50,10,',
    ]);
  });

  it('config errors exit 2 and name [uisp_integration].<key>', async () => {
    const cases: [string, NodeJS.ProcessEnv, RegExp][] = [
      ['site = "Nowhere"', {}, /config: \[uisp_integration\]\.site "Nowhere" is not a UISP site/],
      ['site = "Core"\nexclude_sites = ["Core"]', {}, /exclude_sites names the root site "Core"/],
      [
        'site = "Core"\nstrategy = "tree"',
        {},
        /\[uisp_integration\]\.strategy must be one of flat, ap_only, ap_site, full/,
      ],
      [
        'site = "Core"\nsuspended_strategy = "pause"',
        {},
        /\[uisp_integration\]\.suspended_strategy must be one of/,
      ],
      [
        'site = "Core"\nairmax_capacity = 0',
        {},
        /\[uisp_integration\]\.airmax_capacity must be greater than 0/,
      ],
      [
        WORKED,
        { WISPSYNC_UISP_INTEGRATION_URL: '' },
        /\[uisp_integration\]\.url is empty — set it to the address of your UISP/,
      ],
      [WORKED, { WISPSYNC_UISP_INTEGRATION_TOKEN: '' }, /\[uisp_integration\]\.token is empty/],
    ];
    for (const [uisp, env, message] of cases) {
      scenario = await startScenario('worked-example', { uisp });
      const result = await scenario.run([], env);
      expect(result.code, `${uisp}: ${result.stderr}`).toBe(2);
      expect(result.stderr).toMatch(message);
      expectNoSecret(result);
      await scenario.close();
      scenario = undefined;
    }
  });

  it('a malformed override file is a config error naming the file and line', async () => {
    scenario = await startScenario('worked-example', { uisp: WORKED });
    await writeOutput(scenario, 'integrationUISProutes.csv', 'Core,Tower A,10\nCore,Tower A\n');
    const routes = await scenario.run();
    expect(routes.code).toBe(2);
    expect(routes.stderr).toMatch(/integrationUISProutes\.csv line 2: expected "from site, to site, cost"/);
    await writeOutput(scenario, 'integrationUISProutes.csv', '');
    await writeOutput(
      scenario,
      'integrationUISPbandwidths.csv',
      'ParentNode,Download Mbps,Upload Mbps\nTower A,fast,100\n',
    );
    const bandwidths = await scenario.run();
    expect(bandwidths.code).toBe(2);
    expect(bandwidths.stderr).toMatch(/integrationUISPbandwidths\.csv line 2/);
  });

  it('two concurrent runs: the second exits 6 at once', async () => {
    scenario = await startScenario('worked-example', { uisp: WORKED });
    scenario.server.fault({ path: `${API}/sites`, delayMs: 1500 });
    const first = scenario.run();
    await new Promise((resolve) => setTimeout(resolve, 400));
    const second = await scenario.run();
    expect(second.code).toBe(6);
    expect((await first).code).toBe(0);
  });

  it('usage errors exit 2; --help lists --strategy; --version prints the version', async () => {
    expect((await runTool(['--strategy', 'tree'])).code).toBe(2);
    const help = await runTool(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout.replace(/\s+/g, ' ')).toContain(
      '--strategy <name> topology strategy (default: [uisp_integration].strategy) (choices: "flat", "ap_only", "ap_site", "full")',
    );
    expect((await runTool(['--version'])).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const pkg = JSON.parse(await readFile(join(__dirname, '../package.json'), 'utf8'));
    expect((await runTool(['--version'])).stdout.trim()).toBe(pkg.version);
  });
});
