import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type FetchContext, PLAN_JSON_SCHEMA, WispError } from '@wispsync/core';
import { assertNoSecret } from '@wispsync/core/testing';
import { Ajv } from 'ajv';
import { afterEach, describe, expect, it } from 'vitest';
import { mikrotik } from '../src/definition.js';
import { API_PASSWORD, REST_PASSWORD, ROOT, type Scenario, startScenario, TOOL } from './harness.js';

async function read(dir: string, file: string): Promise<string> {
  return readFile(join(dir, file), 'utf8');
}

describe('mikrotik-integration output modes', () => {
  let scenario: Scenario | undefined;
  afterEach(async () => scenario?.close());

  it('--dry-run writes nothing and reports what changes when a session comes and goes', async () => {
    scenario = await startScenario('basic');
    const first = await scenario.run(['--dry-run']);
    expect(first.code, first.stderr).toBe(0);
    expect(await readdir(scenario.outputDir)).toEqual([]);
    expect(first.stdout).toMatch(/\+ circuit mikrotik:core-1:ppp:alice "alice"/);

    expect((await scenario.run()).code).toBe(0);
    const csv = await read(scenario.outputDir, 'ShapedDevices.csv');
    const active = JSON.parse(await readFile(join(ROOT, 'test-data/mikrotik/basic/core-1.json'), 'utf8'))[
      '/ppp/active'
    ] as Record<string, string>[];
    // alice hangs up, bob reconnects with a new session id (same address), a new user logs in.
    scenario.api.setMenu('/ppp/active', [
      ...active
        .filter((row) => row.name !== 'alice')
        .map((row) =>
          row.name === 'bob' ? { ...row, '.id': '*8000FFFF', 'session-id': '0x8100FFFF' } : row,
        ),
      {
        '.id': '*80000099',
        name: 'zoe',
        service: 'pppoe',
        'caller-id': 'AA:BB:CC:00:00:99',
        address: '100.64.1.99',
      },
    ]);
    const dry = await scenario.run(['--dry-run']);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/2 circuits added, 1 removed, 0 changed/);
    expect(dry.stdout).toMatch(/\+ circuit mikrotik:core-1:ppp:zoe "zoe"/);
    // alice's address is free now, so core-2's judy (same address, lower priority) is shaped.
    expect(dry.stdout).toMatch(/\+ circuit mikrotik:core-2:ppp:judy "judy"/);
    expect(dry.stdout).toMatch(/- circuit mikrotik:core-1:ppp:alice "alice"/);
    expect(await read(scenario.outputDir, 'ShapedDevices.csv')).toBe(csv);
  });

  it('--json prints the plan (valid against the documented schema), writes nothing, no password', async () => {
    scenario = await startScenario('basic', { settings: 'plan_nodes = true\n' });
    const result = await scenario.run(['--json']);
    expect(result.code, result.stderr).toBe(0);
    assertNoSecret(result, API_PASSWORD, REST_PASSWORD);
    expect(await readdir(scenario.outputDir)).toEqual([]);
    const plan = JSON.parse(result.stdout);
    const validate = new Ajv({ allErrors: true }).compile(PLAN_JSON_SCHEMA);
    expect(validate(plan), JSON.stringify(validate.errors)).toBe(true);
    expect(plan.tool).toBe('mikrotik-integration');
    expect(plan.network.map((n: { name: string }) => n.name)).toEqual(['core-1', 'core-2']);
    expect(plan.skipped['duplicate-ip']).toBe(4);
  });

  it('--csv-layout v2.2 writes Parent Node ID (the router or plan node id)', async () => {
    scenario = await startScenario('basic', { settings: 'plan_nodes = true\n' });
    expect((await scenario.run(['--csv-layout', 'v2.2'])).code).toBe(0);
    const lines = (await read(scenario.outputDir, 'ShapedDevices.csv')).split('\n');
    expect(lines[1]).toMatch(
      /^mikrotik:core-1:ppp:alice,alice,mikrotik:core-1:ppp:alice:device,alice,PLAN-plan-10M-core-1,mikrotik:plan:core-1:ppp:plan-10M,,/,
    );
    expect(lines.find((line) => line.startsWith('mikrotik:core-1:ppp:carol,'))).toMatch(
      /,core-1,mikrotik:router:core-1,/,
    );
  });

  it('a routers_file in [mikrotik_integration] wins over [mikrotik_ipv6].config_path', async () => {
    scenario = await startScenario('basic', { settings: 'routers_file = "/nonexistent/own.toml"\n' });
    const result = await scenario.run();
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/routers file \/nonexistent\/own.toml is not found/);
  });

  it('--save-responses then --from-responses gives the same plan without any router', async () => {
    scenario = await startScenario('basic', { settings: 'plan_nodes = true\n' });
    const saved = await mkdtemp(join(tmpdir(), 'wispsync-mikrotik-saved-'));
    const live = await scenario.run(['--json', '--save-responses', saved]);
    expect(live.code, live.stderr).toBe(0);
    expect(await readdir(saved)).toEqual(['mikrotik-routers.json']);
    const recording = await read(saved, 'mikrotik-routers.json');
    for (const secret of [API_PASSWORD, REST_PASSWORD, 'alice-pppoe-pw', 'hotspot-admin-pw']) {
      expect(recording).not.toContain(secret);
    }
    await scenario.close();
    const connections = scenario.api.connections;
    const replayed = await scenario.run(['--json', '--from-responses', saved]);
    expect(replayed.code, replayed.stderr).toBe(0);
    expect(replayed.stdout).toBe(live.stdout);
    expect(scenario.api.connections).toBe(connections);
    const missing = await scenario.run(['--json', '--from-responses', scenario.dir]);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toMatch(/MikroTik: no recorded router rows in /);
  });

  it('the alias bin and the package bin fields run the same tool', async () => {
    const alias = await new Promise<number | null>((resolve) => {
      spawn(process.execPath, [join(ROOT, 'bin/mikrotik_integration'), '--version']).on('close', resolve);
    });
    expect(alias).toBe(0);
    const pkg = JSON.parse(await readFile(join(ROOT, 'packages/mikrotik/package.json'), 'utf8'));
    expect(Object.keys(pkg.bin)).toEqual(['mikrotik-integration', 'mikrotik_integration']);
    expect(TOOL).toMatch(/bin\/mikrotik-integration$/);
  });
});

describe('probe (wispsync-doctor)', () => {
  let scenario: Scenario | undefined;
  afterEach(async () => scenario?.close());

  function context(routersFile: string): FetchContext & { secrets: string[] } {
    const secrets: string[] = [];
    const reporter = {
      info() {},
      debug() {},
      warn() {},
      addSecret: (value: string | undefined) => value && secrets.push(value),
    };
    return {
      config: { mikrotik_integration: { routers_file: routersFile, timeout_secs: 2 } },
      reporter,
      secrets,
    } as unknown as FetchContext & { secrets: string[] };
  }

  it('logs in to every router and prints /system/identity', async () => {
    scenario = await startScenario('basic');
    const ctx = context(scenario.routersFile);
    expect(await mikrotik.probe?.(ctx)).toBe('2 routers: core-1 ok, core-2 ok');
    expect(scenario.api.commands.map((words) => words[0])).toEqual(['/login', '/system/identity/print']);
    expect(scenario.rest.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /rest/system/identity']);
    expect(ctx.secrets).toEqual([API_PASSWORD, REST_PASSWORD]);
  });

  it('a router refusing the login fails the probe, naming each router, never the password', async () => {
    const wrong = 'Probe-Wrong-9876';
    scenario = await startScenario('basic', { passwords: { rest: wrong } });
    const error = await mikrotik.probe?.(context(scenario.routersFile)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WispError);
    const { message, details, exitCode } = error as WispError;
    expect(exitCode).toBe(3);
    expect(message).toBe('2 routers: core-1 ok, core-2 failed');
    expect(details.join('\n')).toMatch(/router "core-2" .*login refused/);
    expect(`${message}${details.join('')}`).not.toContain(wrong);
  });
});
