import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isWispError, type LibreQosVersion } from '@wispsync/core';
import { REPO_ROOT, runTool as runBin, type ToolResult } from '@wispsync/core/testing';
import { fixFiles, formatChange, formatFinding, validateFiles } from '../src/index.js';

export const ROOT = REPO_ROOT;
export const TOOL = join(REPO_ROOT, 'bin', 'shaping-validate');
export const CORPUS = join(REPO_ROOT, 'test-data/validate/corpus');

export function runTool(args: string[], env: NodeJS.ProcessEnv = {}): Promise<ToolResult> {
  return runBin(TOOL, args, env);
}

export interface CorpusCase {
  name: string;
  dir: string;
  description: string;
  targets: LibreQosVersion[];
  fixable: boolean;
}

export function corpusCases(): CorpusCase[] {
  return readdirSync(CORPUS)
    .sort()
    .map((name) => {
      const dir = join(CORPUS, name);
      const meta = JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8')) as {
        description: string;
        targets: LibreQosVersion[];
        fixable?: boolean;
      };
      return {
        name,
        dir,
        description: meta.description,
        targets: meta.targets,
        fixable: meta.fixable !== false,
      };
    });
}

/** The files of a case directory, as the tool reads them. */
export function caseInputs(dir: string) {
  const file = (name: string) => {
    const path = join(dir, name);
    return existsSync(path) ? { path, bytes: readFileSync(path) } : undefined;
  };
  return { shapedDevices: file('ShapedDevices.csv'), network: file('network.json') };
}

/**
 * What a case's expected-<target>.txt holds: the report lines and exit code of `shaping-validate
 * --target <target>`, then the changes `--fix` makes and the verdict on the fixed copy.
 */
export async function describeCase(c: CorpusCase, target: LibreQosVersion): Promise<string> {
  const result = validateFiles({ ...caseInputs(c.dir), target });
  const lines = result.findings.map(formatFinding);
  lines.push(`exit ${result.errors > 0 ? 4 : 0}`, '--- fix ---');
  const dir = await mkdtemp(join(tmpdir(), 'wispsync-fix-'));
  try {
    const fixed = await fixFiles(result, dir);
    lines.push(...fixed.changes.map(formatChange));
    lines.push(...fixed.result.findings.map((f) => `fixed copy: ${formatFinding(f)}`));
    lines.push(`fixed copy: exit ${fixed.result.errors > 0 ? 4 : 0}`);
  } catch (error) {
    if (!isWispError(error)) throw error;
    lines.push(`error: ${error.message}`);
  }
  return `${lines.join('\n')}\n`;
}
