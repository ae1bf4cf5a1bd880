import { readdir, readFile } from 'node:fs/promises';
import { Writable } from 'node:stream';
import { createReporter, isWispError, loadConfig, probeIntegration } from '@wispsync/core';
import { afterEach, describe, expect, it } from 'vitest';
import { wispgate } from '../src/index.js';
import { ENDPOINT, fixtureDir, type Scenario, startScenario, TOKEN } from './harness.js';

const sink = () => new Writable({ write: (_chunk, _encoding, done) => done() });

async function probe(scenario: Scenario, env: NodeJS.ProcessEnv = {}) {
  const config = await loadConfig({ path: scenario.config, schema: wispgate.schema, env });
  return probeIntegration(wispgate, {
    config,
    reporter: createReporter({ quiet: true, verbose: false, stream: sink() }),
  });
}

describe('wispgate probe (wispsync-doctor)', () => {
  let scenario: Scenario | undefined;
  afterEach(async () => scenario?.close());

  it('is the one shaped-devices call: token accepted, nothing written', async () => {
    scenario = await startScenario('realistic');
    const rows = JSON.parse(await readFile(`${fixtureDir('realistic')}/shaped-devices.json`, 'utf8'));
    expect(await probe(scenario)).toBe(`WISPGate: token accepted (${rows.length} shaped-device rows)`);
    expect(scenario.server.requests.map((r) => [r.method, r.path, r.body])).toEqual([
      ['POST', ENDPOINT, `api_token=${TOKEN}`],
    ]);
    expect(await readdir(scenario.outputDir)).toEqual([]);
  });

  it('a refused token: exit 3 naming the setting, never the token', async () => {
    scenario = await startScenario('realistic');
    const error = await probe(scenario, {
      WISPSYNC_WISPGATE_INTEGRATION_WISPGATE_API_TOKEN: 'wg-wrong-9999',
    }).catch((e) => e);
    expect(isWispError(error) && error.exitCode).toBe(3);
    expect(error.message).toMatch(/HTTP 401/);
    expect(error.hint).toMatch(/\[wispgate_integration\]\.wispgate_api_token/);
    expect(`${error.message} ${error.hint}`).not.toContain('wg-wrong-9999');
  });
});
