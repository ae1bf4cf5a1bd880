import { rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type CheckResult, failed, ok } from './check.js';

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'does not exist';
    case 'ENOTDIR':
      return 'is not a directory (a part of the path is a file)';
    case 'EACCES':
    case 'EPERM':
      return 'is not writable (permission denied)';
    case 'EROFS':
      return 'is on a read-only file system';
    default:
      return `cannot be written (${code ?? String(error)})`;
  }
}

/**
 * The output directory exists and a tool may create files in it: a probe file is written and
 * removed at once (`.tmp`, which LibreQoS 2.2's directory watcher ignores).
 */
export async function checkOutputDir(dir: string): Promise<CheckResult> {
  const fix =
    'create it or let the tool user write to it, or point lqos_directory (or -o) at the LibreQoS directory';
  try {
    if (!(await stat(dir)).isDirectory()) return failed('output', `${dir} is not a directory`, fix);
  } catch (error) {
    return failed('output', `output directory ${dir} ${reason(error)}`, fix);
  }
  const probe = join(dir, `.wispsync-doctor-${process.pid}.tmp`);
  try {
    await writeFile(probe, '');
  } catch (error) {
    return failed('output', `output directory ${dir} ${reason(error)}`, fix);
  }
  await rm(probe, { force: true });
  return ok('output', `${dir} is writable`);
}
