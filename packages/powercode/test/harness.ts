import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type MockReply,
  type MockRoute,
  type RecordedRequest,
  startToolScenario,
  type ToolResult,
  type ToolScenario,
  toolHarness,
} from '@wispsync/core/testing';

export const { ROOT, TOOL, fixtureDir, runTool } = toolHarness('powercode');
export const ENDPOINT = '/api/preseem/index.php';
export const API_KEY = 'pc-test-key-0001';

export type RunResult = ToolResult;
export type Scenario = ToolScenario;

export interface PowercodeLists {
  customers: unknown;
  services: unknown;
}

export async function readLists(name: string): Promise<PowercodeLists> {
  const read = async (file: string) => JSON.parse(await readFile(join(fixtureDir(name), file), 'utf8'));
  return { customers: await read('customers.json'), services: await read('services.json') };
}

/**
 * Powercode's Preseem endpoint as the spec describes it (§7.2–7.3): one URL, form-encoded POSTs
 * carrying `apiKey` and `action`. A wrong key gets Powercode-style JSON error, an unknown action too.
 */
export function powercodeRoute(lists: () => PowercodeLists | Promise<PowercodeLists>): MockRoute {
  return {
    method: 'POST',
    path: ENDPOINT,
    handler: async (request: RecordedRequest): Promise<MockReply> => {
      if (!String(request.headers['content-type']).startsWith('application/x-www-form-urlencoded')) {
        return { status: 400, body: { statusCode: 1, message: 'Expected a form-encoded body' } };
      }
      const form = new URLSearchParams(request.body);
      if (form.get('apiKey') !== API_KEY) {
        return { status: 200, body: { statusCode: 2, message: 'Invalid API key' } };
      }
      const data = await lists();
      const action = form.get('action');
      if (action === 'list_customers') return { body: data.customers };
      if (action === 'list_services') return { body: data.services };
      return { status: 200, body: { statusCode: 3, message: `Unknown action ${action}` } };
    },
  };
}

/** A mock Powercode serving test-data/powercode/<name>, a temp output dir and an lqos.conf. */
export async function startScenario(name: string, extraConfig = '', timeoutSecs = 60): Promise<Scenario> {
  const scenario = await startToolScenario({
    bin: TOOL,
    fixtureDir: fixtureDir(name),
    config: `${extraConfig}
[powercode_integration]
powercode_api_url = "{url}"
powercode_api_key = "${API_KEY}"
timeout_secs = ${timeoutSecs}
`,
  });
  scenario.server.setRoutes([powercodeRoute(() => readLists(name))]);
  return scenario;
}

/** The form fields of every request the mock saw, in order. */
export function forms(scenario: Scenario): Record<string, string>[] {
  return scenario.server.requests.map((r) => Object.fromEntries(new URLSearchParams(r.body)));
}
