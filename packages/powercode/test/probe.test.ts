import { readdir } from 'node:fs/promises';
import { Writable } from 'node:stream';
import { createReporter, isWispError, loadConfig, probeIntegration } from '@wispsync/core';
import { afterEach, describe, expect, it } from 'vitest';
import { powercode } from '../src/index.js';
import { API_KEY, ENDPOINT, forms, readLists, type Scenario, startScenario } from './harness.js';

const sink = () => new Writable({ write: (_chunk, _encoding, done) => done() });

async function probe(scenario: Scenario, env: NodeJS.ProcessEnv = {}) {
  const config = await loadConfig({ path: scenario.config, schema: powercode.schema, env });
  return probeIntegration(powercode, {
    config,
    reporter: createReporter({ quiet: true, verbose: false, stream: sink() }),
  });
}

describe('powercode probe (wispsync-doctor)', () => {
  let scenario: Scenario | undefined;
  afterEach(async () => scenario?.close());

  it('is one list_customers call: key accepted, nothing written', async () => {
    scenario = await startScenario('realistic');
    const { customers } = await readLists('realistic');
    expect(await probe(scenario)).toBe(
      `Powercode: key accepted (${(customers as unknown[]).length} customers)`,
    );
    expect(scenario.server.requests.map((r) => r.path)).toEqual([ENDPOINT]);
    expect(forms(scenario)).toEqual([{ apiKey: API_KEY, action: 'list_customers' }]);
    expect(await readdir(scenario.outputDir)).toEqual([]);
  });

  it('a refused key: exit 3 with Powercode’s message and the key to fix, never the key itself', async () => {
    scenario = await startScenario('realistic');
    const error = await probe(scenario, {
      WISPSYNC_POWERCODE_INTEGRATION_POWERCODE_API_KEY: 'pc-wrong-key-9999',
    }).catch((e) => e);
    expect(isWispError(error) && error.exitCode).toBe(3);
    expect(error.message).toMatch(/list_customers answered with an error: Invalid API key/);
    expect(error.hint).toMatch(/\[powercode_integration\]\.powercode_api_key/);
    expect(`${error.message} ${error.hint}`).not.toContain('pc-wrong-key-9999');
  });
});
