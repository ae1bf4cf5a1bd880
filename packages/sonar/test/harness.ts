import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  type MockRoute,
  startToolScenario,
  type ToolResult,
  type ToolScenario,
  toolHarness,
} from '@wispsync/core/testing';

export const { ROOT, TOOL, fixtureDir, runTool } = toolHarness('sonar');
export const GRAPHQL_PATH = '/api/graphql';
export const API_KEY = 'sonar-test-key-0001';
export const COMMUNITY = 'wisp-ro-7f3a';

export type RunResult = ToolResult;

/** One AP an SNMP agent plays (test-data/sonar/<name>/snmp.json). */
export interface AgentAp {
  host: string;
  table: 'airmax' | 'ltu';
  macs: string[];
  sysName?: string;
  silent?: boolean;
  community?: string;
}

export interface Agents {
  port: number;
  close(): Promise<void>;
}

export type SonarDb = {
  account_statuses: Record<string, unknown>[];
  network_sites: Record<string, unknown>[];
  accounts: Record<string, unknown>[];
};

interface MockModule {
  sonarRoute(db: SonarDb, options: { apiKey: string; path?: string }): MockRoute;
  sonarGraphqlHandler(db: SonarDb): MockRoute['handler'];
}

interface SnmpModule {
  startApAgents(aps: AgentAp[], options?: { port?: number; community?: string }): Promise<Agents>;
  freeUdpPort(): Promise<number>;
}

/** The generators are plain ESM shared with the benchmark; typed here for the tests. */
export async function generator<T>(file: string): Promise<T> {
  return (await import(pathToFileURL(join(ROOT, 'test-data/generators', file)).href)) as T;
}

export const mockModule = () => generator<MockModule>('sonar-mock.mjs');
export const snmpModule = () => generator<SnmpModule>('sonar-snmp.mjs');

export async function readScenario(name: string): Promise<{ db: SonarDb; aps: AgentAp[] }> {
  const dir = fixtureDir(name);
  const [db, aps] = await Promise.all([
    readFile(join(dir, 'sonar.json'), 'utf8').then((text) => JSON.parse(text) as SonarDb),
    readFile(join(dir, 'snmp.json'), 'utf8').then((text) => JSON.parse(text) as AgentAp[]),
  ]);
  return { db, aps };
}

/** The [sonar_integration] settings each scenario runs with. */
export const SCENARIO_CONFIG: Record<string, string> = {
  basic: `airmax_model_ids = ["10", "11"]
ltu_model_ids = ["20"]
active_status_ids = []
recurring_service_rates = [
  { enabled = true, service_name = "1 GIG BULK", download_mbps = 1000, upload_mbps = 500 },
  { enabled = true, service_name = "Equipment Rental", download_mbps = 5, upload_mbps = 5 },
  { service_name = "10 Gig Transit", download_mbps = 10000, upload_mbps = 10000 },
  { enabled = false, service_name = "Static IP Fee", download_mbps = 1, upload_mbps = 1 },
]
recurring_excluded_service_names = ["equipment rental"]
page_size = 5`,
  'libreqos-example': `airmax_model_ids = ["10"]
ltu_model_ids = ["20"]
active_status_ids = []
recurring_service_rates = [{ enabled = true, service_name = "1 GIG BULK", download_mbps = 1000.0, upload_mbps = 500.0 }]
page_size = 3`,
};

export interface Scenario extends ToolScenario {
  db: SonarDb;
  aps: AgentAp[];
  agents: Agents;
}

export interface ScenarioOptions {
  /** lqos.conf text before [sonar_integration] (other sections). */
  before?: string;
  /** Extra [sonar_integration] keys (after the scenario's). */
  sonar?: string;
  /** Change the data set or the APs before the servers start. */
  edit?: (input: { db: SonarDb; aps: AgentAp[] }) => void;
  snmpTimeoutSecs?: number;
}

/**
 * A mock Sonar serving test-data/sonar/<name>/sonar.json, one SNMP agent per AP of snmp.json on
 * its own loopback address, a temp output dir and an lqos.conf pointing at all of them.
 */
export async function startScenario(name: string, options: ScenarioOptions = {}): Promise<Scenario> {
  const { db, aps } = await readScenario(name);
  options.edit?.({ db, aps });
  const [{ sonarRoute }, { startApAgents }] = await Promise.all([mockModule(), snmpModule()]);
  const agents = await startApAgents(aps, { community: COMMUNITY });
  const scenario = await startToolScenario({
    bin: TOOL,
    fixtureDir: fixtureDir(name),
    config: `${options.before ?? ''}
[sonar_integration]
sonar_api_url = "{url}/"
sonar_api_key = "${API_KEY}"
snmp_community = "${COMMUNITY}"
snmp_port = ${agents.port}
snmp_timeout_secs = ${options.snmpTimeoutSecs ?? 1.5}
snmp_retries = 0
timeout_secs = 5
${SCENARIO_CONFIG[name] ?? ''}
${options.sonar ?? ''}
`,
  });
  scenario.server.setRoutes([sonarRoute(db, { apiKey: API_KEY, path: GRAPHQL_PATH })]);
  return {
    ...scenario,
    db,
    aps,
    agents,
    close: async () => {
      await scenario.close();
      await agents.close();
    },
  };
}

/** The GraphQL bodies the mock received, parsed. */
export function postedBodies(scenario: ToolScenario): {
  query: string;
  variables: Record<string, unknown>;
  operationName?: string;
}[] {
  return scenario.server.requests.map((request) => JSON.parse(request.body));
}
