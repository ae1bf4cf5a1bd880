import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ExitCode, type LibreQosVersion } from '@wispsync/core';
import { formatFinding, validateFiles } from '@wispsync/validate';
import { type CheckResult, failed, ok, warning } from './check.js';

const SHOWN = 5;

async function read(path: string): Promise<{ path: string; bytes: Uint8Array } | undefined> {
  try {
    return { path, bytes: await readFile(path) };
  } catch {
    return undefined;
  }
}

/** The files LibreQoS reads now, checked as shaping-validate would for this host's version. */
export async function checkCurrentFiles(dir: string, target: LibreQosVersion): Promise<CheckResult> {
  const shapedDevices = await read(join(dir, 'ShapedDevices.csv'));
  const network = await read(join(dir, 'network.json'));
  if (shapedDevices === undefined && network === undefined) {
    return warning(
      'files',
      `no ShapedDevices.csv or network.json in ${dir} yet`,
      'nothing to do: the first run writes them',
    );
  }
  const result = validateFiles({ shapedDevices, network, target });
  const missing =
    shapedDevices === undefined ? 'ShapedDevices.csv' : network === undefined ? 'network.json' : undefined;
  const shown = result.findings.slice(0, SHOWN).map(formatFinding);
  if (result.findings.length > SHOWN) shown.push(`… and ${result.findings.length - SHOWN} more`);
  const full = `shaping-validate --dir ${dir} --target ${target}`;
  const counts = `${result.errors} error${result.errors === 1 ? '' : 's'}, ${result.warnings} warning${result.warnings === 1 ? '' : 's'}`;
  if (result.errors > 0) {
    return failed(
      'files',
      `LibreQoS ${target} would reject the current files in ${dir}: ${counts}`,
      `run ${full} for every problem (--fix <dir> writes a corrected copy); a tool run replaces them`,
      ExitCode.validation,
      shown,
    );
  }
  if (missing !== undefined) {
    return warning(
      'files',
      `${join(dir, missing)} is missing; LibreQoS needs both files`,
      'a tool run writes it',
      shown,
    );
  }
  if (result.warnings > 0) {
    return warning(
      'files',
      `LibreQoS ${target} would load the current files, with ${counts}`,
      `run ${full} for the list`,
      shown,
    );
  }
  const rows = result.counts.rows ?? 0;
  return ok(
    'files',
    `the current files would load on LibreQoS ${target} (${rows.toLocaleString('en-US')} rows, ${(result.counts.circuits ?? 0).toLocaleString('en-US')} circuits, ${(result.counts.nodes ?? 0).toLocaleString('en-US')} nodes)`,
  );
}
