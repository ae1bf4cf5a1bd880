import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { loadConfig, WispError } from '@wispsync/core';
import type { InputFile } from './check.js';
import type { ValidateOptions } from './options.js';

const FALLBACK_DIR = '/opt/libreqos/src';

/** --dir, else lqos_directory from the config (when there is a readable one), else LibreQoS's default. */
async function defaultDir(config: string | undefined): Promise<string> {
  try {
    const loaded = await loadConfig({ path: config });
    return String(loaded.data.lqos_directory);
  } catch (error) {
    if (config !== undefined) throw error; // an explicit --config must exist
    return FALLBACK_DIR;
  }
}

async function readInput(path: string, what: string): Promise<InputFile> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    return { path, bytes: await readFile(path) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' || code === 'ENOTDIR'
        ? 'not found'
        : code === 'EACCES'
          ? 'not readable (permission denied)'
          : code === 'EISDIR'
            ? 'a directory'
            : String(code ?? error);
    throw new WispError('usage', `${what} ${path} is ${reason}`, {
      hint:
        what === 'network.json'
          ? 'LibreQoS needs the file ({} for a flat network); pass --network <file> or --shaped-devices alone to check only the CSV'
          : 'check the path, or pass --shaped-devices <file>',
    });
  }
}

/** The files to check: those named, or both of the directory's. */
export async function resolveInputs(
  options: ValidateOptions,
): Promise<{ shapedDevices?: InputFile; network?: InputFile }> {
  const named = options.shapedDevices !== undefined || options.network !== undefined;
  const dir = options.dir ?? (named ? undefined : await defaultDir(options.config));
  const csvPath = options.shapedDevices ?? (dir === undefined ? undefined : join(dir, 'ShapedDevices.csv'));
  const networkPath = options.network ?? (dir === undefined ? undefined : join(dir, 'network.json'));
  const out: { shapedDevices?: InputFile; network?: InputFile } = {};
  if (csvPath !== undefined) out.shapedDevices = await readInput(csvPath, 'ShapedDevices.csv');
  if (networkPath !== undefined) out.network = await readInput(networkPath, 'network.json');
  return out;
}
