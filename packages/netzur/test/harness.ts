import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  runTool as runBin,
  startToolScenario,
  type ToolResult,
  type ToolScenario,
} from '@wispsync/core/testing';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const TOOL = join(ROOT, 'bin/netzur-integration');
export const EXPORT_PATH = '/api/v1/libreqos/export';
export const API_KEY = 'nz-test-key-0001';

export type RunResult = ToolResult;
export type Scenario = ToolScenario;

export function runTool(args: string[], env: NodeJS.ProcessEnv = {}): Promise<RunResult> {
  return runBin(TOOL, args, env);
}

/** A mock Netzur serving test-data/netzur/<name>, a temp output dir and an lqos.conf for both. */
export function startScenario(name: string, extraConfig = '', timeoutSecs = 60): Promise<Scenario> {
  return startToolScenario({
    bin: TOOL,
    fixtureDir: join(ROOT, 'test-data/netzur', name),
    config: `${extraConfig}
[netzur_integration]
api_url = "{url}${EXPORT_PATH}"
api_key = "${API_KEY}"
timeout_secs = ${timeoutSecs}
`,
  });
}
