import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const OUTPUT_FILES = ['network.json', 'ShapedDevices.csv'] as const;

/** The two LibreQoS files of a directory, by name (to compare before/after a failed run). */
export async function readOutputs(
  dir: string,
  files: readonly string[] = OUTPUT_FILES,
): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const file of files) out[file] = await readFile(join(dir, file), 'utf8');
  return out;
}

export interface GoldenPair {
  file: string;
  actual: string;
  expected: string;
}

/**
 * Pairs each output file of `actualDir` with its golden copy in `expectedDir`, for the test to
 * compare. With `update` (UPDATE_GOLDEN=1), the golden copies are rewritten first: review the diff.
 */
export async function goldenPairs(
  actualDir: string,
  expectedDir: string,
  update = process.env.UPDATE_GOLDEN === '1',
  files: readonly string[] = OUTPUT_FILES,
): Promise<GoldenPair[]> {
  const pairs: GoldenPair[] = [];
  for (const file of files) {
    const actual = await readFile(join(actualDir, file), 'utf8');
    if (update) {
      await mkdir(expectedDir, { recursive: true });
      await writeFile(join(expectedDir, file), actual);
    }
    pairs.push({ file, actual, expected: await readFile(join(expectedDir, file), 'utf8') });
  }
  return pairs;
}

/** Throws when a secret appears in a run's stdout or stderr (test helper; no test framework needed). */
export function assertNoSecret(result: { stdout: string; stderr: string }, ...secrets: string[]): void {
  for (const secret of secrets) {
    for (const stream of ['stdout', 'stderr'] as const) {
      if (result[stream].includes(secret)) throw new Error(`a secret appears in the tool's ${stream}`);
    }
  }
}
