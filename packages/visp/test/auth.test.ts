// Token handling (reference §9.2): the x-visp-* headers, the token cache, re-tokening, and what a
// refused or failing token request does.
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { assertNoSecret } from '@wispsync/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { visp } from '../src/definition.js';
import { tokenCachePath } from '../src/token-cache.js';
import { fetchContext } from './context.js';
import { CREDENTIALS, type Scenario, SECRETS, startScenario } from './harness.js';
import { GRAPHQL_PATH, operations, TOKEN_PATH } from './mock.js';

const cachePath = (scenario: Scenario) =>
  tokenCachePath(scenario.stateDir, CREDENTIALS.clientId, CREDENTIALS.username);
const tokenRequests = (scenario: Scenario) => scenario.server.requests.filter((r) => r.path === TOKEN_PATH);

describe('visp-integration authentication', () => {
  let scenario: Scenario | undefined;
  afterEach(async () => scenario?.close());

  it('sends client id/secret everywhere, user/password only for the token, the raw token to GraphQL', async () => {
    scenario = await startScenario('libreqos-example');
    const result = await scenario.run();
    expect(result.code, result.stderr).toBe(0);
    const [token, ...graphql] = scenario.server.requests;
    expect(token?.path).toBe(TOKEN_PATH);
    expect(token?.headers).toMatchObject({
      'x-visp-client-id': CREDENTIALS.clientId,
      'x-visp-client-secret': CREDENTIALS.clientSecret,
      'x-visp-username': CREDENTIALS.username,
      'x-visp-password': CREDENTIALS.password,
    });
    expect(token?.headers.authorization).toBeUndefined();
    expect(graphql.length).toBeGreaterThan(4);
    for (const request of graphql) {
      expect(request.path).toBe(GRAPHQL_PATH);
      expect(request.headers['x-visp-client-id']).toBe(CREDENTIALS.clientId);
      expect(request.headers['x-visp-client-secret']).toBe(CREDENTIALS.clientSecret);
      expect(request.headers['x-visp-username']).toBeUndefined();
      expect(request.headers['x-visp-password']).toBeUndefined();
      expect(request.headers.authorization).toBe('tok123'); // no "Bearer"
      expect(request.headers['content-type']).toBe('application/json');
    }
  });

  it('bad credentials: 401 from the token URL is exit 3 naming the settings, never a secret', async () => {
    scenario = await startScenario('libreqos-example');
    const wrong = 'visp-wrong-pass-0000';
    const result = await scenario.run([], { VISP_PASSWORD: wrong });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/error: VISP: GET .*\/token failed: HTTP 401/);
    expect(result.stderr).toMatch(
      /hint: check \[visp_integration\]\.client_id, client_secret, username and password \(or VISP_CLIENT_ID/,
    );
    assertNoSecret(result, wrong, ...SECRETS);
    expect(scenario.server.requests).toHaveLength(1); // a 401 is not retried
    expect(scenario.server.requests[0]?.headers['x-visp-password']).toBe(wrong);
  });

  it('a token URL answering 503 then 200: the retry gets the token', async () => {
    scenario = await startScenario('libreqos-example');
    scenario.server.fault({ path: TOKEN_PATH, status: 503, times: 1 });
    const result = await scenario.run();
    expect(result.code, result.stderr).toBe(0);
    expect(tokenRequests(scenario)).toHaveLength(2);
    expect(result.stderr).toMatch(/VISP: retrying .*\/token \(HTTP 503 Service Unavailable\), attempt 1/);
  });

  it('a token URL failing 502/503/504 on every attempt: exit 3 after bounded retries', async () => {
    scenario = await startScenario('libreqos-example');
    scenario.server.fault({ path: TOKEN_PATH, status: 502, times: 2 });
    scenario.server.fault({ path: TOKEN_PATH, status: 504, times: Number.POSITIVE_INFINITY });
    const result = await scenario.run();
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/HTTP 504 Gateway Timeout after 4 attempts/);
    expect(tokenRequests(scenario)).toHaveLength(4);
  });

  it('writes the token cache 0600 and reuses it on the next run (no token request)', async () => {
    scenario = await startScenario('libreqos-example');
    expect((await scenario.run()).code).toBe(0);
    const cache = cachePath(scenario);
    expect((await stat(cache)).mode & 0o777).toBe(0o600);
    expect((await stat(join(scenario.stateDir, 'cache'))).mode & 0o777).toBe(0o700);
    const before = scenario.server.requests.length;
    const second = await scenario.run();
    expect(second.code, second.stderr).toBe(0);
    const again = scenario.server.requests.slice(before);
    expect(again.some((r) => r.path === TOKEN_PATH)).toBe(false);
    expect(again.every((r) => r.headers.authorization === 'tok123')).toBe(true);
  });

  it('a cached token within a day of expiry is replaced by a new one', async () => {
    scenario = await startScenario('libreqos-example');
    const cache = cachePath(scenario);
    await mkdir(join(scenario.stateDir, 'cache'), { recursive: true });
    const soon = Math.floor(Date.now() / 1000) + 3600;
    await writeFile(cache, JSON.stringify({ token: 'tok-old', exp: soon, isp_id: 42 }));
    const result = await scenario.run();
    expect(result.code, result.stderr).toBe(0);
    expect(tokenRequests(scenario)).toHaveLength(1);
    expect(JSON.parse(await readFile(cache, 'utf8'))).toEqual({
      token: 'tok123',
      exp: 4102444800,
      isp_id: 42,
    });
    expect(scenario.server.requests.some((r) => r.headers.authorization === 'tok-old')).toBe(false);
  });

  it('GraphQL 401 with a cached token: one new token, the request sent again, the cache updated', async () => {
    scenario = await startScenario('libreqos-example');
    const cache = cachePath(scenario);
    await mkdir(join(scenario.stateDir, 'cache'), { recursive: true });
    await writeFile(cache, JSON.stringify({ token: 'tok-revoked', exp: 4102444800, isp_id: 42 }));
    const result = await scenario.run();
    expect(result.code, result.stderr).toBe(0);
    const requests = scenario.server.requests;
    expect(requests.map((r) => r.path).slice(0, 3)).toEqual([GRAPHQL_PATH, TOKEN_PATH, GRAPHQL_PATH]);
    expect(requests[0]?.headers.authorization).toBe('tok-revoked');
    expect(requests[2]?.headers.authorization).toBe('tok123');
    expect(
      operations(requests)
        .slice(0, 2)
        .map((o) => o.op),
    ).toEqual(['Subs', 'Subs']);
    expect(tokenRequests(scenario)).toHaveLength(1);
    expect(JSON.parse(await readFile(cache, 'utf8')).token).toBe('tok123');
    assertNoSecret(result, 'tok-revoked', 'tok123', ...SECRETS);
  });

  it('GraphQL still refusing the new token: exit 3 with the credentials hint', async () => {
    scenario = await startScenario('libreqos-example');
    scenario.server.fault({
      path: GRAPHQL_PATH,
      status: 403,
      body: '{"errors":[{"message":"forbidden"}]}',
      times: 2,
    });
    const result = await scenario.run();
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/error: VISP: POST .*\/graphql failed: HTTP 403/);
    expect(result.stderr).toMatch(/hint: check \[visp_integration\]\.client_id, client_secret/);
    expect(tokenRequests(scenario)).toHaveLength(2); // the first token, one refresh, no more
    expect(scenario.mock.issued).toEqual(['tok123', 'tok123-2']);
    assertNoSecret(result, ...scenario.mock.issued, ...SECRETS);
  });

  it('the token cache lives under <lqos_directory>/state/cache when state_directory is unset', async () => {
    scenario = await startScenario('libreqos-example', { deriveState: true });
    expect((await scenario.run()).code).toBe(0);
    const cache = tokenCachePath(
      join(scenario.outputDir, 'state'),
      CREDENTIALS.clientId,
      CREDENTIALS.username,
    );
    expect(JSON.parse(await readFile(cache, 'utf8')).token).toBe('tok123');
  });

  it('a token cache that cannot be written is a warning, not a failure', async () => {
    scenario = await startScenario('libreqos-example');
    await writeFile(scenario.stateDir, 'not a directory');
    const result = await scenario.run();
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/warning: VISP: cannot write the token cache .*\(ENOTDIR\); continuing/);
  });

  it('a token answer without the token or its expiry: exit 3', async () => {
    scenario = await startScenario('libreqos-example');
    scenario.server.fault({
      path: TOKEN_PATH,
      status: 200,
      body: '{"token":"tok123","payload":{}}',
      times: 1,
    });
    const result = await scenario.run();
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/the token response is missing "token", "payload.exp" or "payload.ispId"/);
  });

  it('a configured isp_id is used instead of the token’s', async () => {
    scenario = await startScenario('libreqos-example', { visp: 'isp_id = 7', extraIspIds: [7] });
    const result = await scenario.run();
    expect(result.code, result.stderr).toBe(0);
    const scoped = operations(scenario.server.requests).filter((o) => 'isp_id' in o.variables);
    expect(scoped.map((o) => o.variables.isp_id)).toEqual([7, 7, 7, 7]);
  });

  it('an isp_id VISP does not know: the GraphQL error is exit 3 with VISP’s message', async () => {
    scenario = await startScenario('libreqos-example', { visp: 'isp_id = 8' });
    const result = await scenario.run();
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/error: VISP GraphQL Subs failed: isp_id 8 is not yours/);
  });
});

describe('credentials from the environment', () => {
  let scenario: Scenario | undefined;
  afterEach(async () => scenario?.close());

  const legacyEnv = {
    VISP_CLIENT_ID: CREDENTIALS.clientId,
    VISP_CLIENT_SECRET: CREDENTIALS.clientSecret,
    VISP_USERNAME: CREDENTIALS.username,
    VISP_PASSWORD: CREDENTIALS.password,
  };

  it('VISP_* variables alone are enough', async () => {
    scenario = await startScenario('libreqos-example', { noCredentials: true });
    const result = await scenario.run([], legacyEnv);
    expect(result.code, result.stderr).toBe(0);
    assertNoSecret(result, ...SECRETS);
  });

  it('WISPSYNC_VISP_INTEGRATION_* beats VISP_*, which beats the file', async () => {
    scenario = await startScenario('libreqos-example');
    const result = await scenario.run([], {
      VISP_PASSWORD: 'wrong-from-visp-env',
      WISPSYNC_VISP_INTEGRATION_PASSWORD: CREDENTIALS.password,
    });
    expect(result.code, result.stderr).toBe(0);
    expect(scenario.server.requests[0]?.headers['x-visp-password']).toBe(CREDENTIALS.password);
  });

  it('a secret key of the wrong type is named, its value never printed', async () => {
    scenario = await startScenario('libreqos-example', {
      noCredentials: true,
      visp: 'client_secret = 918273645',
    });
    const result = await scenario.run([], legacyEnv);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/config: \[visp_integration\]\.client_secret must be a string\n/);
    expect(result.stderr).not.toContain('918273645');
  });

  it('missing credentials: exit 2 naming each key and its environment variable', async () => {
    scenario = await startScenario('libreqos-example', { noCredentials: true });
    const result = await scenario.run([], { VISP_CLIENT_ID: CREDENTIALS.clientId, VISP_USERNAME: 'u' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /config: VISP credentials are missing: \[visp_integration\]\.client_secret \(or VISP_CLIENT_SECRET\), \[visp_integration\]\.password \(or VISP_PASSWORD\)/,
    );
    expect(scenario.server.requests).toHaveLength(0);
  });
});

describe('probe (wispsync-doctor)', () => {
  let scenario: Scenario | undefined;
  afterEach(async () => scenario?.close());

  it('gets a token with the configured credentials and reports the ISP id; writes no cache', async () => {
    scenario = await startScenario('libreqos-example');
    const { context, printed } = await fetchContext(scenario.config);
    expect(await visp.probe?.(context)).toBe('VISP: token issued to lqos-api; ISP id 42 (from the token)');
    expect(scenario.server.requests.map((r) => r.path)).toEqual([TOKEN_PATH]);
    await expect(stat(cachePath(scenario))).rejects.toThrow(/ENOENT/);
    expect(printed()).not.toContain(CREDENTIALS.password);
  });

  it('ignores a cached token: the credentials themselves are checked', async () => {
    scenario = await startScenario('libreqos-example');
    expect((await scenario.run()).code).toBe(0);
    const { context } = await fetchContext(scenario.config, {
      WISPSYNC_VISP_INTEGRATION_PASSWORD: 'wrong-pass-1234',
    });
    await expect(visp.probe?.(context)).rejects.toMatchObject({
      exitCode: 3,
      message: expect.stringMatching(/HTTP 401/),
    });
  });
});
