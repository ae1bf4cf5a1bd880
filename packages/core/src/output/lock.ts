/**
 * One wispsync run per output directory. Two tools (or a cron run and a hand run) writing the same
 * LibreQoS directory would interleave their renames; the second one fails at once instead of
 * waiting, because cron will simply try again next period.
 */
import { readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { lock } from 'proper-lockfile';
import { WispError } from '../errors/index.js';
import { describeFsError, outputError } from './fs-errors.js';

/** A directory proper-lockfile creates atomically; the `.lock` suffix is ignored by LibreQoS 2.2's watcher. */
export const LOCK_FILE_NAME = '.wispsync.lock';

/**
 * How old a lock must be before another run takes it over (a run that was killed cannot remove
 * its lock). A live run refreshes the lock's mtime every half of this, so 30 s lets a crashed
 * run's lock expire well before the next cron period while a run stalled by a long synchronous
 * step (200k circuits take ~2 s) keeps its lock with a wide margin.
 */
export const DEFAULT_LOCK_STALE_MS = 30_000;

export interface OutputLockOptions {
  /** Stale time in ms (proper-lockfile's minimum is 2000). */
  staleMs?: number;
  /**
   * Called when the lock is lost while held (its directory was removed, or our event loop was
   * blocked past the stale time). The default emits a process warning instead of throwing from a
   * timer, which would crash the run mid-write.
   */
  onCompromised?: (error: Error) => void;
}

export type ReleaseLock = () => Promise<void>;

function warn(message: string) {
  process.emitWarning(message, { code: 'WISPSYNC_LOCK' });
}

export async function acquireOutputLock(dir: string, options: OutputLockOptions = {}): Promise<ReleaseLock> {
  const staleMs = Math.max(options.staleMs ?? DEFAULT_LOCK_STALE_MS, 2000);
  const lockPath = join(dir, LOCK_FILE_NAME);
  await assertDirectory(dir);

  const onCompromised =
    options.onCompromised ??
    ((error: Error) =>
      warn(
        `lost the lock on ${dir} (${describeFsError(error)}); another run may write there at the same time`,
      ));

  const take = () => lock(dir, { lockfilePath: lockPath, stale: staleMs, retries: 0, onCompromised });
  let release: () => Promise<void>;
  try {
    release = await take().catch(async (error: NodeJS.ErrnoException) => {
      // A run that was killed leaves its lock behind; when its process is gone, take over at once
      // instead of making every run wait for the lock to go stale.
      if (error.code === 'ELOCKED' && (await removeOrphanedLock(lockPath))) return take();
      throw error;
    });
    await writeFile(ownerPath(lockPath), `${process.pid} ${hostname()}\n`).catch(() => {});
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') {
      throw new WispError('locked', `another wispsync run is writing ${dir}`, {
        hint: `wait for it to finish; the lock of a run that died is taken over at once (or after ${Math.round(staleMs / 1000)} s)`,
      });
    }
    throw outputError(dir, lockPath, error);
  }

  let released = false;
  // Never throws: it runs in `finally` blocks, where a throw would hide the run's real outcome.
  return async () => {
    if (released) return;
    released = true;
    await rm(ownerPath(lockPath), { force: true }).catch(() => {});
    try {
      await release();
    } catch (error) {
      // ERELEASED: the lock was already compromised and reported.
      if ((error as NodeJS.ErrnoException).code !== 'ERELEASED') {
        warn(
          `could not remove ${lockPath} (${describeFsError(error)}); the next run takes it over after it goes stale`,
        );
      }
    }
  };
}

/** Beside the lock (proper-lockfile removes its directory with rmdir, so nothing goes inside). */
function ownerPath(lockPath: string): string {
  return `${lockPath}.owner`;
}

/**
 * Removes the lock when the process that took it (same host) no longer exists. The lock is first
 * renamed away, so of two runs that both find it orphaned only one removes it.
 */
async function removeOrphanedLock(lockPath: string): Promise<boolean> {
  const owner = await readFile(ownerPath(lockPath), 'utf8').catch(() => '');
  const [pidText, host] = owner.trim().split(' ');
  const pid = Number(pidText);
  if (!Number.isInteger(pid) || pid <= 0 || host !== hostname() || isAlive(pid)) return false;
  const doomed = `${lockPath}.orphan-${process.pid}`;
  try {
    await rename(lockPath, doomed);
  } catch {
    return false;
  }
  await rm(doomed, { recursive: true, force: true });
  await rm(ownerPath(lockPath), { force: true });
  return true;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function assertDirectory(dir: string) {
  try {
    if ((await stat(dir)).isDirectory()) return;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new WispError('output', `output directory ${dir} does not exist`, {
        hint: 'create it, or point --output-dir (lqos_directory) at the LibreQoS directory',
        cause: error,
      });
    }
    throw outputError(dir, dir, error);
  }
  throw new WispError('output', `output directory ${dir} is not a directory`, {
    hint: 'point --output-dir (lqos_directory) at the LibreQoS directory',
  });
}
