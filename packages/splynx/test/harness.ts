import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type MockServer, startMockServer, type ToolResult, toolHarness } from '@wispsync/core/testing';
import { splynxRoutes } from './mock.js';

export const { ROOT, TOOL, fixtureDir, runTool } = toolHarness('splynx');
export const DATA = join(ROOT, 'test-data/splynx');
export const API_KEY = 'spx-key-7f3a9c';
export const API_SECRET = 'spx-secret-e21b44d0';

export type RunResult = ToolResult;

export interface Scenario {
  server: MockServer;
  dir: string;
  outputDir: string;
  config: string;
  run(args?: string[], env?: NodeJS.ProcessEnv): Promise<RunResult>;
  close(): Promise<void>;
}

export interface ScenarioOptions {
  /** Extra lqos.conf text before [splynx_integration]. */
  config?: string;
  /** Extra keys inside [splynx_integration]. */
  splynx?: string;
  /** [queues] uplink/downlink (default 10000). */
  rootMbps?: number;
}

/** A mock Splynx serving test-data/splynx/<name>, a temp output dir, and an lqos.conf pointing at both. */
export async function startScenario(name: string, options: ScenarioOptions = {}): Promise<Scenario> {
  const server = await startMockServer({
    routes: splynxRoutes({ dir: join(DATA, name), key: API_KEY, secret: API_SECRET }),
  });
  const dir = await mkdtemp(join(tmpdir(), 'wispsync-splynx-'));
  const outputDir = join(dir, 'out');
  await mkdir(outputDir);
  const config = join(dir, 'lqos.conf');
  const root = options.rootMbps ?? 10000;
  await writeFile(
    config,
    [
      `lqos_directory = ${JSON.stringify(outputDir)}`,
      '[queues]',
      `downlink_bandwidth_mbps = ${root}`,
      `uplink_bandwidth_mbps = ${root}`,
      'generated_pn_download_mbps = 1000',
      'generated_pn_upload_mbps = 1000',
      options.config ?? '',
      '[splynx_integration]',
      `url = "${server.url}"`,
      `api_key = "${API_KEY}"`,
      `api_secret = "${API_SECRET}"`,
      options.splynx ?? '',
      '',
    ].join('\n'),
  );
  return {
    server,
    dir,
    outputDir,
    config,
    run: (args = [], env = {}) => runTool(['--config', config, ...args], env),
    close: () => server.close(),
  };
}
