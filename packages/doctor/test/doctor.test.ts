import { chmod, mkdir, readdir, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { assertNoSecret, runTool } from '@wispsync/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type DoctorScenario,
  REPO_ROOT_BIN,
  SECRETS,
  startDoctorScenario,
  statuses,
  TOOL,
} from './harness.js';

const ALL_SECRETS = Object.values(SECRETS);

describe('wispsync-doctor (the built binary, against the mock sources)', () => {
  let scenario: DoctorScenario | undefined;
  afterEach(async () => scenario?.close());

  it('everything right: every check ok, one request per source, exit 0, nothing left behind', async () => {
    scenario = await startDoctorScenario();
    const result = await scenario.run();
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(statuses(result.stdout)).toEqual({
      config: 'ok',
      uisp: 'ok',
      splynx: 'ok',
      visp: 'skipped',
      netzur: 'ok',
      powercode: 'ok',
      sonar: 'skipped',
      wispgate: 'ok',
      mikrotik: 'skipped',
      output: 'ok',
      lock: 'ok',
      libreqos: 'ok',
      files: 'ok',
    });
    expect(result.stdout).toContain('UISP: token accepted (2 sites)');
    expect(result.stdout).toContain('Splynx: API key accepted (admin/customers/customer readable)');
    expect(result.stdout).toContain('Netzur: export answered, key accepted (1 zones, 2 customers)');
    expect(result.stdout).toContain('Powercode: key accepted (3 customers)');
    expect(result.stdout).toContain('WISPGate: token accepted (1 shaped-device rows)');
    expect(result.stdout).toMatch(
      /files +the current files would load on LibreQoS 2\.1 \(5 rows, 4 circuits, 4 nodes\)/,
    );
    expect(result.stderr).toBe('wispsync-doctor: 10 ok, 0 warnings, 0 failed, 3 skipped — ready\n');
    expect(scenario.server.requests.map((r) => r.path).sort()).toEqual([
      '/api/preseem/index.php',
      '/netzur/export',
      '/splynx/api/2.0/admin/customers/customer',
      '/uisp/nms/api/v2.1/sites',
      '/wispgate/api/libreqos/shaped-devices',
    ]);
    expect((await readdir(scenario.outputDir)).sort()).toEqual(['ShapedDevices.csv', 'network.json']);
    assertNoSecret(result, ...ALL_SECRETS);
  });

  it.each([
    ['netzur', 'WISPSYNC_NETZUR_INTEGRATION_API_KEY', /\[netzur_integration\]\.api_key/],
    [
      'wispgate',
      'WISPSYNC_WISPGATE_INTEGRATION_WISPGATE_API_TOKEN',
      /\[wispgate_integration\]\.wispgate_api_token/,
    ],
    [
      'powercode',
      'WISPSYNC_POWERCODE_INTEGRATION_POWERCODE_API_KEY',
      /\[powercode_integration\]\.powercode_api_key/,
    ],
    ['splynx', 'WISPSYNC_SPLYNX_INTEGRATION_API_SECRET', /\[splynx_integration\]\.api_key and api_secret/],
    ['uisp', 'WISPSYNC_UISP_INTEGRATION_TOKEN', /\[uisp_integration\]\.token/],
  ])(
    'a refused %s credential: that check fails with the setting to fix, exit 3, no secret printed',
    async (tool, variable, hint) => {
      scenario = await startDoctorScenario();
      const wrong = `wrong-${tool}-credential-77`;
      const result = await scenario.run([], { [variable]: wrong });
      expect(result.code).toBe(3);
      const s = statuses(result.stdout);
      expect(s[tool]).toBe('failed');
      expect(Object.entries(s).filter(([, status]) => status === 'failed')).toEqual([[tool, 'failed']]);
      expect(result.stdout).toMatch(/HTTP 401/);
      expect(result.stdout).toMatch(hint);
      expect(result.stderr).toMatch(/not ready: a tool run now would fail \(exit 3\)/);
      assertNoSecret(result, wrong, ...ALL_SECRETS);
    },
  );

  it('an output directory nothing can write (its parent is a file, even for root): exit 2', async () => {
    scenario = await startDoctorScenario({ tools: ['netzur'] });
    await writeFile(join(scenario.dir, 'plain-file'), '');
    const result = await scenario.run(['-o', join(scenario.dir, 'plain-file', 'out')]);
    expect(result.code).toBe(2);
    expect(statuses(result.stdout)).toMatchObject({
      netzur: 'ok',
      output: 'failed',
      lock: 'skipped',
      files: 'skipped',
    });
    expect(result.stdout).toMatch(
      /output +output directory .*plain-file\/out is not a directory \(a part of the path is a file\)/,
    );
    expect(result.stdout).toMatch(/fix: create it or let the tool user write to it/);
  });

  it.skipIf(process.getuid?.() === 0)('a read-only output directory: exit 2, permission denied', async () => {
    scenario = await startDoctorScenario({ tools: ['netzur'] });
    await chmod(scenario.outputDir, 0o555);
    try {
      const result = await scenario.run();
      expect(result.code).toBe(2);
      expect(result.stdout).toMatch(/output +output directory .* is not writable \(permission denied\)/);
    } finally {
      await chmod(scenario.outputDir, 0o755);
    }
  });

  it('a lock held by a live run fails (exit 6); one left by a dead run is only a warning', async () => {
    scenario = await startDoctorScenario({ tools: ['netzur'] });
    const lock = join(scenario.outputDir, '.wispsync.lock');
    await mkdir(lock);
    await writeFile(`${lock}.owner`, `${process.pid} ${hostname()}\n`);
    const held = await scenario.run();
    expect(held.code).toBe(6);
    expect(held.stdout).toMatch(
      new RegExp(`lock +held by pid ${process.pid} .*a run started now would exit 6`),
    );
    await writeFile(`${lock}.owner`, `999999 ${hostname()}\n`);
    const dead = await scenario.run();
    expect(dead.code).toBe(0);
    expect(dead.stdout).toMatch(/warning +lock +.*was left by a run that died \(pid 999999\)/);
  });

  it('enable_* flags: a failure on a LibreQoS 2.2 host (LibreQoS ignores our files), a warning on older ones', async () => {
    scenario = await startDoctorScenario({
      tools: ['netzur'],
      before: '[uisp_integration]\nenable_uisp = true\n',
    });
    const older = await scenario.run();
    expect(older.code).toBe(0);
    expect(older.stdout).toMatch(
      /warning +libreqos +LibreQoS's scheduler runs its own UISP integration .*\(\[uisp_integration\]\.enable_uisp = true\); not a LibreQoS 2\.2 host/,
    );
    expect(older.stdout).toMatch(/fix: set enable_uisp to false/);
    await scenario.close();
    scenario = await startDoctorScenario({
      tools: ['netzur'],
      before: '[splynx_integration]\nenable_spylnx = true\n[topology]\ncompile_mode = "full"\n',
      files: 'header-v22-layout',
    });
    const v22 = await scenario.run();
    expect(v22.code).toBe(2);
    expect(v22.stdout).toMatch(
      /failed +libreqos +LibreQoS 2\.2 ignores ShapedDevices\.csv and network\.json while a built-in integration is enabled \(\[splynx_integration\]\.enable_spylnx = true\); LibreQoS 2\.2 host \(lqos\.conf has a \[topology\] section\)/,
    );
    // On a 2.2 host the current files are checked as 2.2 reads them (the v2.2 header is fine).
    expect(v22.stdout).toMatch(/ok +files +the current files would load on LibreQoS 2\.2/);
  });

  it('a 2.2 host is also recognised by its topology state directory', async () => {
    scenario = await startDoctorScenario({ tools: ['netzur'], before: 'state_directory = "{out}/state"\n' });
    await mkdir(join(scenario.outputDir, 'state', 'topology'), { recursive: true });
    const result = await scenario.run(['--json']);
    const report = JSON.parse(result.stdout);
    expect(report.target).toBe('2.2');
    expect(report.checks.find((c: { check: string }) => c.check === 'libreqos').message).toMatch(
      /LibreQoS 2\.2 host \(.*state\/topology exists\)/,
    );
  });

  it('current files LibreQoS would reject: exit 4, the first problems and where to see them all', async () => {
    scenario = await startDoctorScenario({ tools: ['netzur'], files: 'combined-operator-file' });
    const result = await scenario.run(['--target', '2.1']);
    expect(result.code).toBe(4);
    expect(result.stdout).toMatch(
      /failed +files +LibreQoS 2\.1 would reject the current files in .*: 8 errors, 3 warnings/,
    );
    expect(result.stdout).toMatch(/ {21}ShapedDevices\.csv:3: error \[circuit-consistency\]/);
    expect(result.stdout).toMatch(/ {21}… and 6 more/);
    expect(result.stdout).toMatch(/fix: run shaping-validate --dir .* --target 2\.1 for every problem/);
  });

  it('no files yet: a warning, not a failure', async () => {
    scenario = await startDoctorScenario({ tools: ['netzur'], files: null });
    const result = await scenario.run();
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/warning +files +no ShapedDevices\.csv or network\.json in .* yet/);
  });

  it('config problems: a missing file, broken TOML, a wrong type — exit 2, the rest skipped or checked', async () => {
    const missing = await runTool(TOOL, ['-c', '/nonexistent/lqos.conf']);
    expect(missing.code).toBe(2);
    expect(statuses(missing.stdout)).toMatchObject({
      config: 'failed',
      netzur: 'skipped',
      output: 'skipped',
    });
    expect(missing.stdout).toMatch(/config: \/nonexistent\/lqos\.conf is not found/);
    scenario = await startDoctorScenario({
      tools: ['netzur'],
      before: '[queues]\ndownlink_bandwidth_mbps = "fast"\n',
    });
    const typed = await scenario.run();
    expect(typed.code).toBe(2);
    expect(typed.stdout).toMatch(
      /failed +config +.*lqos\.conf has 1 error; the tools would stop at once \(exit 2\)/,
    );
    expect(typed.stdout).toMatch(
      /config: \[queues\]\.downlink_bandwidth_mbps must be a number \(got "fast"\)/,
    );
    // The tool loads the same config, so it would stop too.
    expect(statuses(typed.stdout).netzur).toBe('failed');
    await writeFile(scenario.config, 'lqos_directory = \n');
    const broken = await scenario.run();
    expect(broken.code).toBe(2);
    expect(broken.stdout).toMatch(/is not valid TOML at line 1/);
  });

  it('--only checks the named tools, even one that is not set up; an unknown name is a usage error', async () => {
    scenario = await startDoctorScenario({ tools: ['netzur'] });
    const only = await scenario.run(['--only', 'netzur,sonar']);
    expect(only.code).toBe(2);
    const s = statuses(only.stdout);
    expect(Object.keys(s)).toEqual(['config', 'netzur', 'sonar', 'output', 'lock', 'libreqos', 'files']);
    expect(s.sonar).toBe('failed');
    expect(only.stdout).toMatch(
      /sonar +not set up: \[sonar_integration\] sonar_api_url, sonar_api_key are empty/,
    );
    const bogus = await scenario.run(['--only', 'netzur,crm']);
    expect(bogus.code).toBe(2);
    expect(bogus.stderr).toMatch(/error: --only: no tool named crm\nhint: the tools are uisp, splynx/);
  });

  it('a source slower than --timeout fails quickly', async () => {
    scenario = await startDoctorScenario({ tools: ['netzur'] });
    // Netzur's own timeout_secs is 60; --timeout caps each attempt (and a probe retries once).
    scenario.server.fault({ path: '/netzur/export', delayMs: 8000, times: Number.POSITIVE_INFINITY });
    const started = Date.now();
    const result = await scenario.run(['--timeout', '0.5']);
    expect(result.code).toBe(3);
    expect(result.stdout).toMatch(/failed +netzur +.*timed out after 0\.5 s/);
    expect(Date.now() - started).toBeLessThan(7000);
  });

  it('--json gives the same checks as data; -q prints only what needs attention', async () => {
    scenario = await startDoctorScenario({ tools: ['netzur', 'uisp'] });
    const json = await scenario.run(['--json'], { WISPSYNC_UISP_INTEGRATION_TOKEN: 'wrong-token-123' });
    expect(json.code).toBe(3);
    expect(json.stderr).toBe('');
    const report = JSON.parse(json.stdout);
    expect(report).toMatchObject({ schema: 'wispsync.doctor/1', ok: false, exitCode: 3, target: '2.1' });
    expect(report.summary).toEqual({ ok: 6, warning: 0, failed: 1, skipped: 6 });
    expect(report.checks.find((c: { check: string }) => c.check === 'uisp')).toMatchObject({
      status: 'failed',
      exitCode: 3,
      fix: expect.stringMatching(/\[uisp_integration\]\.token/),
    });
    const quiet = await scenario.run(['-q'], { WISPSYNC_UISP_INTEGRATION_TOKEN: 'wrong-token-123' });
    expect(Object.keys(statuses(quiet.stdout))).toEqual(['uisp']);
    assertNoSecret(json, 'wrong-token-123', SECRETS.netzur);
  });

  it('usage: --help lists the options; the underscore alias runs the same tool', async () => {
    const help = await runTool(TOOL, ['--help']);
    expect(help.code).toBe(0);
    for (const option of ['--config', '--output-dir', '--only', '--json', '--target', '--timeout']) {
      expect(help.stdout).toContain(option);
    }
    expect((await runTool(TOOL, ['--bogus'])).code).toBe(2);
    const alias = await runTool(REPO_ROOT_BIN('wispsync_doctor'), ['--version']);
    expect(alias.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
