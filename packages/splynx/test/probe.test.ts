import { readdir } from 'node:fs/promises';
import { Writable } from 'node:stream';
import { createReporter, isWispError, loadConfig, probeIntegration } from '@wispsync/core';
import { afterEach, describe, expect, it } from 'vitest';
import { splynx } from '../src/index.js';
import { API_KEY, API_SECRET, type Scenario, startScenario } from './harness.js';
import { basicAuth, pathOf } from './mock.js';

const sink = () => new Writable({ write: (_chunk, _encoding, done) => done() });

async function probe(scenario: Scenario, env: NodeJS.ProcessEnv = {}) {
  const config = await loadConfig({ path: scenario.config, schema: splynx.schema, env });
  return probeIntegration(splynx, {
    config,
    reporter: createReporter({ quiet: true, verbose: false, stream: sink() }),
  });
}

describe('splynx probe (wispsync-doctor)', () => {
  let scenario: Scenario | undefined;
  afterEach(async () => scenario?.close());

  it('asks for one customer: key accepted, nothing written', async () => {
    scenario = await startScenario('realistic');
    expect(await probe(scenario)).toBe('Splynx: API key accepted (admin/customers/customer readable)');
    expect(scenario.server.requests.map((r) => [r.path, r.query, r.headers.authorization])).toEqual([
      [pathOf('customers.json'), { limit: '1', offset: '0' }, basicAuth(API_KEY, API_SECRET)],
    ]);
    expect(await readdir(scenario.outputDir)).toEqual([]);
  });

  it('a refused secret: exit 3 naming the settings and the permission, never the secret', async () => {
    scenario = await startScenario('realistic');
    const error = await probe(scenario, {
      WISPSYNC_SPLYNX_INTEGRATION_API_SECRET: 'spx-wrong-secret-1',
    }).catch((e) => e);
    expect(isWispError(error) && error.exitCode).toBe(3);
    expect(error.message).toMatch(/HTTP 401/);
    expect(error.hint).toMatch(/\[splynx_integration\]\.api_key and api_secret.*"Customers › Customer"/);
    expect(`${error.message} ${error.hint}`).not.toContain('spx-wrong-secret-1');
  });
});
