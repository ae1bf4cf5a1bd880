import { readdir, readFile } from 'node:fs/promises';
import { Writable } from 'node:stream';
import { createReporter, isWispError, loadConfig, probeIntegration } from '@wispsync/core';
import { afterEach, describe, expect, it } from 'vitest';
import { netzur } from '../src/index.js';
import { API_KEY, EXPORT_PATH, fixtureDir, type Scenario, startScenario } from './harness.js';

const sink = () => new Writable({ write: (_chunk, _encoding, done) => done() });

async function probe(scenario: Scenario, env: NodeJS.ProcessEnv = {}) {
  const config = await loadConfig({ path: scenario.config, schema: netzur.schema, env });
  return probeIntegration(netzur, {
    config,
    reporter: createReporter({ quiet: true, verbose: false, stream: sink() }),
  });
}

describe('netzur probe (wispsync-doctor)', () => {
  let scenario: Scenario | undefined;
  afterEach(async () => scenario?.close());

  it('is the one export call: reachable and key accepted, nothing written', async () => {
    scenario = await startScenario('basic');
    const exported = JSON.parse(await readFile(`${fixtureDir('basic')}/export.json`, 'utf8'));
    expect(await probe(scenario)).toBe(
      `Netzur: export answered, key accepted (${exported.zones.length} zones, ${exported.customers.length} customers)`,
    );
    expect(scenario.server.requests.map((r) => [r.method, r.path, r.headers.authorization])).toEqual([
      ['GET', EXPORT_PATH, `Bearer ${API_KEY}`],
    ]);
    expect(await readdir(scenario.outputDir)).toEqual([]);
  });

  it('a refused key: exit 3 with the key to fix, never the key itself', async () => {
    scenario = await startScenario('basic');
    const error = await probe(scenario, { WISPSYNC_NETZUR_INTEGRATION_API_KEY: 'nz-wrong-key-9999' }).catch(
      (e) => e,
    );
    expect(isWispError(error) && error.exitCode).toBe(3);
    expect(error.message).toMatch(/HTTP 401/);
    expect(error.hint).toMatch(/\[netzur_integration\]\.api_key/);
    expect(`${error.message} ${error.hint}`).not.toContain('nz-wrong-key-9999');
  });
});
