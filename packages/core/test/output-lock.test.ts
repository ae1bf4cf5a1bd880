import { mkdir, mkdtemp, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isWispError, type WispError } from '../src/errors/index.js';
import { acquireOutputLock, LOCK_FILE_NAME } from '../src/output/index.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wispsync-lock-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function failure(promise: Promise<unknown>): Promise<WispError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isWispError(error)).toBe(true);
  return error as WispError;
}

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

describe('acquireOutputLock', () => {
  it('refuses a second run while the first holds the lock', async () => {
    const release = await acquireOutputLock(dir);
    expect(await exists(join(dir, LOCK_FILE_NAME))).toBe(true);
    const error = await failure(acquireOutputLock(dir));
    expect(error.kind).toBe('locked');
    expect(error.exitCode).toBe(6);
    expect(error.message).toBe(`another wispsync run is writing ${dir}`);
    expect(error.hint).toBe(
      'wait for it to finish; the lock of a run that died is taken over at once (or after 30 s)',
    );
    await release();
  });

  it('can be taken again after release, and release is idempotent', async () => {
    const first = await acquireOutputLock(dir);
    await first();
    expect(await exists(join(dir, LOCK_FILE_NAME))).toBe(false);
    await first();
    const second = await acquireOutputLock(dir);
    await second();
  });

  it('takes over a lock left by a crashed run once it is stale', async () => {
    const lockPath = join(dir, LOCK_FILE_NAME);
    await mkdir(lockPath);
    const old = new Date(Date.now() - 60_000);
    await utimes(lockPath, old, old);
    const release = await acquireOutputLock(dir);
    await release();
  });

  it('respects a fresh lock from another process, naming its own stale time', async () => {
    await mkdir(join(dir, LOCK_FILE_NAME));
    const error = await failure(acquireOutputLock(dir, { staleMs: 5_000 }));
    expect(error.kind).toBe('locked');
    expect(error.hint).toContain('(or after 5 s)');
  });

  it('takes over at once a fresh lock whose process is gone, but not one whose process lives', async () => {
    const lockPath = join(dir, LOCK_FILE_NAME);
    await mkdir(lockPath);
    // A pid far above any real one: no such process.
    await writeFile(`${lockPath}.owner`, `2147483646 ${hostname()}\n`);
    const release = await acquireOutputLock(dir);
    await expect(acquireOutputLock(dir)).rejects.toMatchObject({ kind: 'locked' });
    await release();
    expect(await exists(`${lockPath}.owner`)).toBe(false);

    await mkdir(lockPath);
    await writeFile(`${lockPath}.owner`, `${process.pid} ${hostname()}\n`);
    await expect(acquireOutputLock(dir)).rejects.toMatchObject({ kind: 'locked' });
    await writeFile(`${lockPath}.owner`, `2147483646 another-host\n`);
    await expect(acquireOutputLock(dir)).rejects.toMatchObject({ kind: 'locked' });
  });

  it('takes over with a short stale time', async () => {
    const lockPath = join(dir, LOCK_FILE_NAME);
    await mkdir(lockPath);
    const old = new Date(Date.now() - 3_000);
    await utimes(lockPath, old, old);
    await expect(acquireOutputLock(dir)).rejects.toMatchObject({ kind: 'locked' });
    const release = await acquireOutputLock(dir, { staleMs: 2_000 });
    await release();
  });

  it('names a missing directory or a file', async () => {
    const missing = join(dir, 'missing');
    const error = await failure(acquireOutputLock(missing));
    expect(error.kind).toBe('output');
    expect(error.message).toBe(`output directory ${missing} does not exist`);
    await writeFile(join(dir, 'file'), '');
    const notDir = await failure(acquireOutputLock(join(dir, 'file')));
    expect(notDir.message).toContain('is not a directory');
  });

  it('reports a lost lock to onCompromised instead of crashing', async () => {
    const lost: Error[] = [];
    const release = await acquireOutputLock(dir, { staleMs: 2_000, onCompromised: (e) => lost.push(e) });
    await rm(join(dir, LOCK_FILE_NAME), { recursive: true });
    // The lock is refreshed every stale/2 = 1 s; the refresh notices the lock is gone.
    for (let i = 0; i < 40 && lost.length === 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(lost).toHaveLength(1);
    expect((lost[0] as NodeJS.ErrnoException).code).toBe('ECOMPROMISED');
    await expect(release()).resolves.toBeUndefined();
  });

  it('by default turns a lost lock into a process warning', async () => {
    const warnings: Error[] = [];
    const listen = (w: Error) => warnings.push(w);
    process.on('warning', listen);
    try {
      const release = await acquireOutputLock(dir, { staleMs: 2_000 });
      await rm(join(dir, LOCK_FILE_NAME), { recursive: true });
      for (let i = 0; i < 40 && warnings.length === 0; i++) await new Promise((r) => setTimeout(r, 100));
      await release();
    } finally {
      process.off('warning', listen);
    }
    expect(warnings.map((w) => w.message)).toEqual([
      expect.stringMatching(
        new RegExp(`^lost the lock on ${dir} .*another run may write there at the same time$`),
      ),
    ]);
  });
});
