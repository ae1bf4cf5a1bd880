import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { outputError } from './fs-errors.js';

export const SHAPED_DEVICES_FILE = 'ShapedDevices.csv';
export const NETWORK_JSON_FILE = 'network.json';

export interface CurrentOutputs {
  /** Text of ShapedDevices.csv, or null when there is none yet. */
  shapedDevices: string | null;
  networkJson: string | null;
}

/** The files a run is about to replace, as text; parsing them is the libreqos slice's job. */
export async function readCurrentOutputs(dir: string): Promise<CurrentOutputs> {
  const [shapedDevices, networkJson] = await Promise.all([
    readIfPresent(dir, SHAPED_DEVICES_FILE),
    readIfPresent(dir, NETWORK_JSON_FILE),
  ]);
  return { shapedDevices, networkJson };
}

async function readIfPresent(dir: string, name: string): Promise<string | null> {
  const path = join(dir, name);
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw outputError(dir, path, error, 'read');
  }
}
