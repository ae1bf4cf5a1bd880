import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { assertNoSecret, readOutputs, runTool as runAnyBin } from '@wispsync/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { ENDPOINT, ROOT, runTool, type Scenario, startScenario, TOKEN } from './harness.js';

const snapshot = readOutputs;

function expectNoSecret(result: { stdout: string; stderr: string }, secret = TOKEN): void {
  assertNoSecret(result, secret);
}

describe('wispgate-integration failures', () => {
  let scenario: Scenario | undefined;
  afterEach(async () => scenario?.close());

  it('a wrong token (HTTP 401): exit 3, names the token setting, never prints it', async () => {
    scenario = await startScenario('spec');
    const wrong = 'wg-wrong-token-9999';
    const result = await scenario.run([], { WISPSYNC_WISPGATE_INTEGRATION_WISPGATE_API_TOKEN: wrong });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/error: WISPGate: POST .*\/api\/libreqos\/shaped-devices failed: HTTP 401/);
    expect(result.stderr).toMatch(/Invalid API token/);
    expect(result.stderr).toMatch(/hint: check \[wispgate_integration\]\.wispgate_api_token/);
    expectNoSecret(result, wrong);
    expectNoSecret(result);
    expect(scenario.server.requests[0]?.body).toBe(`api_token=${wrong}`);
  });

  it('a refused token answered as 200 with a JSON error: exit 3 with the message', async () => {
    scenario = await startScenario('spec');
    scenario.server.fault({ path: ENDPOINT, status: 200, body: '{"error": "Token expired"}' });
    const result = await scenario.run();
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(
      /WISPGate answered with an error instead of the device list: Token expired/,
    );
    expect(result.stderr).toMatch(/hint: check \[wispgate_integration\]\.wispgate_api_token/);
  });

  it.each([
    ['an HTML page', { html: true }, /response is not JSON \(it starts with "<!DOCTYPE html>/i],
    ['truncated JSON', { truncate: true }, /truncated or malformed JSON/],
  ])('%s: exit 3 and the old files untouched', async (_label, fault, message) => {
    scenario = await startScenario('realistic');
    expect((await scenario.run()).code).toBe(0);
    const before = await snapshot(scenario.outputDir);
    scenario.server.fault({ path: ENDPOINT, times: Number.POSITIVE_INFINITY, ...fault });
    const result = await scenario.run();
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(message);
    expect(await snapshot(scenario.outputDir)).toEqual(before);
  });

  it('a timeout, then an answer: the retry succeeds', async () => {
    scenario = await startScenario('spec', '', 1);
    scenario.server.fault({ path: ENDPOINT, delayMs: 1500, times: 1 });
    const result = await scenario.run(['--verbose']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/retrying .*shaped-devices \(timed out after 1 s\)/);
    expect(scenario.server.requests).toHaveLength(2);
    expect(await readFile(join(scenario.outputDir, 'ShapedDevices.csv'), 'utf8')).toContain(
      'wispgate:c1:Router 1',
    );
  });

  it('slower than the timeout on every attempt: exit 3', async () => {
    scenario = await startScenario('spec', '', 1);
    scenario.server.fault({ path: ENDPOINT, delayMs: 1500, times: Number.POSITIVE_INFINITY });
    const result = await scenario.run();
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/timed out after 1 s after 4 attempts/);
  });

  it('500 then 200: succeeds through a retry', async () => {
    scenario = await startScenario('spec');
    scenario.server.fault({ path: ENDPOINT, status: 500, times: 1 });
    const result = await scenario.run();
    expect(result.code, result.stderr).toBe(0);
    expect(scenario.server.requests).toHaveLength(2);
  });

  it.each([
    ['an object', '{"devices": []}', /the shaped-devices answer is not a list \(got a JSON object\)/],
    ['a number', '42', /the shaped-devices answer is not a list \(got a JSON number\)/],
  ])('an answer that is %s, not a list: exit 3', async (_label, body, message) => {
    scenario = await startScenario('spec');
    scenario.server.fault({ path: ENDPOINT, status: 200, body, contentType: 'application/json' });
    const result = await scenario.run();
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(message);
  });

  it('an empty list with existing files: exit 5, files byte-identical; --force writes it', async () => {
    scenario = await startScenario('realistic');
    expect((await scenario.run()).code).toBe(0);
    const before = await snapshot(scenario.outputDir);
    const mtime = (await stat(join(scenario.outputDir, 'ShapedDevices.csv'))).mtimeMs;
    scenario.server.fault({ path: ENDPOINT, status: 200, body: '[]', times: 2 });
    const result = await scenario.run();
    expect(result.code).toBe(5);
    expect(result.stderr).toMatch(
      /refusing to write: the new ShapedDevices.csv has no circuits, the current one has 25/,
    );
    expect(await snapshot(scenario.outputDir)).toEqual(before);
    expect((await stat(join(scenario.outputDir, 'ShapedDevices.csv'))).mtimeMs).toBe(mtime);
    const forced = await scenario.run(['--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect((await snapshot(scenario.outputDir))['ShapedDevices.csv']?.trim().split('\n')).toHaveLength(1);
  });

  it('an empty list and no files yet: the empty pair, exit 0 (LibreQoS divides by zero)', async () => {
    scenario = await startScenario('spec');
    scenario.server.fault({ path: ENDPOINT, status: 200, body: '[]' });
    const result = await scenario.run();
    expect(result.code, result.stderr).toBe(0);
    expect((await snapshot(scenario.outputDir))['network.json']).toBe('{}\n');
  });

  it('config errors exit 2 and name [section].key', async () => {
    scenario = await startScenario('spec');
    for (const [variable, message] of [
      [
        'WISPSYNC_WISPGATE_INTEGRATION_WISPGATE_API_URL',
        /\[wispgate_integration\]\.wispgate_api_url is empty/,
      ],
      [
        'WISPSYNC_WISPGATE_INTEGRATION_WISPGATE_API_TOKEN',
        /\[wispgate_integration\]\.wispgate_api_token is empty/,
      ],
    ] as const) {
      const result = await scenario.run([], { [variable]: '' });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(message);
    }
    expect(scenario.server.requests).toHaveLength(0);
  });

  it('--save-responses never stores the token; --from-responses replays without the server', async () => {
    scenario = await startScenario('realistic');
    const saved = join(scenario.dir, 'saved');
    const live = await scenario.run(['--json', '--save-responses', saved]);
    expect(live.code, live.stderr).toBe(0);
    for (const file of await readdir(saved)) {
      expect(file).not.toContain(TOKEN);
      expect(await readFile(join(saved, file), 'utf8')).not.toContain(TOKEN);
    }
    await scenario.server.close();
    const replayed = await scenario.run(['--json', '--from-responses', saved]);
    expect(replayed.code, replayed.stderr).toBe(0);
    expect(replayed.stdout).toBe(live.stdout);
  });

  it('usage errors exit 2; --help lists the options; the alias bin runs', async () => {
    expect((await runTool(['--bogus'])).code).toBe(2);
    const help = await runTool(['--help']);
    expect(help.code).toBe(0);
    for (const option of ['--config', '--output-dir', '--json', '--dry-run', '--force', '--csv-layout']) {
      expect(help.stdout).toContain(option);
    }
    const alias = await runAnyBin(join(ROOT, 'bin/wispgate_integration'), ['--version']);
    expect(alias.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
