import { readFile, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_LOCK_STALE_MS, ExitCode, LOCK_FILE_NAME } from '@wispsync/core';
import { type CheckResult, failed, ok, warning } from './check.js';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The output directory's lock, read without taking it (taking it, even briefly, could make a real
 * run that starts at that moment exit 6). A run takes over a lock whose process is gone or that is
 * stale, so those are warnings; a live one is what makes a run exit 6 now.
 */
export async function checkLock(dir: string, now = Date.now()): Promise<CheckResult> {
  const path = join(dir, LOCK_FILE_NAME);
  const info = await stat(path).catch(() => null);
  if (info === null) return ok('lock', 'free (no wispsync run holds the output directory)');
  const owner = await readFile(`${path}.owner`, 'utf8').catch(() => '');
  const [pidText, host] = owner.trim().split(' ');
  const pid = Number(pidText);
  const age = Math.round((now - info.mtimeMs) / 1000);
  const takeOver = 'nothing to do: the next run takes it over';
  if (Number.isInteger(pid) && pid > 0 && host === hostname() && !alive(pid)) {
    return warning('lock', `${path} was left by a run that died (pid ${pid})`, takeOver);
  }
  if (now - info.mtimeMs > DEFAULT_LOCK_STALE_MS) {
    return warning('lock', `${path} is stale (last refreshed ${age} s ago)`, takeOver);
  }
  const who =
    Number.isInteger(pid) && pid > 0
      ? `pid ${pid}${host && host !== hostname() ? ` on ${host}` : ''}`
      : 'a run';
  return failed(
    'lock',
    `held by ${who} (refreshed ${age} s ago): a run started now would exit 6`,
    'wait for that run to finish (cron will simply try again next period)',
    ExitCode.locked,
  );
}
