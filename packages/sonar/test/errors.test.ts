import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { assertNoSecret, readOutputs } from '@wispsync/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import {
  API_KEY,
  COMMUNITY,
  GRAPHQL_PATH,
  mockModule,
  runTool,
  type Scenario,
  startScenario,
} from './harness.js';

const secrets = [API_KEY, COMMUNITY];

describe('sonar-integration failures', () => {
  let scenario: Scenario | undefined;
  afterEach(async () => scenario?.close());

  it('401: exit 3, names the key to fix, never prints the key', async () => {
    scenario = await startScenario('libreqos-example');
    const wrongKey = 'sonar-wrong-key-9999';
    const result = await scenario.run([], { WISPSYNC_SONAR_INTEGRATION_SONAR_API_KEY: wrongKey });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/error: Sonar: POST .*\/api\/graphql.*HTTP 401/);
    expect(result.stderr).toMatch(/hint: check \[sonar_integration\]\.sonar_api_key/);
    assertNoSecret(result, wrongKey, ...secrets);
    expect(scenario.server.requests[0]?.headers.authorization).toBe(`Bearer ${wrongKey}`);
  });

  it('a GraphQL error body: exit 3 with the upstream message', async () => {
    scenario = await startScenario('libreqos-example');
    scenario.server.fault({
      path: GRAPHQL_PATH,
      status: 200,
      body: JSON.stringify({
        errors: [{ message: 'Cannot query field "child_accounts" on type "Account".' }],
      }),
    });
    const result = await scenario.run();
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(
      /error: Sonar GraphQL getActiveStatuses failed: Cannot query field "child_accounts" on type "Account"\./,
    );
    assertNoSecret(result, ...secrets);
  });

  it.each([
    ['no data', '{"data": null}', /Sonar GraphQL getActiveStatuses: the answer has no "data" object/],
    [
      'a list that is not a list',
      '{"data": {"account_statuses": {"entities": "none"}}}',
      /Sonar GraphQL getActiveStatuses: the answer has no "account_statuses\.entities" list/,
    ],
  ])('%s: exit 3', async (_label, body, message) => {
    scenario = await startScenario('libreqos-example');
    scenario.server.fault({ path: GRAPHQL_PATH, status: 200, body });
    const result = await scenario.run();
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(message);
  });

  it.each([
    ['truncated JSON', { truncate: true }, /truncated or malformed JSON/],
    ['an HTML page', { html: true }, /not JSON \(it starts with "<!DOCTYPE html>/i],
  ])('%s: exit 3 and the old files untouched', async (_label, fault, message) => {
    scenario = await startScenario('libreqos-example');
    expect((await scenario.run()).code).toBe(0);
    const before = await readOutputs(scenario.outputDir);
    scenario.server.fault({ path: GRAPHQL_PATH, times: Number.POSITIVE_INFINITY, ...fault });
    const result = await scenario.run();
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(message);
    expect(await readOutputs(scenario.outputDir)).toEqual(before);
    assertNoSecret(result, ...secrets);
  });

  it('500 then 200: succeeds through a retry', async () => {
    scenario = await startScenario('libreqos-example');
    scenario.server.fault({ path: GRAPHQL_PATH, status: 500, times: 1 });
    const result = await scenario.run();
    expect(result.code, result.stderr).toBe(0);
    expect(scenario.server.requests).toHaveLength(5); // statuses twice, sites, 2 account pages
    expect((await readOutputs(scenario.outputDir))['ShapedDevices.csv']).toContain('sonar:account:40');
  });

  it('the source is down: exit 3, connection refused, no stack', async () => {
    scenario = await startScenario('libreqos-example');
    await scenario.server.close();
    const result = await scenario.run();
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/connection refused/);
    expect(result.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it('no AP answers SNMP: each is skipped with a warning, the accounts go to the top level, exit 0', async () => {
    scenario = await startScenario('libreqos-example', {
      edit: ({ aps }) => {
        for (const ap of aps) ap.silent = true;
      },
    });
    const result = await scenario.run();
    expect(result.code, result.stderr).toBe(0);
    for (const ap of [
      '1001 \\(127\\.0\\.12\\.1\\)',
      '1002 \\(127\\.0\\.12\\.2\\)',
      '3001 \\(127\\.0\\.12\\.3\\)',
    ]) {
      expect(result.stderr).toMatch(new RegExp(`Sonar AP ${ap} skipped: no SNMP answer within 1\\.5 s`));
    }
    const { 'network.json': network, 'ShapedDevices.csv': csv } = await readOutputs(scenario.outputDir);
    expect(Object.keys(JSON.parse(network ?? '{}'))).toEqual(['North Tower', 'South']);
    expect(network).not.toContain('"ap"');
    for (const row of (csv ?? '').trim().split('\n').slice(1)) expect(row.split(',')[4]).toBe('');
    expect(result.stderr).toMatch(/· 4 skipped ·/); // 3 APs and Carol's invalid address
  });

  it('a wrong SNMP community: APs skipped with a hint at the setting; the community is never printed', async () => {
    scenario = await startScenario('libreqos-example');
    const wrong = 'not-the-community';
    const result = await scenario.run([], { WISPSYNC_SONAR_INTEGRATION_SNMP_COMMUNITY: wrong });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/\[sonar_integration\]\.snmp_community/);
    assertNoSecret(result, wrong, ...secrets);
  });

  it('no accounts with existing files: exit 5, files byte-identical', async () => {
    scenario = await startScenario('libreqos-example');
    expect((await scenario.run()).code).toBe(0);
    const before = await readOutputs(scenario.outputDir);
    const mtime = (await stat(join(scenario.outputDir, 'ShapedDevices.csv'))).mtimeMs;
    const { sonarRoute } = await mockModule();
    scenario.server.setRoutes([sonarRoute({ ...scenario.db, accounts: [] }, { apiKey: API_KEY })]);
    const result = await scenario.run();
    expect(result.code).toBe(5);
    expect(result.stderr).toMatch(/the new ShapedDevices\.csv has no circuits, the current one has 6/);
    expect(await readOutputs(scenario.outputDir)).toEqual(before);
    expect((await stat(join(scenario.outputDir, 'ShapedDevices.csv'))).mtimeMs).toBe(mtime);
  });

  it.each([
    [
      'an empty URL',
      { WISPSYNC_SONAR_INTEGRATION_SONAR_API_URL: '' },
      /\[sonar_integration\]\.sonar_api_url is empty — set it to/,
    ],
    [
      'an empty key',
      { WISPSYNC_SONAR_INTEGRATION_SONAR_API_KEY: '' },
      /\[sonar_integration\]\.sonar_api_key is empty/,
    ],
    [
      'an unknown compile mode',
      { WISPSYNC_TOPOLOGY_COMPILE_MODE: 'banana' },
      /\[topology\]\.compile_mode must be one of , flat, ap_only, ap_site, full \(got "banana"\)/,
    ],
    [
      'an SNMP version wispsync does not speak',
      { WISPSYNC_SONAR_INTEGRATION_SNMP_VERSION: '3' },
      /\[sonar_integration\]\.snmp_version must be one of 1, 2c/,
    ],
  ])('config error, %s: exit 2 naming [section].key', async (_label, env, message) => {
    scenario = await startScenario('libreqos-example');
    const result = await scenario.run([], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(scenario.server.requests).toHaveLength(0);
  });

  it('a status id that is not a number: exit 2 naming the key', async () => {
    scenario = await startScenario('libreqos-example');
    const result = await scenario.run([], { WISPSYNC_SONAR_INTEGRATION_ACTIVE_STATUS_IDS: '1, active' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/config: \[sonar_integration\]\.active_status_ids\[1\] must match pattern/);
  });

  it('usage errors exit 2; --help and --version exit 0', async () => {
    expect((await runTool(['--strategy', 'ap_only'])).code).toBe(2);
    const help = await runTool(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(
      /--strategy <name>\s+topology strategy \(default: \[topology\]\.compile_mode\)/,
    );
    expect((await runTool(['--version'])).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
