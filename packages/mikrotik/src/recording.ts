import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { WispError } from '@wispsync/core';
import type { MikrotikRaw } from './raw.js';

/**
 * --save-responses / --from-responses for RouterOS: the rows every reachable router returned are
 * one JSON file beside any HTTP recordings. They hold no password (none is ever read); a replay
 * contacts no router.
 */
export const RECORDING_FILE = 'mikrotik-routers.json';

export async function saveRecording(dir: string, raw: MikrotikRaw): Promise<void> {
  const path = join(dir, RECORDING_FILE);
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(path, `${JSON.stringify(raw, null, 2)}\n`);
  } catch (error) {
    throw new WispError('output', `MikroTik: cannot save the router rows to ${path} (${code(error)})`, {
      hint: 'check that the --save-responses directory is writable',
    });
  }
}

export async function loadRecording(dir: string): Promise<MikrotikRaw> {
  const path = join(dir, RECORDING_FILE);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const what =
      code(error) === 'ENOENT' ? `no recorded router rows in ${dir}` : `cannot read ${path} (${code(error)})`;
    throw new WispError('source', `MikroTik: ${what}`, {
      hint: 'record them with --save-responses on a run that reaches the routers',
    });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const routers = (parsed as { routers?: unknown } | undefined)?.routers;
  if (!Array.isArray(routers) || routers.some((router) => typeof router?.name !== 'string')) {
    throw new WispError('source', `MikroTik: ${path} is not a recording of router rows`, {
      hint: 'record it again with --save-responses',
    });
  }
  return parsed as MikrotikRaw;
}

function code(error: unknown): string {
  return (error as { code?: string }).code ?? String(error);
}
