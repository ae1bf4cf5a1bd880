import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type MockServer, startMockServer } from '@wispsync/core/testing';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const TOOL = join(ROOT, 'bin/netzur-integration');
export const EXPORT_PATH = '/api/v1/libreqos/export';
export const API_KEY = 'nz-test-key-0001';

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built binary, as an operator would. */
export function runTool(args: string[], env: NodeJS.ProcessEnv = {}): Promise<RunResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [TOOL, ...args], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
  });
}

export interface Scenario {
  server: MockServer;
  dir: string;
  outputDir: string;
  config: string;
  run(args?: string[], env?: NodeJS.ProcessEnv): Promise<RunResult>;
  close(): Promise<void>;
}

/** A mock Netzur serving test-data/netzur/<name>, a temp output dir and an lqos.conf for both. */
export async function startScenario(name: string, extraConfig = '', timeoutSecs = 60): Promise<Scenario> {
  const server = await startMockServer({ fixtureDir: join(ROOT, 'test-data/netzur', name) });
  const dir = await mkdtemp(join(tmpdir(), `wispsync-netzur-${name}-`));
  const outputDir = join(dir, 'out');
  await mkdir(outputDir);
  const config = join(dir, 'lqos.conf');
  await writeFile(
    config,
    `lqos_directory = ${JSON.stringify(outputDir)}
[queues]
downlink_bandwidth_mbps = 10000
uplink_bandwidth_mbps = 10000
generated_pn_download_mbps = 1000
generated_pn_upload_mbps = 1000
${extraConfig}
[netzur_integration]
api_url = "${server.url}${EXPORT_PATH}"
api_key = "${API_KEY}"
timeout_secs = ${timeoutSecs}
`,
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
