import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { assertNoSecret, readOutputs } from '@wispsync/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { API_KEY, EXPORT_PATH, runTool, type Scenario, startScenario } from './harness.js';

const snapshot = readOutputs;

describe('netzur-integration failures', () => {
  let scenario: Scenario | undefined;
  afterEach(async () => scenario?.close());

  it('401: exit 3, names the key to fix, never prints the key', async () => {
    scenario = await startScenario('basic');
    const wrongKey = 'nz-wrong-key-9999';
    const result = await scenario.run([], { WISPSYNC_NETZUR_INTEGRATION_API_KEY: wrongKey });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/error: Netzur: GET .*\/api\/v1\/libreqos\/export.*HTTP 401/);
    expect(result.stderr).toMatch(/hint: check \[netzur_integration\]\.api_key/);
    assertNoSecret(result, wrongKey, API_KEY);
    expect(scenario.server.requests[0]?.headers.authorization).toBe(`Bearer ${wrongKey}`);
  });

  it('500 then 200: succeeds through a retry', async () => {
    scenario = await startScenario('basic');
    scenario.server.fault({ path: EXPORT_PATH, status: 500, times: 1 });
    const result = await scenario.run();
    expect(result.code, result.stderr).toBe(0);
    expect(scenario.server.requests).toHaveLength(2);
    expect((await snapshot(scenario.outputDir))['ShapedDevices.csv']).toContain('netzur_501');
  });

  it('500 on every attempt: exit 3 after the retries', async () => {
    scenario = await startScenario('basic');
    scenario.server.fault({ path: EXPORT_PATH, status: 503, times: Number.POSITIVE_INFINITY });
    const result = await scenario.run();
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/HTTP 503/);
    expect(scenario.server.requests).toHaveLength(4);
  });

  it('a response slower than the timeout: exit 3', async () => {
    scenario = await startScenario('basic', '', 1);
    scenario.server.fault({ path: EXPORT_PATH, delayMs: 1500, times: Number.POSITIVE_INFINITY });
    const result = await scenario.run();
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/timed out after 1 s/);
  });

  it.each([
    ['truncated JSON', { truncate: true }, /truncated or malformed JSON/],
    ['an HTML page', { html: true }, /not JSON \(it starts with "<!DOCTYPE html>/i],
  ])('%s: exit 3 and the old files untouched', async (_label, fault, message) => {
    scenario = await startScenario('basic');
    expect((await scenario.run()).code).toBe(0);
    const before = await snapshot(scenario.outputDir);
    scenario.server.fault({ path: EXPORT_PATH, times: Number.POSITIVE_INFINITY, ...fault });
    const result = await scenario.run();
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(message);
    expect(await snapshot(scenario.outputDir)).toEqual(before);
  });

  it('a body that is not {zones, customers}: exit 3', async () => {
    scenario = await startScenario('basic');
    scenario.server.fault({
      path: EXPORT_PATH,
      status: 200,
      body: '[1,2,3]',
      contentType: 'application/json',
    });
    const result = await scenario.run();
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/not a JSON object with "zones" and "customers"/);
  });

  it('the source is down: exit 3, connection refused', async () => {
    scenario = await startScenario('basic');
    await scenario.server.close();
    const result = await scenario.run();
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/connection refused/);
    expect(result.stderr).not.toMatch(/at .*\.js:\d+/); // no stack trace
  });

  it('an empty customer list with existing files: exit 5, files byte-identical', async () => {
    scenario = await startScenario('basic');
    expect((await scenario.run()).code).toBe(0);
    const before = await snapshot(scenario.outputDir);
    const mtime = (await stat(join(scenario.outputDir, 'ShapedDevices.csv'))).mtimeMs;
    scenario.server.fault({
      path: EXPORT_PATH,
      status: 200,
      body: '{"zones": [], "customers": []}',
      contentType: 'application/json',
      times: 2,
    });
    const result = await scenario.run();
    expect(result.code).toBe(5);
    expect(result.stderr).toMatch(
      /refusing to write: the new ShapedDevices.csv has no circuits, the current one has 5/,
    );
    expect(await snapshot(scenario.outputDir)).toEqual(before);
    expect((await stat(join(scenario.outputDir, 'ShapedDevices.csv'))).mtimeMs).toBe(mtime);
    // --force overrides the guard.
    const forced = await scenario.run(['--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect((await snapshot(scenario.outputDir))['ShapedDevices.csv']?.trim().split('\n')).toHaveLength(1);
  });

  it('two concurrent runs: the second exits 6 at once, the first succeeds', async () => {
    scenario = await startScenario('basic');
    scenario.server.fault({ path: EXPORT_PATH, delayMs: 1500 });
    const first = scenario.run();
    await new Promise((resolve) => setTimeout(resolve, 400));
    const started = Date.now();
    const second = await scenario.run();
    expect(second.code).toBe(6);
    expect(second.stderr).toMatch(/another wispsync run/);
    expect(Date.now() - started).toBeLessThan(1500);
    expect((await first).code).toBe(0);
  });

  it('config errors exit 2 and name [section].key', async () => {
    scenario = await startScenario('basic', '[integration_common]\nclient_bandwidth_multiplier = "fast"\n');
    const result = await scenario.run();
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /config: \[integration_common\]\.client_bandwidth_multiplier must be a number \(got "fast"\)/,
    );
    await scenario.close();
    scenario = await startScenario('basic');
    const empty = await scenario.run([], { WISPSYNC_NETZUR_INTEGRATION_API_URL: '' });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/\[netzur_integration\]\.api_url is empty — set it to/);
  });

  it('usage errors exit 2; --help and --version exit 0 and print no stack', async () => {
    expect((await runTool(['--bogus'])).code).toBe(2);
    expect((await runTool(['--csv-layout', 'v9'])).code).toBe(2);
    const help = await runTool(['--help']);
    expect(help.code).toBe(0);
    for (const option of [
      '--config',
      '--output-dir',
      '--json',
      '--dry-run',
      '--force',
      '--csv-layout',
      '--save-responses',
      '--from-responses',
      '--quiet',
      '--verbose',
    ]) {
      expect(help.stdout).toContain(option);
    }
    expect((await runTool(['--version'])).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const missing = await runTool(['--config', '/nonexistent/lqos.conf']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/config: \/nonexistent\/lqos.conf is not found/);
  });
});
