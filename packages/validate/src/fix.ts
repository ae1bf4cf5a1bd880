import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { WispError } from '@wispsync/core';
import { type ValidationResult, validateFiles } from './check.js';
import type { Change } from './finding.js';
import { fixCsv } from './fix-csv.js';
import { type FixedNetwork, fixNetwork } from './fix-network.js';

export interface FixResult {
  dir: string;
  /** Paths written. */
  written: string[];
  changes: Change[];
  /** The fixed copy, checked again with the same target. */
  result: ValidationResult;
}

/** Structural damage no rule can repair: the operator has to look at the file. */
function unfixable(result: ValidationResult): string | undefined {
  const broken = result.findings.find(
    (f) =>
      f.rule === 'csv-syntax' ||
      f.rule === 'json-syntax' ||
      (f.rule === 'json-shape' && f.subject === 'file'),
  );
  if (broken === undefined) return undefined;
  return `${broken.file}${broken.line === null ? '' : `:${broken.line}`}: ${broken.message}`;
}

/**
 * Writes a corrected copy of the checked files into `dir` (never over the originals), lists every
 * change, and checks the copy again. Throws a validation error (exit 4) when a file is too broken
 * to repair (a CSV quoting error, invalid JSON).
 */
export async function fixFiles(result: ValidationResult, dir: string): Promise<FixResult> {
  const target = resolve(dir);
  for (const input of [result.csv, result.network]) {
    if (input !== undefined && dirname(resolve(input.path)) === target) {
      throw new WispError(
        'usage',
        `--fix ${dir} is where ${input.name} is: the fixed copy is never written over the original`,
        {
          hint: 'pass another directory to --fix',
        },
      );
    }
  }
  const broken = unfixable(result);
  if (broken !== undefined) {
    throw new WispError('validation', `cannot fix: ${broken}`, {
      hint: 'repair this by hand, then run again',
    });
  }
  const changes: Change[] = [];
  let network: FixedNetwork | undefined;
  const outputs: { name: string; text: string }[] = [];
  if (result.network) {
    network = fixNetwork(result.network);
    changes.push(...network.changes);
    outputs.push({ name: result.network.name, text: network.text });
  }
  if (result.csv) {
    const headerMissing = result.findings.some(
      (f) => f.rule === 'header' && f.severity === 'error' && f.line !== null,
    );
    const csv = fixCsv(result.csv, result.target, network, headerMissing);
    changes.unshift(...csv.changes);
    outputs.unshift({ name: result.csv.name, text: csv.text });
  }
  const byLine = (a: Change, b: Change) => (a.line ?? 0) - (b.line ?? 0);
  changes.sort((a, b) => (a.file === b.file ? byLine(a, b) : a.file === result.csv?.name ? -1 : 1));
  await mkdir(target, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
    throw new WispError(
      'usage',
      `--fix ${dir}: cannot create the directory (${error.code ?? error.message})`,
      {
        hint: 'pass a directory you can write to',
      },
    );
  });
  const written: string[] = [];
  for (const output of outputs) {
    const path = join(target, output.name);
    await writeFile(path, output.text);
    written.push(path);
  }
  const bytes = (name: string | undefined) => {
    const output = outputs.find((o) => o.name === name);
    return output && { path: join(target, output.name), bytes: Buffer.from(output.text) };
  };
  const again = validateFiles({
    shapedDevices: bytes(result.csv?.name),
    network: bytes(result.network?.name),
    target: result.target,
  });
  return { dir: target, written, changes, result: again };
}
