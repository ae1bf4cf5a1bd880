import { readdir, readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { assertNoSecret, readOutputs, runTool as runAnyBin } from '@wispsync/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import {
  API_KEY,
  ENDPOINT,
  fixtureDir,
  forms,
  powercodeRoute,
  ROOT,
  readLists,
  runTool,
  type Scenario,
  startScenario,
} from './harness.js';

const snapshot = readOutputs;

function expectNoSecret(result: { stdout: string; stderr: string }, secret = API_KEY): void {
  assertNoSecret(result, secret);
}

describe('powercode-integration failures', () => {
  let scenario: Scenario | undefined;
  afterEach(async () => scenario?.close());

  it('a wrong key (Powercode answers a JSON error): exit 3, names the key setting, never prints it', async () => {
    scenario = await startScenario('spec');
    const wrongKey = 'pc-wrong-key-9999';
    const result = await scenario.run([], { WISPSYNC_POWERCODE_INTEGRATION_POWERCODE_API_KEY: wrongKey });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/error: Powercode: list_customers answered with an error: Invalid API key/);
    expect(result.stderr).toMatch(/hint: check \[powercode_integration\]\.powercode_api_key/);
    expectNoSecret(result, wrongKey);
    expectNoSecret(result);
    expect(forms(scenario)[0]).toEqual({ apiKey: wrongKey, action: 'list_customers' });
  });

  it.each([401, 403])('HTTP %i: exit 3 with the key hint', async (status) => {
    scenario = await startScenario('spec');
    scenario.server.fault({ path: ENDPOINT, status, times: 1 });
    const result = await scenario.run();
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(
      new RegExp(`Powercode: POST .*:\\d+/api/preseem/index.php failed: HTTP ${status}`),
    );
    expect(result.stderr).toMatch(/hint: check \[powercode_integration\]\.powercode_api_key/);
    expectNoSecret(result);
  });

  it.each([
    ['an HTML page', { html: true }, /response is not JSON \(it starts with "<!DOCTYPE html>/i],
    ['truncated JSON', { truncate: true }, /truncated or malformed JSON/],
  ])('%s: exit 3 and the old files untouched', async (_label, fault, message) => {
    scenario = await startScenario('spec');
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
    expect(result.stderr).toMatch(/retrying .*index\.php \(timed out after 1 s\)/);
    expect(forms(scenario).map((f) => f.action)).toEqual([
      'list_customers',
      'list_customers',
      'list_services',
    ]);
    expect(await readFile(join(scenario.outputDir, 'ShapedDevices.csv'), 'utf8')).toContain('c_101_s__d_11');
  });

  it('a response slower than the timeout on every attempt: exit 3', async () => {
    scenario = await startScenario('spec', '', 1);
    scenario.server.fault({ path: ENDPOINT, delayMs: 1500, times: Number.POSITIVE_INFINITY });
    const result = await scenario.run();
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/timed out after 1 s after 4 attempts/);
  });

  it('500 then 200: succeeds through a retry', async () => {
    scenario = await startScenario('spec');
    scenario.server.fault({ path: ENDPOINT, status: 502, times: 1 });
    const result = await scenario.run();
    expect(result.code, result.stderr).toBe(0);
    expect(scenario.server.requests).toHaveLength(3);
  });

  it.each([
    [
      'an object without a message',
      '{"customers": []}',
      /list_customers did not answer with a list \(got a JSON object\)/,
    ],
    ['null', 'null', /list_customers did not answer with a list \(got null\)/],
  ])('a body that is %s: exit 3', async (_label, body, message) => {
    scenario = await startScenario('spec');
    scenario.server.fault({ path: ENDPOINT, status: 200, body, contentType: 'application/json' });
    const result = await scenario.run();
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(message);
  });

  it('an empty customer list with existing files: exit 5, files byte-identical', async () => {
    scenario = await startScenario('realistic');
    expect((await scenario.run()).code).toBe(0);
    const before = await snapshot(scenario.outputDir);
    const mtime = (await stat(join(scenario.outputDir, 'ShapedDevices.csv'))).mtimeMs;
    scenario.server.setRoutes([
      powercodeRoute(async () => ({ ...(await readLists('realistic')), customers: [] })),
    ]);
    const result = await scenario.run();
    expect(result.code).toBe(5);
    expect(result.stderr).toMatch(
      /refusing to write: the new ShapedDevices.csv has no circuits, the current one has 24/,
    );
    expect(await snapshot(scenario.outputDir)).toEqual(before);
    expect((await stat(join(scenario.outputDir, 'ShapedDevices.csv'))).mtimeMs).toBe(mtime);
    const forced = await scenario.run(['--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect((await snapshot(scenario.outputDir))['ShapedDevices.csv']?.trim().split('\n')).toHaveLength(1);
  });

  it('an empty list and no files yet: writes the empty pair', async () => {
    scenario = await startScenario('spec');
    scenario.server.setRoutes([powercodeRoute(() => ({ customers: [], services: [] }))]);
    const result = await scenario.run();
    expect(result.code, result.stderr).toBe(0);
    expect(await snapshot(scenario.outputDir)).toEqual({
      'network.json': '{}\n',
      'ShapedDevices.csv': expect.stringMatching(/^Circuit ID,[^\n]*\n$/),
    });
  });

  it('config errors exit 2 and name [section].key', async () => {
    scenario = await startScenario('spec');
    for (const [variable, message] of [
      [
        'WISPSYNC_POWERCODE_INTEGRATION_POWERCODE_API_URL',
        /\[powercode_integration\]\.powercode_api_url is empty/,
      ],
      [
        'WISPSYNC_POWERCODE_INTEGRATION_POWERCODE_API_KEY',
        /\[powercode_integration\]\.powercode_api_key is empty/,
      ],
    ] as const) {
      const result = await scenario.run([], { [variable]: '' });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(message);
    }
    const noScheme = await scenario.run([], {
      WISPSYNC_POWERCODE_INTEGRATION_POWERCODE_API_URL: 'powercode.example.net',
    });
    expect(noScheme.code).toBe(2);
    expect(noScheme.stderr).toMatch(/\[powercode_integration\]\.powercode_api_url/);
    expect(scenario.server.requests).toHaveLength(0);
  });

  it('--save-responses never stores the key; --from-responses replays without the server', async () => {
    scenario = await startScenario('realistic');
    const saved = join(scenario.dir, 'saved');
    const live = await scenario.run(['--json', '--save-responses', saved]);
    expect(live.code, live.stderr).toBe(0);
    const files = await readdir(saved);
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const file of files) {
      expect(file).not.toContain(API_KEY);
      expect(await readFile(join(saved, file), 'utf8')).not.toContain(API_KEY);
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
    expect(help.stdout).not.toContain('--strategy'); // Powercode has no topology
    const alias = await runAnyBin(join(ROOT, 'bin/powercode_integration'), ['--version']);
    expect(alias.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe('powercode-integration TLS', () => {
  it('a self-signed Powercode: exit 3 naming verify_tls; verify_tls = false works', async () => {
    const tls = join(fixtureDir('tls'));
    const lists = await readLists('spec');
    const route = powercodeRoute(() => lists);
    const server = createServer(
      { cert: await readFile(join(tls, 'cert.pem')), key: await readFile(join(tls, 'key.pem')) },
      (request, response) => {
        let body = '';
        request.on('data', (chunk) => {
          body += chunk;
        });
        request.on('end', async () => {
          const reply = await route.handler!({
            method: request.method ?? 'GET',
            path: request.url ?? '/',
            query: {},
            headers: request.headers,
            body,
          });
          response.writeHead(reply.status ?? 200, { 'content-type': 'application/json' });
          response.end(JSON.stringify(reply.body));
        });
      },
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const scenario = await startScenario('spec');
    try {
      const env = { WISPSYNC_POWERCODE_INTEGRATION_POWERCODE_API_URL: url };
      const strict = await scenario.run([], env);
      expect(strict.code).toBe(3);
      expect(strict.stderr).toMatch(/TLS certificate is self-signed/);
      expect(strict.stderr).toMatch(/hint: .*\[powercode_integration\]\.verify_tls = false/);
      const relaxed = await scenario.run([], { ...env, WISPSYNC_POWERCODE_INTEGRATION_VERIFY_TLS: 'false' });
      expect(relaxed.code, relaxed.stderr).toBe(0);
      expect(await readFile(join(scenario.outputDir, 'ShapedDevices.csv'), 'utf8')).toContain(
        'c_101_s__d_11',
      );
    } finally {
      await scenario.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
