import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isWispError, type WispError } from '../src/errors/index.js';
import { cleanStaleTempFiles, tempFileName, writeFilesAtomically } from '../src/output/index.js';

const isRoot = process.getuid?.() === 0;
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wispsync-atomic-'));
});
afterEach(async () => {
  await chmod(dir, 0o755).catch(() => {});
  await rm(dir, { recursive: true, force: true });
});

const files = (net: string, csv: string) => [
  { name: 'network.json', content: net },
  { name: 'ShapedDevices.csv', content: csv },
];
const read = (name: string) => readFile(join(dir, name), 'utf8');
const tempLeftovers = async () => (await readdir(dir)).filter((name) => name.endsWith('.tmp'));

async function expectOutputError(promise: Promise<unknown>): Promise<WispError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isWispError(error)).toBe(true);
  const wisp = error as WispError;
  expect(wisp.kind).toBe('output');
  expect(wisp.exitCode).toBe(1);
  return wisp;
}

describe('writeFilesAtomically', () => {
  it('creates the files in an empty directory, without backups or temp files', async () => {
    await writeFilesAtomically(dir, files('{"a":1}\n', 'Circuit ID\n1\n'));
    expect(await read('network.json')).toBe('{"a":1}\n');
    expect(await read('ShapedDevices.csv')).toBe('Circuit ID\n1\n');
    expect((await readdir(dir)).sort()).toEqual(['ShapedDevices.csv', 'network.json']);
  });

  it('keeps the previous files as .bak with their old content', async () => {
    await writeFilesAtomically(dir, files('net v1', 'csv v1'));
    await writeFilesAtomically(dir, files('net v2', 'csv v2'));
    expect(await read('network.json')).toBe('net v2');
    expect(await read('ShapedDevices.csv')).toBe('csv v2');
    expect(await read('network.json.bak')).toBe('net v1');
    expect(await read('ShapedDevices.csv.bak')).toBe('csv v1');
    await writeFilesAtomically(dir, files('net v3', 'csv v3'));
    expect(await read('network.json.bak')).toBe('net v2');
    expect(await read('ShapedDevices.csv.bak')).toBe('csv v2');
    expect(await tempLeftovers()).toEqual([]);
  });

  it('writes no .bak when backup is off', async () => {
    await writeFilesAtomically(dir, files('old', 'old'));
    await writeFilesAtomically(dir, files('new', 'new'), { backup: false });
    expect((await readdir(dir)).sort()).toEqual(['ShapedDevices.csv', 'network.json']);
  });

  it('keeps the permissions of the file it replaces', async () => {
    await writeFile(join(dir, 'network.json'), 'old');
    await chmod(join(dir, 'network.json'), 0o640);
    await writeFilesAtomically(dir, [{ name: 'network.json', content: 'new' }]);
    expect((await stat(join(dir, 'network.json'))).mode & 0o777).toBe(0o640);
  });

  it('leaves the old files byte-identical when a target is a directory', async () => {
    await writeFile(join(dir, 'network.json'), 'old net\n');
    await mkdir(join(dir, 'ShapedDevices.csv'));
    const error = await expectOutputError(writeFilesAtomically(dir, files('new net', 'new csv')));
    expect(error.message).toBe(`could not write ${join(dir, 'ShapedDevices.csv')}: is a directory (EISDIR)`);
    expect(error.hint).toContain('is a directory');
    expect(await read('network.json')).toBe('old net\n');
    expect(await tempLeftovers()).toEqual([]);
    expect((await readdir(dir)).sort()).toEqual(['ShapedDevices.csv', 'network.json']);
  });

  it('removes the first temp file when the second cannot be written', async () => {
    await writeFilesAtomically(dir, files('old net', 'old csv'));
    // Occupy the second temp path so opening it fails after the first temp file is on disk.
    const blocker = tempFileName('ShapedDevices.csv');
    await mkdir(join(dir, blocker));
    const error = await expectOutputError(writeFilesAtomically(dir, files('new net', 'new csv')));
    expect(error.message).toContain(join(dir, 'ShapedDevices.csv'));
    expect(await read('network.json')).toBe('old net');
    expect(await read('ShapedDevices.csv')).toBe('old csv');
    expect((await readdir(dir)).sort()).toEqual(['ShapedDevices.csv', 'network.json', blocker].sort());
  });

  it.skipIf(isRoot)('reports a read-only directory with a permissions hint', async () => {
    await writeFilesAtomically(dir, files('old net', 'old csv'));
    await chmod(dir, 0o555);
    const error = await expectOutputError(writeFilesAtomically(dir, files('new net', 'new csv')));
    expect(error.message).toMatch(/permission denied \(EACCES\)$/);
    expect(error.hint).toContain(dir);
    await chmod(dir, 0o755);
    expect(await read('network.json')).toBe('old net');
    expect(await read('ShapedDevices.csv')).toBe('old csv');
    expect(await tempLeftovers()).toEqual([]);
  });

  it('names a missing directory', async () => {
    const missing = join(dir, 'nope');
    const error = await expectOutputError(writeFilesAtomically(missing, files('a', 'b')));
    expect(error.message).toBe(
      `could not write ${join(missing, 'network.json')}: no such file or directory (ENOENT)`,
    );
    expect(error.hint).toContain(missing);
  });

  it('rejects names that are paths', async () => {
    await expect(writeFilesAtomically(dir, [{ name: '../x', content: '' }])).rejects.toThrow(TypeError);
  });
});

describe('cleanStaleTempFiles', () => {
  it('removes temp files of dead processes only', async () => {
    const dead = join(dir, '.ShapedDevices.csv.99999999.tmp');
    const deadBak = join(dir, '.network.json.bak.99999998.tmp');
    const mine = join(dir, tempFileName('network.json'));
    const parent = join(dir, tempFileName('network.json', process.ppid));
    for (const path of [dead, deadBak, mine, parent, join(dir, 'notes.tmp'), join(dir, '.x.12ab.tmp')]) {
      await writeFile(path, 'x');
    }
    expect((await cleanStaleTempFiles(dir)).sort()).toEqual([deadBak, dead].sort());
    expect((await readdir(dir)).sort()).toEqual(
      [
        '.x.12ab.tmp',
        tempFileName('network.json'),
        tempFileName('network.json', process.ppid),
        'notes.tmp',
      ].sort(),
    );
  });

  it('returns nothing for a missing directory', async () => {
    expect(await cleanStaleTempFiles(join(dir, 'missing'))).toEqual([]);
  });
});
