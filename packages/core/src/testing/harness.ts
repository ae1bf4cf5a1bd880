import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTool as runBin, type ToolResult } from './tool.js';

/** The repository root (this file is packages/core/{src,dist}/testing/harness.*). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

export interface ToolHarness {
  ROOT: string;
  /** bin/<source>-integration, the launcher an operator runs. */
  TOOL: string;
  /** test-data/<source>/<name> */
  fixtureDir(name: string): string;
  runTool(args: string[], env?: NodeJS.ProcessEnv): Promise<ToolResult>;
}

/** Paths and a runner for one source's end-to-end tests; each package's harness adds its config. */
export function toolHarness(source: string): ToolHarness {
  const TOOL = join(REPO_ROOT, 'bin', `${source}-integration`);
  return {
    ROOT: REPO_ROOT,
    TOOL,
    fixtureDir: (name) => join(REPO_ROOT, 'test-data', source, name),
    runTool: (args, env = {}) => runBin(TOOL, args, env),
  };
}
