import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTool as runBin } from '@wispsync/core/testing';
import { describe, expect, it } from 'vitest';
import { CORPUS, ROOT, runTool } from './harness.js';

const caseDir = (name: string) => join(CORPUS, name);
/** The report part of a case's expected file (before `exit N`). */
function expectedReport(name: string, target: string): string {
  const text = readFileSync(join(caseDir(name), `expected-${target}.txt`), 'utf8');
  return text.slice(0, text.indexOf('exit '));
}

describe('shaping-validate (the built binary)', () => {
  it('a clean pair: exit 0, nothing on stdout, the verdict on stderr', async () => {
    const result = await runTool(['--dir', caseDir('valid'), '--target', '1.4']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /^shaping-validate: LibreQoS 1\.4 would load the files: 0 errors, 0 warnings \(ShapedDevices\.csv: 5 rows, 4 circuits; network\.json: 4 nodes\) · \d+\.\d\d s\n$/,
    );
  });

  it.each([
    ['combined-operator-file', '2.1'],
    ['header-v22-layout', '2.0'],
    ['duplicate-node-name', '2.1'],
    ['rate-decimals', '1.4'],
  ])('%s on %s: exit 4, stdout is the expected report lines', async (name, target) => {
    const result = await runTool(['--dir', caseDir(name), '--target', target]);
    expect(result.code).toBe(4);
    expect(result.stdout).toBe(expectedReport(name, target));
    expect(result.stderr).toMatch(
      new RegExp(`LibreQoS ${target.replace('.', '\\.')} would reject the files: \\d+ errors?`),
    );
  });

  it('warnings alone exit 0 (the file would load), and the target decides: 2.0 warns where 2.1 fails', async () => {
    const v20 = await runTool(['--dir', caseDir('duplicate-node-name'), '--target', '2.0']);
    expect(v20.code).toBe(0);
    expect(v20.stdout).toMatch(/warning \[duplicate-node-name\]/);
    const v21 = await runTool(['--dir', caseDir('duplicate-node-name'), '--target', '2.1']);
    expect(v21.code).toBe(4);
  });

  it('--target defaults to 2.2 (blank lines pass, a v2.2 header is read by name)', async () => {
    expect((await runTool(['--dir', caseDir('blank-lines')])).code).toBe(0);
    expect((await runTool(['--dir', caseDir('header-v22-layout')])).code).toBe(0);
    expect((await runTool(['--dir', caseDir('blank-lines'), '--target', '2.1'])).code).toBe(4);
  });

  it('--json gives the same report as data', async () => {
    const result = await runTool(['--dir', caseDir('ip-duplicate'), '--json']);
    expect(result.code).toBe(4);
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({
      schema: 'wispsync.shaping-validate/1',
      target: '2.2',
      ok: false,
      errors: 1,
      warnings: 1,
      files: {
        shapedDevices: { path: join(caseDir('ip-duplicate'), 'ShapedDevices.csv'), rows: 5, circuits: 4 },
        network: { nodes: 4 },
      },
    });
    expect(report.problems[0]).toEqual({
      severity: 'error',
      rule: 'ip-duplicate',
      file: 'ShapedDevices.csv',
      line: 5,
      subject: 'circuit',
      id: '1003',
      path: null,
      message:
        "IPv6 2001:db8:20::/56 of circuit '1003' (device '5004', line 5) is already used by circuit '1002' (device '5003', line 4)",
      fix: 'keep the address in one circuit only',
    });
  });

  it('-q prints errors only, and no verdict', async () => {
    const result = await runTool(['--dir', caseDir('ip-duplicate'), '-q']);
    expect(result.code).toBe(4);
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    expect(result.stdout).toMatch(/error \[ip-duplicate\]/);
    expect(result.stderr).toBe('');
  });

  it('--fix writes a corrected copy, lists each change, and exits 0 when the copy loads', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'wispsync-sv-')), 'fixed');
    const result = await runTool([
      '--dir',
      caseDir('combined-operator-file'),
      '--target',
      '2.1',
      '--fix',
      out,
    ]);
    expect(result.code, result.stderr).toBe(0);
    const expected = readFileSync(join(caseDir('combined-operator-file'), 'expected-2.1.txt'), 'utf8');
    const changes = expected
      .split('\n')
      .filter((line) => line.startsWith('fixed ') && !line.startsWith('fixed copy: exit'));
    expect(result.stdout.trim().split('\n').slice(-changes.length)).toEqual(changes);
    expect(result.stderr).toMatch(
      /fixed copy in .*fixed \(11 changes\): LibreQoS 2\.1 would load it: 0 errors/,
    );
    const again = await runTool(['--dir', out, '--target', '2.1']);
    expect(again.code, again.stdout).toBe(0);
    // The originals are untouched.
    expect(await readFile(join(caseDir('combined-operator-file'), 'ShapedDevices.csv'), 'utf8')).toContain(
      '\n\n',
    );
  });

  it('--fix never writes over the originals (exit 2), and refuses files it cannot repair (exit 4)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wispsync-sv-'));
    await writeFile(join(dir, 'ShapedDevices.csv'), readFileSync(join(caseDir('sqm'), 'ShapedDevices.csv')));
    await writeFile(join(dir, 'network.json'), readFileSync(join(caseDir('sqm'), 'network.json')));
    const inPlace = await runTool(['--dir', dir, '--fix', dir]);
    expect(inPlace.code).toBe(2);
    expect(inPlace.stderr).toMatch(/never written over the original/);
    const broken = await runTool(['--dir', caseDir('json-syntax'), '--fix', join(dir, 'out')]);
    expect(broken.code).toBe(4);
    expect(broken.stderr).toMatch(/error: cannot fix: network\.json:12: invalid JSON/);
  });

  it('--shaped-devices alone checks the CSV without parents; --network alone checks the tree', async () => {
    const csv = await runTool(['--shaped-devices', join(caseDir('parent-missing'), 'ShapedDevices.csv')]);
    expect(csv.code).toBe(0);
    expect(csv.stdout).toBe('');
    expect(csv.stderr).toMatch(/ShapedDevices\.csv: 5 rows, 4 circuits\)/);
    const net = await runTool(['--network', join(caseDir('reserved-name'), 'network.json')]);
    expect(net.code).toBe(4);
    expect(net.stdout).toMatch(/^network\.json:14: error \[reserved-name\]/);
  });

  it('without --dir, the directory is lqos_directory from the config', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wispsync-sv-'));
    const config = join(dir, 'lqos.conf');
    await writeFile(config, `lqos_directory = ${JSON.stringify(caseDir('min-max'))}\n`);
    const viaFlag = await runTool(['-c', config]);
    expect(viaFlag.code).toBe(4);
    expect(viaFlag.stdout).toMatch(/\[min-max\]/);
    const viaEnv = await runTool([], { LQOS_CONFIG: config });
    expect(viaEnv.stdout).toBe(viaFlag.stdout);
  });

  it('usage errors exit 2: a missing file, an unknown target or option', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wispsync-sv-'));
    await mkdir(join(dir, 'only-csv'));
    await writeFile(join(dir, 'only-csv', 'ShapedDevices.csv'), 'Circuit ID\n');
    const missing = await runTool(['--dir', join(dir, 'only-csv')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(
      /error: network\.json .*only-csv\/network\.json is not found\nhint: LibreQoS needs the file/,
    );
    expect((await runTool(['--dir', caseDir('valid'), '--target', '3.0'])).code).toBe(2);
    expect((await runTool(['--bogus'])).code).toBe(2);
    const help = await runTool(['--help']);
    expect(help.code).toBe(0);
    for (const option of [
      '--dir',
      '--shaped-devices',
      '--network',
      '--target',
      '--fix',
      '--json',
      '--config',
    ])
      expect(help.stdout).toContain(option);
    expect((await runTool(['--version'])).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('the underscore alias runs the same tool', async () => {
    const result = await runBin(join(ROOT, 'bin', 'shaping_validate'), ['--dir', caseDir('min-max')]);
    expect(result.code).toBe(4);
    expect(result.stdout).toBe(expectedReport('min-max', '2.2'));
  });
});
