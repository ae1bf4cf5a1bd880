import { readdir, readFile } from 'node:fs/promises';
import { Writable } from 'node:stream';
import { createReporter, isWispError, loadConfig, probeIntegration } from '@wispsync/core';
import { afterEach, describe, expect, it } from 'vitest';
import { uisp } from '../src/index.js';
import { API, fixtureDir, type Scenario, startScenario, TOKEN } from './harness.js';

const sink = () => new Writable({ write: (_chunk, _encoding, done) => done() });

async function probe(scenario: Scenario, env: NodeJS.ProcessEnv = {}) {
  const config = await loadConfig({ path: scenario.config, schema: uisp.schema, env });
  return probeIntegration(uisp, {
    config,
    reporter: createReporter({ quiet: true, verbose: false, stream: sink() }),
  });
}

describe('uisp probe (wispsync-doctor)', () => {
  let scenario: Scenario | undefined;
  afterEach(async () => scenario?.close());

  it('is one GET sites: token accepted, nothing written', async () => {
    scenario = await startScenario('network');
    const sites = JSON.parse(await readFile(`${fixtureDir('network')}/sites.json`, 'utf8'));
    expect(await probe(scenario)).toBe(`UISP: token accepted (${sites.length} sites)`);
    expect(scenario.server.requests.map((r) => [r.method, r.path, r.headers['x-auth-token']])).toEqual([
      ['GET', `${API}/sites`, TOKEN],
    ]);
    expect(await readdir(scenario.outputDir)).toEqual([]);
  });

  it('a refused token: exit 3 naming the setting, never the token', async () => {
    scenario = await startScenario('network');
    const error = await probe(scenario, { WISPSYNC_UISP_INTEGRATION_TOKEN: 'uisp-wrong-9999' }).catch(
      (e) => e,
    );
    expect(isWispError(error) && error.exitCode).toBe(3);
    expect(error.message).toMatch(/HTTP 401/);
    expect(error.hint).toMatch(/\[uisp_integration\]\.token/);
    expect(`${error.message} ${error.hint}`).not.toContain('uisp-wrong-9999');
  });

  it('a host that does not answer: exit 3 after the capped retry, quickly', async () => {
    scenario = await startScenario('network');
    await scenario.server.close();
    const started = Date.now();
    const error = await probe(scenario).catch((e) => e);
    expect(isWispError(error) && error.exitCode).toBe(3);
    expect(error.message).toMatch(/connection refused/);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
