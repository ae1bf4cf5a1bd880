import { startToolScenario, type ToolResult, type ToolScenario, toolHarness } from '@wispsync/core/testing';

export const { ROOT, TOOL, fixtureDir, runTool } = toolHarness('wispgate');
export const ENDPOINT = '/api/libreqos/shaped-devices';
export const TOKEN = 'wg-test-token-0001';

export type RunResult = ToolResult;
export type Scenario = ToolScenario;

/**
 * A mock WISPGate serving test-data/wispgate/<name> (its mock.json checks the `api_token` form
 * field, §6.2), a temp output dir and an lqos.conf. The URL has a trailing slash, as operators
 * often write it.
 */
export function startScenario(name: string, extraConfig = '', timeoutSecs = 120): Promise<Scenario> {
  return startToolScenario({
    bin: TOOL,
    fixtureDir: fixtureDir(name),
    config: `${extraConfig}
[wispgate_integration]
wispgate_api_url = "{url}/"
wispgate_api_token = "${TOKEN}"
timeout_secs = ${timeoutSecs}
`,
  });
}
