import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type MockServer, startMockServer, type ToolResult, toolHarness } from '@wispsync/core/testing';
import { type Credentials, GRAPHQL_PATH, TOKEN_PATH, type VispMock, vispMock } from './mock.js';

export const { ROOT, TOOL, fixtureDir, runTool } = toolHarness('visp');
export const CREDENTIALS: Credentials = {
  clientId: 'visp-client-4411',
  clientSecret: 'visp-secret-9c2e7a51',
  username: 'lqos-api',
  password: 'visp-pass-5d8f0b33',
};
export const SECRETS = [CREDENTIALS.clientSecret, CREDENTIALS.password];

export interface Scenario {
  server: MockServer;
  mock: VispMock;
  dir: string;
  outputDir: string;
  stateDir: string;
  config: string;
  run(args?: string[], env?: NodeJS.ProcessEnv): Promise<ToolResult>;
  close(): Promise<void>;
}

export interface ScenarioOptions {
  /** Extra lqos.conf text before [visp_integration]. */
  config?: string;
  /** Extra keys inside [visp_integration]. */
  visp?: string;
  /** Leave the credentials out of the file (they come from the environment). */
  noCredentials?: boolean;
  /** Leave state_directory unset (derived from lqos_directory). */
  deriveState?: boolean;
  timeoutSecs?: number;
  knownTypes?: string[];
  /** ISP ids the mock accepts besides the token's. */
  extraIspIds?: number[];
  /** Serve this directory instead of test-data/visp/<name> (generated data). */
  dataDir?: string;
}

/** Writes generated VISP data (test-data/generators/visp.mjs) into `dir` for the mock to serve. */
export async function writeGenerated(dir: string, options: Record<string, number>): Promise<void> {
  const file = join(ROOT, 'test-data/generators/visp.mjs');
  const { generateVisp } = (await import(pathToFileURL(file).href)) as {
    generateVisp(options: Record<string, number>): Record<string, unknown>;
  };
  await mkdir(dir, { recursive: true });
  for (const [name, value] of Object.entries(generateVisp(options))) {
    await writeFile(join(dir, name), JSON.stringify(value));
  }
}

/** A mock VISP serving test-data/visp/<name>, a temp output dir and an lqos.conf pointing at both. */
export async function startScenario(name: string, options: ScenarioOptions = {}): Promise<Scenario> {
  const mock = await vispMock({
    dir: options.dataDir ?? fixtureDir(name),
    credentials: CREDENTIALS,
    ...(options.knownTypes ? { knownTypes: options.knownTypes } : {}),
    ...(options.extraIspIds ? { extraIspIds: options.extraIspIds } : {}),
  });
  const server = await startMockServer({ routes: mock.routes });
  const dir = await mkdtemp(join(tmpdir(), 'wispsync-visp-'));
  const outputDir = join(dir, 'out');
  await mkdir(outputDir);
  const stateDir = options.deriveState ? join(outputDir, 'state') : join(dir, 'state');
  const config = join(dir, 'lqos.conf');
  const credentials = options.noCredentials
    ? []
    : [
        `client_id = "${CREDENTIALS.clientId}"`,
        `client_secret = "${CREDENTIALS.clientSecret}"`,
        `username = "${CREDENTIALS.username}"`,
        `password = "${CREDENTIALS.password}"`,
      ];
  await writeFile(
    config,
    [
      `lqos_directory = ${JSON.stringify(outputDir)}`,
      options.deriveState ? '' : `state_directory = ${JSON.stringify(stateDir)}`,
      '[queues]',
      'downlink_bandwidth_mbps = 10000',
      'uplink_bandwidth_mbps = 10000',
      'generated_pn_download_mbps = 1000',
      'generated_pn_upload_mbps = 1000',
      options.config ?? '',
      '[visp_integration]',
      ...credentials,
      `token_url = "${server.url}${TOKEN_PATH}"`,
      `graphql_url = "${server.url}${GRAPHQL_PATH}"`,
      `timeout_secs = ${options.timeoutSecs ?? 20}`,
      options.visp ?? '',
      '',
    ].join('\n'),
  );
  return {
    server,
    mock,
    dir,
    outputDir,
    stateDir,
    config,
    run: (args = [], env = {}) => runTool(['--config', config, ...args], env),
    close: () => server.close(),
  };
}
