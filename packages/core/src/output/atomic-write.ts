/**
 * Replace output files so that a reader (lqosd's watcher, LibreQoS.py, a person with `cat`) never
 * sees a half-written file: every new file is written to a hidden temp file in the same directory
 * and fsynced, and only when all of them are safely on disk are they renamed over the old ones, in
 * the caller's order (network.json first, per the LibreQoS consumer notes). The temp names end in
 * `.tmp`, which LibreQoS 2.2's directory watcher ignores.
 */
import { copyFile, open, readdir, rename, stat, unlink } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { outputError } from './fs-errors.js';

export interface OutputFile {
  /** A bare file name inside the output directory, e.g. `network.json`. */
  name: string;
  content: string;
}

export interface WriteFilesOptions {
  /** Keep the file being replaced as `<name>.bak` (default true). */
  backup?: boolean;
}

const TEMP_NAME = /^\.(.+)\.(\d+)\.tmp$/;

/** `.<name>.<pid>.tmp`: hidden, ignored by the LibreQoS watcher, and traceable to its writer. */
export function tempFileName(name: string, pid: number = process.pid): string {
  return `.${name}.${pid}.tmp`;
}

interface Planned {
  target: string;
  temp: string;
  content: string;
  /** Permission bits of the file being replaced; null when there is none. */
  existingMode: number | null;
}

export async function writeFilesAtomically(
  dir: string,
  files: readonly OutputFile[],
  options: WriteFilesOptions = {},
): Promise<void> {
  const backup = options.backup ?? true;
  const seen = new Set<string>();
  for (const file of files) {
    if (file.name === '' || basename(file.name) !== file.name || file.name === '.' || file.name === '..') {
      throw new TypeError(`output file name must be a bare file name, got ${JSON.stringify(file.name)}`);
    }
    if (seen.has(file.name)) throw new TypeError(`output file ${file.name} is listed twice`);
    seen.add(file.name);
  }

  const planned: Planned[] = files.map((file) => ({
    target: join(dir, file.name),
    temp: join(dir, tempFileName(file.name)),
    content: file.content,
    existingMode: null,
  }));
  // Temp files we created and have not yet renamed: removed again on any failure.
  const pending = new Set<string>();
  let current = dir;

  try {
    for (const item of planned) {
      current = item.target;
      item.existingMode = await modeOfExisting(item.target);
      await writeSynced(item.temp, item.content, item.existingMode, pending);
    }
    // All backups are made before the first real rename, so a failed backup leaves every old file
    // untouched and the renames that follow happen back to back.
    if (backup) {
      for (const item of planned) {
        if (item.existingMode === null) continue;
        const bak = `${item.target}.bak`;
        current = bak;
        const bakTemp = join(dir, tempFileName(`${basename(item.target)}.bak`));
        await copySynced(item.target, bakTemp, pending);
        await rename(bakTemp, bak);
        pending.delete(bakTemp);
      }
    }
  } catch (error) {
    await removeQuietly(pending);
    throw outputError(dir, current, error);
  }

  for (const [index, item] of planned.entries()) {
    try {
      await rename(item.temp, item.target);
      pending.delete(item.temp);
    } catch (error) {
      await removeQuietly(pending);
      const done = planned.slice(0, index).map((p) => basename(p.target));
      const err = outputError(dir, item.target, error);
      if (done.length > 0)
        err.details.push(`already replaced: ${done.join(', ')} (previous copies in *.bak)`);
      throw err;
    }
    // TEST-ONLY fault injection: simulates a run killed between the two renames, so tests (and the
    // lead's end-to-end check of the built binary) can prove neither file is ever left truncated.
    if (index === 0 && process.env.WISPSYNC_TEST_FAULT === 'kill-between-renames') {
      process.kill(process.pid, 'SIGKILL');
    }
  }

  try {
    await syncDirectory(dir);
  } catch (error) {
    throw outputError(dir, dir, error);
  }
}

/** Remove `.<name>.<pid>.tmp` files left by runs that died (their pid is no longer alive). */
export async function cleanStaleTempFiles(dir: string): Promise<string[]> {
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw outputError(dir, dir, error);
  }
  const removed: string[] = [];
  for (const entry of entries.sort()) {
    const match = TEMP_NAME.exec(entry);
    if (match === null) continue;
    const pid = Number(match[2]);
    if (pid === process.pid || isAlive(pid)) continue;
    const path = join(dir, entry);
    try {
      if (!(await stat(path)).isFile()) continue;
      await unlink(path);
      removed.push(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw outputError(dir, path, error);
    }
  }
  return removed;
}

function isAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function modeOfExisting(path: string): Promise<number | null> {
  try {
    const info = await stat(path);
    if (!info.isFile()) {
      throw Object.assign(new Error(info.isDirectory() ? 'is a directory' : 'not a regular file'), {
        code: info.isDirectory() ? 'EISDIR' : 'EINVAL',
      });
    }
    return info.mode & 0o7777;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

async function writeSynced(path: string, content: string, mode: number | null, pending: Set<string>) {
  const handle = await open(path, 'w');
  pending.add(path);
  try {
    // Keep the permissions operators gave the old file (umask would otherwise decide).
    if (mode !== null) await handle.chmod(mode);
    await handle.writeFile(content, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function copySynced(from: string, to: string, pending: Set<string>) {
  pending.add(to);
  await copyFile(from, to);
  const handle = await open(to, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Make the renames themselves durable; some filesystems cannot fsync a directory, which is fine. */
async function syncDirectory(dir: string) {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EINVAL' && code !== 'ENOTSUP' && code !== 'EISDIR' && code !== 'EBADF') throw error;
  } finally {
    await handle?.close();
  }
}

async function removeQuietly(paths: Iterable<string>) {
  for (const path of paths) {
    try {
      await unlink(path);
    } catch {
      // Best effort: the original failure is what the operator needs to see.
    }
  }
}
