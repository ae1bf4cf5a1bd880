import { startToolScenario, type ToolResult, type ToolScenario, toolHarness } from '@wispsync/core/testing';

export const { ROOT, TOOL, fixtureDir, runTool } = toolHarness('netzur');
export const EXPORT_PATH = '/api/v1/libreqos/export';
export const API_KEY = 'nz-test-key-0001';

export type RunResult = ToolResult;
export type Scenario = ToolScenario;

/** A mock Netzur serving test-data/netzur/<name>, a temp output dir and an lqos.conf for both. */
export function startScenario(name: string, extraConfig = '', timeoutSecs = 60): Promise<Scenario> {
  return startToolScenario({
    bin: TOOL,
    fixtureDir: fixtureDir(name),
    config: `${extraConfig}
[netzur_integration]
api_url = "{url}${EXPORT_PATH}"
api_key = "${API_KEY}"
timeout_secs = ${timeoutSecs}
`,
  });
}
