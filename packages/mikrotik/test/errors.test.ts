import { readdir, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { assertNoSecret, readOutputs } from '@wispsync/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { fixtureMenus } from './fake-router.js';
import { API_PASSWORD, REST_PASSWORD, type Scenario, startScenario } from './harness.js';

/** A port nothing listens on: a router that is down. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function circuitIds(csv: string | undefined): string[] {
  return (csv ?? '')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(',')[0]!);
}

describe('mikrotik-integration router failures', () => {
  let scenario: Scenario | undefined;
  afterEach(async () => scenario?.close());

  it('a router that is down: warned about, the other one still used', async () => {
    scenario = await startScenario('basic', { ports: { rest: await closedPort() } });
    const result = await scenario.run();
    assertNoSecret(result, API_PASSWORD, REST_PASSWORD);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(
      /warning: router "core-2" \(127\.0\.0\.1:\d+, rest\): .*connection refused.*: its subscribers are left out of this run/,
    );
    const ids = circuitIds((await readOutputs(scenario.outputDir))['ShapedDevices.csv']);
    expect(ids).toContain('mikrotik:core-1:ppp:alice');
    expect(ids.filter((id) => id.startsWith('mikrotik:core-2:'))).toEqual([]);
    // core-2's hotspot user no longer takes the lease's address: the lease is shaped again.
    expect(ids).toContain('mikrotik:core-1:dhcp:00:11:22:33:44:02');
  });

  it('every router down: exit 3 and the files are left untouched', async () => {
    scenario = await startScenario('basic');
    expect((await scenario.run()).code).toBe(0);
    const before = await readOutputs(scenario.outputDir);
    await scenario.close();
    const result = await scenario.run();
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/error: all 2 routers failed; nothing was written/);
    expect(result.stderr).toMatch(/router "core-1" \(127\.0\.0\.1:\d+, api\): .*refused/);
    expect(result.stderr).toMatch(/router "core-2" \(127\.0\.0\.1:\d+, rest\): .*refused/);
    expect(result.stderr).not.toMatch(/at .*\.js:\d+/); // no stack trace
    expect(await readOutputs(scenario.outputDir)).toEqual(before);
  });

  it('a login refused: warned about without the password; the other router used', async () => {
    const wrong = 'Wrong-Pass-0000';
    scenario = await startScenario('basic', { passwords: { api: wrong } });
    const result = await scenario.run();
    assertNoSecret(result, wrong, API_PASSWORD, REST_PASSWORD);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/warning: router "core-1" \(127\.0\.0\.1:\d+, api\): login refused/);
    expect(result.stderr).toMatch(/check username and password of \[\[router\]\] "core-1"/);
    const ids = circuitIds((await readOutputs(scenario.outputDir))['ShapedDevices.csv']);
    expect(ids).toContain('mikrotik:core-2:ppp:ivan');
    expect(ids.filter((id) => id.startsWith('mikrotik:core-1:'))).toEqual([]);
  });

  it('both logins refused (REST 401 too): exit 3, no password anywhere', async () => {
    const wrongApi = 'Wrong-Api-1111';
    const wrongRest = 'Wrong-Rest-2222';
    scenario = await startScenario('basic', { passwords: { api: wrongApi, rest: wrongRest } });
    const result = await scenario.run();
    expect(result.code).toBe(3);
    assertNoSecret(result, wrongApi, wrongRest, API_PASSWORD, REST_PASSWORD);
    expect(result.stderr).toMatch(/router "core-2" .*login refused/);
    expect(await readdir(scenario.outputDir)).toEqual([]);
  });

  it.each([
    ['accepts the connection and never answers', 'stall'],
    ['answers the login, then never a command', 'stall-commands'],
  ] as const)('a router that %s: a timeout warning, the other router used', async (_label, fault) => {
    scenario = await startScenario('basic', { timeoutSecs: 1, api: { fault } });
    const started = Date.now();
    const result = await scenario.run();
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/warning: router "core-1" .*(no answer|stopped answering|timed out)/);
    expect(Date.now() - started).toBeLessThan(8000);
    const ids = circuitIds((await readOutputs(scenario.outputDir))['ShapedDevices.csv']);
    expect(ids).toContain('mikrotik:core-2:ppp:ivan');
    expect(ids.filter((id) => id.startsWith('mikrotik:core-1:'))).toEqual([]);
  });

  it('a slow REST router: a timeout warning, the other router used', async () => {
    scenario = await startScenario('basic', { timeoutSecs: 1, rest: { delayMs: 3000 } });
    const result = await scenario.run();
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(
      /warning: router "core-2" \(127\.0\.0\.1:\d+, rest\): .*(no answer|timed out)/,
    );
    const ids = circuitIds((await readOutputs(scenario.outputDir))['ShapedDevices.csv']);
    expect(ids).toContain('mikrotik:core-1:ppp:alice');
  });

  it.each(['fatal', 'garbage'] as const)(
    'a router sending %s: warned about, the other used',
    async (fault) => {
      scenario = await startScenario('basic', { api: { fault } });
      const result = await scenario.run();
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toMatch(/warning: router "core-1" \(127\.0\.0\.1:\d+, api\): /);
    },
  );

  it('a menu the router refuses drops only that source of that router', async () => {
    const { '/ip/hotspot/active': _, ...menus } = fixtureMenus('basic', 'core-2');
    scenario = await startScenario('basic', { rest: { menus } });
    const result = await scenario.run();
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(
      /warning: router "core-2" .*\/ip\/hotspot\/active.* failed: no such command.*: hotspot subscribers of router "core-2" are left out/,
    );
    const ids = circuitIds((await readOutputs(scenario.outputDir))['ShapedDevices.csv']);
    expect(ids).toContain('mikrotik:core-2:ppp:ivan');
    expect(ids.filter((id) => id.includes(':hotspot:'))).toEqual([]);
  });

  it('RouterOS 7.18 !empty on an empty hotspot menu: same files as without it', async () => {
    scenario = await startScenario('basic', { api: { emptyReply: true } });
    expect((await scenario.run()).code).toBe(0);
    const withEmpty = await readOutputs(scenario.outputDir);
    const sawEmpty = scenario.api.commands.some((words) => words[0] === '/ip/hotspot/active/print');
    expect(sawEmpty).toBe(true);
    await scenario.close();
    scenario = await startScenario('basic', { api: { emptyReply: false } });
    expect((await scenario.run()).code).toBe(0);
    expect(await readOutputs(scenario.outputDir)).toEqual(withEmpty);
  });

  it('no subscribers at all over existing files: exit 5 (shrink guard), files byte-identical', async () => {
    scenario = await startScenario('basic');
    expect((await scenario.run()).code).toBe(0);
    const before = await readOutputs(scenario.outputDir);
    for (const menu of ['/ppp/active', '/ip/hotspot/active', '/ip/dhcp-server/lease']) {
      scenario.api.setMenu(menu, []);
      scenario.rest.setMenu(menu, []);
    }
    const result = await scenario.run();
    expect(result.code).toBe(5);
    expect(result.stderr).toMatch(/refusing to write: the new ShapedDevices.csv has no circuits/);
    expect(await readOutputs(scenario.outputDir)).toEqual(before);
  });

  it('two concurrent runs: the second exits 6 at once', async () => {
    scenario = await startScenario('basic', { rest: { delayMs: 1500 } });
    const first = scenario.run();
    // The lock is taken before anything is fetched: once core-2 sees a request, the first run holds it.
    while (scenario.rest.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 25));
    const second = await scenario.run();
    scenario.rest.setDelay(0);
    expect(second.code).toBe(6);
    expect(second.stderr).toMatch(/another wispsync run/);
    expect((await first).code).toBe(0);
  });

  it('config mistakes exit 2 and name what to fix', async () => {
    scenario = await startScenario('basic', { settings: 'missing_rate = "maybe"\n' });
    const bad = await scenario.run();
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/\[mikrotik_integration\]\.missing_rate/);

    const missing = await scenario.run([], {
      WISPSYNC_MIKROTIK_INTEGRATION_MISSING_RATE: 'default',
      WISPSYNC_MIKROTIK_INTEGRATION_ROUTERS_FILE: '/nonexistent/routers.toml',
    });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/routers file \/nonexistent\/routers.toml is not found/);

    await writeFile(scenario.routersFile, 'version = 1\n');
    const none = await scenario.run([], { WISPSYNC_MIKROTIK_INTEGRATION_MISSING_RATE: 'default' });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/lists no \[\[router\]\]/);

    await writeFile(
      scenario.routersFile,
      `[[router]]\nname = "x"\nhost = "127.0.0.1"\nusername = "u"\npassword = "${API_PASSWORD}"\ntransport = "telnet"\n`,
    );
    const broken = await scenario.run([], { WISPSYNC_MIKROTIK_INTEGRATION_MISSING_RATE: 'default' });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/transport must be "api" or "rest"/);
    assertNoSecret(broken, API_PASSWORD);
  });
});
