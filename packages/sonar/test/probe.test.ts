import { readdir } from 'node:fs/promises';
import { Writable } from 'node:stream';
import { createReporter, isWispError, loadConfig, probeIntegration } from '@wispsync/core';
import { afterEach, describe, expect, it } from 'vitest';
import { sonar } from '../src/index.js';
import { API_KEY, COMMUNITY, GRAPHQL_PATH, type Scenario, startScenario } from './harness.js';

const sink = () => new Writable({ write: (_chunk, _encoding, done) => done() });

async function probe(scenario: Scenario, env: NodeJS.ProcessEnv = {}) {
  const config = await loadConfig({ path: scenario.config, schema: sonar.schema, env });
  return probeIntegration(sonar, {
    config,
    reporter: createReporter({ quiet: true, verbose: false, stream: sink() }),
  });
}

describe('sonar probe (wispsync-doctor)', () => {
  let scenario: Scenario | undefined;
  afterEach(async () => {
    await scenario?.close();
    scenario = undefined;
  });

  it('is one GraphQL request for one account: reachable, key accepted, nothing written', async () => {
    scenario = await startScenario('basic');
    expect(await probe(scenario)).toBe(`Sonar: key accepted (${scenario.db.accounts.length} accounts)`);
    expect(scenario.server.requests.map((r) => [r.method, r.path, r.headers.authorization])).toEqual([
      ['POST', GRAPHQL_PATH, `Bearer ${API_KEY}`],
    ]);
    const body = JSON.parse(scenario.server.requests[0]?.body ?? '{}');
    expect(body.operationName).toBe('probeAccounts');
    expect(body.variables).toEqual({ pages: { records_per_page: 1, page: 1 } });
    expect(await readdir(scenario.outputDir)).toEqual([]);
  });

  it('a refused key: exit 3 naming the setting, never the key or the community', async () => {
    scenario = await startScenario('basic');
    const wrong = 'sonar-wrong-key-4321';
    const error = await probe(scenario, { WISPSYNC_SONAR_INTEGRATION_SONAR_API_KEY: wrong }).catch(
      (e: unknown) => e,
    );
    expect(isWispError(error) && error.exitCode).toBe(3);
    const { message, hint } = error as { message: string; hint?: string };
    expect(message).toMatch(/HTTP 401/);
    expect(hint).toMatch(/\[sonar_integration\]\.sonar_api_key/);
    for (const secret of [wrong, API_KEY, COMMUNITY]) expect(`${message} ${hint}`).not.toContain(secret);
  });

  it('a GraphQL error: exit 3 with the upstream message', async () => {
    scenario = await startScenario('basic');
    scenario.server.fault({
      path: GRAPHQL_PATH,
      status: 200,
      body: '{"errors": [{"message": "You do not have permission to view accounts."}]}',
    });
    const error = await probe(scenario).catch((e: unknown) => e);
    expect(isWispError(error) && error.exitCode).toBe(3);
    expect((error as Error).message).toBe(
      'Sonar GraphQL probeAccounts failed: You do not have permission to view accounts.',
    );
  });
});
