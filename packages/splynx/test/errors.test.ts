import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { assertNoSecret, readOutputs } from '@wispsync/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { API_KEY, API_SECRET, DATA, runTool, type Scenario, startScenario } from './harness.js';
import { basicAuth, pathOf } from './mock.js';

const SERVICES = pathOf('internet-services.json');
const TARIFFS = pathOf('tariffs.json');

const snapshot = readOutputs;

function expectNoSecrets(result: { stdout: string; stderr: string }, ...secrets: string[]): void {
  assertNoSecret(result, ...[API_KEY, API_SECRET, basicAuth(API_KEY, API_SECRET).slice(6), ...secrets]);
}

describe('splynx-integration failures', () => {
  let scenario: Scenario | undefined;
  afterEach(async () => scenario?.close());

  it('401: exit 3, names the settings and the API-key permissions, never prints the key or secret', async () => {
    scenario = await startScenario('realistic');
    const wrong = 'spx-wrong-secret-5150';
    const result = await scenario.run([], { WISPSYNC_SPLYNX_INTEGRATION_API_SECRET: wrong });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(
      /error: Splynx: GET .*\/api\/2\.0\/admin\/tariffs\/internet.* failed: HTTP 401/,
    );
    expect(result.stderr).toMatch(/hint: check \[splynx_integration\]\.api_key and api_secret/);
    expect(result.stderr).toMatch(/"Unsecure access" enabled/);
    for (const permission of [
      'Tariff Plans › Internet',
      'Customers › Customer,',
      'Customers › Customers Online',
      'Customers › Customer Internet services',
      'Networking › Routers',
      'Networking › Monitoring',
      'Networking › Network Sites',
    ]) {
      expect(result.stderr).toContain(permission);
    }
    expectNoSecrets(result, wrong, basicAuth(API_KEY, wrong).slice(6));
    // One request only: the credentials are checked before the other lists are asked for.
    expect(scenario.server.requests).toHaveLength(1);
    expect(scenario.server.requests[0]?.headers.authorization).toBe(basicAuth(API_KEY, wrong));
  });

  it('403 on one list: exit 3 naming the permission that list needs', async () => {
    scenario = await startScenario('realistic');
    scenario.server.fault({
      path: pathOf('monitoring.json'),
      status: 403,
      body: '{"error":{"message":"Forbidden","code":403}}',
    });
    const result = await scenario.run(['--strategy', 'full']);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/admin\/networking\/monitoring.* failed: HTTP 403/);
    expect(result.stderr).toMatch(
      /hint: give the API key View permission on "Networking › Monitoring" \(Administration › API keys › Permissions; for admin\/networking\/monitoring\)/,
    );
    expectNoSecrets(result);
  });

  it('Network Sites refused or not a list: a warning, then the monitoring hierarchy', async () => {
    scenario = await startScenario('realistic');
    scenario.server.fault({ path: pathOf('network-sites.json'), status: 403 });
    const refused = await scenario.run(['--strategy', 'ap_site']);
    expect(refused.code, refused.stderr).toBe(0);
    expect(refused.stderr).toMatch(
      /network-sites is not available \(HTTP 403\); continuing without network sites/,
    );
    const tree = JSON.parse(await readFile(join(scenario.outputDir, 'network.json'), 'utf8'));
    expect(Object.keys(tree)).toEqual(['Hilltop Tower', 'River Relay', 'Lakeshore POP', 'Depot AP']);

    scenario.server.fault({
      path: pathOf('network-sites.json'),
      status: 200,
      body: '{"error":{"message":"Unknown module","code":500}}',
    });
    const odd = await scenario.run(['--strategy', 'ap_site']);
    expect(odd.code, odd.stderr).toBe(0);
    expect(odd.stderr).toMatch(/network-sites is not available \(it did not return a list\)/);
  });

  it('500 then 200: succeeds through a retry', async () => {
    scenario = await startScenario('realistic');
    scenario.server.fault({ path: SERVICES, status: 500, times: 1 });
    const result = await scenario.run();
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/retrying .*internet-services.*HTTP 500/);
    expect(scenario.server.requests.filter((r) => r.path === SERVICES)).toHaveLength(2);
    expect((await snapshot(scenario.outputDir))['ShapedDevices.csv']).toContain('splynx_service_2001');
  });

  it('503 on every attempt: exit 3 after the retries', async () => {
    scenario = await startScenario('realistic');
    scenario.server.fault({ path: TARIFFS, status: 503, times: Number.POSITIVE_INFINITY });
    const result = await scenario.run();
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/HTTP 503 Service Unavailable after 4 attempts/);
    expect(scenario.server.requests).toHaveLength(4);
  });

  it('a response slower than timeout_secs: exit 3', async () => {
    scenario = await startScenario('realistic', { splynx: 'timeout_secs = 1' });
    scenario.server.fault({ path: TARIFFS, delayMs: 1500, times: Number.POSITIVE_INFINITY });
    const result = await scenario.run();
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/timed out after 1 s/);
  });

  it.each([
    ['truncated JSON', { truncate: true }, /truncated or malformed JSON/],
    ['an HTML login page', { html: true }, /not JSON \(it starts with "<!DOCTYPE html>/i],
  ])('%s: exit 3 and the previous files untouched', async (_label, fault, message) => {
    scenario = await startScenario('realistic');
    expect((await scenario.run()).code).toBe(0);
    const before = await snapshot(scenario.outputDir);
    scenario.server.fault({ path: SERVICES, times: Number.POSITIVE_INFINITY, ...fault });
    const result = await scenario.run();
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(message);
    expect(await snapshot(scenario.outputDir)).toEqual(before);
  });

  it('a list answered with an error object: exit 3 quoting the message', async () => {
    scenario = await startScenario('realistic');
    scenario.server.fault({
      path: SERVICES,
      status: 200,
      body: '{"error":{"message":"Internal error: service module disabled","code":500}}',
    });
    const result = await scenario.run();
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(
      /Splynx: admin\/customers\/customer\/0\/internet-services did not return a list \(got an error: "Internal error: service module disabled"\)/,
    );
  });

  it('a tariff missing a field: its services are warned about and skipped, the rest are written', async () => {
    scenario = await startScenario('realistic');
    const result = await scenario.run();
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(
      /Splynx tariff 6 is unusable: speed_upload is missing; its services are skipped/,
    );
    expect(result.stderr).toMatch(
      /Splynx service 2023 \(customer 119 "Rosa Vidal"\) skipped: its tariff 6 is unusable \(speed_upload is missing\)/,
    );
    const csv = (await snapshot(scenario.outputDir))['ShapedDevices.csv'] ?? '';
    expect(csv).not.toContain('splynx_service_2023');
    expect(csv.trim().split('\n')).toHaveLength(1 + 36);
  });

  it('unknown customer and tariff ids and mistyped records are warnings, never a crash', async () => {
    scenario = await startScenario('realistic');
    const result = await scenario.run(['--json']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/service 2022 names customer 199, which is not in the customer list/);
    expect(result.stderr).toMatch(
      /service 2024 \(customer 120 "Sam Kowalski"\) skipped: its tariff 42 is not in the internet tariff list/,
    );
    expect(result.stderr).toMatch(/Splynx service 2042 skipped: ipv4 must be string or null \(got 12345\)/);
    const plan = JSON.parse(result.stdout);
    expect(plan.skipped).toEqual({
      'duplicate-ip': 4,
      'invalid-record': 2,
      'invalid-tariff': 1,
      'no-ip': 1,
      'unknown-tariff': 1,
    });
    const circuit = plan.circuits.find((c: { id: string }) => c.id === '2022');
    expect(circuit.name).toBe('199');
  });

  it('services the server did not filter out are still checked for status', async () => {
    scenario = await startScenario('realistic');
    // An older Splynx that ignores main_attributes: blocked and disabled services arrive too.
    const all = await readFile(join(DATA, 'realistic/internet-services.json'), 'utf8');
    scenario.server.fault({ path: SERVICES, status: 200, body: all });
    const result = await scenario.run(['--json', '--strategy', 'flat']);
    expect(result.code, result.stderr).toBe(0);
    const plan = JSON.parse(result.stdout);
    expect(plan.skipped['inactive-service']).toBe(2);
    expect(plan.circuits.map((c: { id: string }) => c.id)).not.toContain('2016');
  });

  it('an empty service list over existing files: exit 5, files byte-identical', async () => {
    scenario = await startScenario('realistic');
    expect((await scenario.run()).code).toBe(0);
    const before = await snapshot(scenario.outputDir);
    const mtime = (await stat(join(scenario.outputDir, 'ShapedDevices.csv'))).mtimeMs;
    scenario.server.fault({ path: SERVICES, status: 200, body: '[]', times: 2 });
    const result = await scenario.run();
    expect(result.code).toBe(5);
    expect(result.stderr).toMatch(
      /refusing to write: the new ShapedDevices.csv has no circuits, the current one has 36/,
    );
    expect(await snapshot(scenario.outputDir)).toEqual(before);
    expect((await stat(join(scenario.outputDir, 'ShapedDevices.csv'))).mtimeMs).toBe(mtime);
    const forced = await scenario.run(['--force']);
    expect(forced.code, forced.stderr).toBe(0);
  });

  it('a malformed row in integrationSplynxBandwidths.csv: exit 2 naming the line, nothing written', async () => {
    scenario = await startScenario('realistic', { splynx: 'strategy = "full"' });
    await writeFile(
      join(scenario.outputDir, 'integrationSplynxBandwidths.csv'),
      'ParentNode,Download Mbps,Upload Mbps\nHilltop Tower,2000,1000\nRiver Relay,fast,100\n',
    );
    const result = await scenario.run();
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /integrationSplynxBandwidths\.csv line 3: expected "node name, download Mbps, upload Mbps"/,
    );
    expect((await readdir(scenario.outputDir)).sort()).toEqual(['integrationSplynxBandwidths.csv']);
  });

  it('Splynx is down: exit 3, connection refused, no stack trace', async () => {
    scenario = await startScenario('realistic');
    await scenario.server.close();
    const result = await scenario.run();
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/connection refused/);
    expect(result.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it('two concurrent runs: the second exits 6 at once', async () => {
    scenario = await startScenario('realistic');
    scenario.server.fault({ path: TARIFFS, delayMs: 1500 });
    const first = scenario.run();
    await new Promise((resolve) => setTimeout(resolve, 400));
    const second = await scenario.run();
    expect(second.code).toBe(6);
    expect((await first).code).toBe(0);
  });

  it.each([
    [
      'an unknown strategy in the config',
      { splynx: 'strategy = "tree"' },
      [],
      /\[splynx_integration\]\.strategy must be one of flat, ap_only, ap_site, full \(got "tree"\)/,
    ],
    ['an unknown --strategy', {}, ['--strategy', 'tree'], /argument 'tree' is invalid/],
    [
      'a page_size below 0',
      { splynx: 'page_size = -5' },
      [],
      /\[splynx_integration\]\.page_size must be at least 0/,
    ],
    [
      'a URL that is not http(s)',
      { splynx: '' },
      [],
      /\[splynx_integration\]\.url must be an http:\/\/ or https:\/\/ URL/,
    ],
  ])('config error, %s: exit 2 naming the key', async (label, options, args, message) => {
    scenario = await startScenario('realistic', options);
    const env = label.startsWith('a URL')
      ? { WISPSYNC_SPLYNX_INTEGRATION_URL: 'ftp://splynx.example.net' }
      : {};
    const result = await scenario.run(args, env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(scenario.server.requests).toHaveLength(0);
  });

  it('empty credentials: exit 2 naming the key; the misspelt section is pointed out', async () => {
    scenario = await startScenario('realistic');
    const noSecret = await scenario.run([], { WISPSYNC_SPLYNX_INTEGRATION_API_SECRET: '' });
    expect(noSecret.code).toBe(2);
    expect(noSecret.stderr).toMatch(
      /\[splynx_integration\]\.api_secret is empty — set it to the secret of that API key/,
    );
    const noUrl = await scenario.run([], { WISPSYNC_SPLYNX_INTEGRATION_URL: '' });
    expect(noUrl.code).toBe(2);
    expect(noUrl.stderr).toMatch(/\[splynx_integration\]\.url is empty/);
    await scenario.close();
    scenario = await startScenario('realistic', {
      config: '[spylnx_integration]\nurl = "https://splynx.example.net"',
    });
    const alias = await scenario.run([], { WISPSYNC_SPLYNX_INTEGRATION_URL: '' });
    expect(alias.code).toBe(2);
    expect(alias.stderr).toMatch(/hint: rename the section \[spylnx_integration\] to \[splynx_integration\]/);
  });

  it('usage errors exit 2; --help lists --strategy; --version prints the version', async () => {
    expect((await runTool(['--bogus'])).code).toBe(2);
    const help = await runTool(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout.replace(/\s+/g, ' ')).toMatch(
      /--strategy <name> topology strategy \(default: \[splynx_integration\]\.strategy\) \(choices: "flat", "ap_only", "ap_site", "full"\)/,
    );
    expect((await runTool(['--version'])).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
