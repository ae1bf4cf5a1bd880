import { mkdtemp, readdir, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertNoSecret, readOutputs } from '@wispsync/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { type Scenario, SECRETS, startScenario } from './harness.js';
import { GRAPHQL_PATH, operations } from './mock.js';

/** The next GraphQL answer(s), whatever the operation. */
function graphqlAnswer(scenario: Scenario, body: unknown, times = 1): void {
  scenario.server.fault({
    path: GRAPHQL_PATH,
    status: 200,
    body: JSON.stringify(body),
    contentType: 'application/json',
    times,
  });
}

describe('visp-integration failures', () => {
  let scenario: Scenario | undefined;
  afterEach(async () => scenario?.close());

  it('a GraphQL error body: exit 3 with VISP’s message, files untouched', async () => {
    scenario = await startScenario('libreqos-example');
    expect((await scenario.run()).code).toBe(0);
    const before = await readOutputs(scenario.outputDir);
    graphqlAnswer(scenario, {
      data: null,
      errors: [{ message: 'Cannot query field "rows" on type "Query".' }],
    });
    const result = await scenario.run();
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(
      /error: VISP GraphQL Subs failed: Cannot query field "rows" on type "Query"\./,
    );
    expect(await readOutputs(scenario.outputDir)).toEqual(before);
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
  });

  it('a response slower than the timeout: exit 3', async () => {
    scenario = await startScenario('libreqos-example', { timeoutSecs: 1 });
    scenario.server.fault({ path: GRAPHQL_PATH, delayMs: 1500, times: Number.POSITIVE_INFINITY });
    const result = await scenario.run();
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/VISP: POST .*\/graphql failed: timed out after 1 s after 4 attempts/);
  }, 15_000);

  it('a 502 from GraphQL then 200: the retry succeeds', async () => {
    scenario = await startScenario('libreqos-example');
    scenario.server.fault({ path: GRAPHQL_PATH, status: 502, times: 1 });
    const result = await scenario.run();
    expect(result.code, result.stderr).toBe(0);
    expect(
      operations(scenario.server.requests)
        .slice(0, 2)
        .map((o) => o.op),
    ).toEqual(['Subs', 'Subs']);
  });

  it.each([
    [
      'subscribers rows that are not a list',
      { data: { rows: { id: 1 }, count: 1 } },
      /VISP GraphQL Subs: "rows" is not a list/,
    ],
    ['an answer without data', { something: 'else' }, /VISP GraphQL Subs: the answer has no "data" object/],
  ])('%s: exit 3', async (_label, body, message) => {
    scenario = await startScenario('libreqos-example');
    graphqlAnswer(scenario, body);
    const result = await scenario.run();
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(message);
  });

  it('a per-customer lookup failing on the network: exit 3, not a partial list', async () => {
    scenario = await startScenario('libreqos-example');
    // Subs, EquipmentAssemblies, EquipmentPg and Bulk succeed; every CustomerServices attempt is cut.
    scenario.server.fault({ path: GRAPHQL_PATH, times: 4, delayMs: 0 });
    scenario.server.fault({ path: GRAPHQL_PATH, reset: true, times: Number.POSITIVE_INFINITY });
    const result = await scenario.run();
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/VISP: POST .*\/graphql failed: connection/);
  });

  it('the online users lookup failing: a warning, the run goes on', async () => {
    scenario = await startScenario('libreqos-example', { visp: 'online_users_domain = "radius.example"' });
    scenario.server.fault({ path: GRAPHQL_PATH, times: 6, delayMs: 0 });
    graphqlAnswer(scenario, { errors: [{ message: 'domain unknown' }] });
    const result = await scenario.run();
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(
      /warning: VISP: the online users lookup failed \(.*domain unknown\); continuing/,
    );
    expect(operations(scenario.server.requests).at(-1)?.op).toBe('Online');
  });

  it('the source is down: exit 3, connection refused, no stack trace', async () => {
    scenario = await startScenario('libreqos-example');
    await scenario.server.close();
    const result = await scenario.run();
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/VISP: GET .*\/token failed: connection refused/);
    expect(result.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it('an empty answer with existing files: exit 5, files byte-identical', async () => {
    scenario = await startScenario('libreqos-example');
    expect((await scenario.run()).code).toBe(0);
    const before = await readOutputs(scenario.outputDir);
    const mtime = (await stat(join(scenario.outputDir, 'ShapedDevices.csv'))).mtimeMs;
    // Every list comes back empty (the cached token is reused: GraphQL requests only).
    graphqlAnswer(scenario, { data: { rows: [], count: 0, customerCPEwithWirelessServiceSpeeds: [] } }, 4);
    const result = await scenario.run();
    expect(result.code).toBe(5);
    expect(result.stderr).toMatch(
      /refusing to write: the new ShapedDevices.csv has no circuits, the current one has 3/,
    );
    expect(await readOutputs(scenario.outputDir)).toEqual(before);
    expect((await stat(join(scenario.outputDir, 'ShapedDevices.csv'))).mtimeMs).toBe(mtime);
  });

  it('secrets never appear in output, logs or saved responses; a replay needs no server', async () => {
    scenario = await startScenario('network', { visp: 'online_users_domain = "radius.example"' });
    const saved = await mkdtemp(join(tmpdir(), 'wispsync-visp-saved-'));
    const live = await scenario.run(['--json', '--verbose', '--save-responses', saved]);
    expect(live.code, live.stderr).toBe(0);
    const token = scenario.mock.issued[0] as string;
    assertNoSecret(live, ...SECRETS, token);
    const files = await readdir(saved);
    expect(files.some((file) => file.startsWith('get_token'))).toBe(true);
    for (const file of files) {
      const text = await readFile(join(saved, file), 'utf8');
      for (const secret of [...SECRETS, token]) expect(text, file).not.toContain(secret);
    }
    await scenario.server.close();
    const replayed = await scenario.run(['--json', '--from-responses', saved]);
    expect(replayed.code, replayed.stderr).toBe(0);
    expect(replayed.stdout).toBe(live.stdout);
  });

  it('a recording made while a token was cached still holds the token request', async () => {
    scenario = await startScenario('libreqos-example');
    expect((await scenario.run()).code).toBe(0); // caches the token
    const saved = await mkdtemp(join(tmpdir(), 'wispsync-visp-saved-'));
    expect((await scenario.run(['--json', '--save-responses', saved])).code).toBe(0);
    expect(scenario.server.requests.filter((r) => r.path === '/token')).toHaveLength(2);
    expect(JSON.parse(JSON.parse(await readFile(join(saved, 'get_token.json'), 'utf8')).body)).toEqual({
      token: '***',
      payload: { exp: 4102444800, ispId: [42] },
    });
  });
});
