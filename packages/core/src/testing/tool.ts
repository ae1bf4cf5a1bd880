import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMockServer } from './server.js';
import type { MockServer } from './types.js';

export interface ToolResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a built tool (a bin file) in a child process, as an operator would, with a clean env. */
export function runTool(bin: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<ToolResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
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

export interface ToolScenario {
  server: MockServer;
  /** A fresh temp directory holding lqos.conf and out/. */
  dir: string;
  outputDir: string;
  config: string;
  run(args?: string[], env?: NodeJS.ProcessEnv): Promise<ToolResult>;
  close(): Promise<void>;
}

export interface ToolScenarioOptions {
  bin: string;
  /** Served by the mock (its mock.json and body files). */
  fixtureDir: string;
  /** The lqos.conf text after `lqos_directory` and `[queues]`; `{url}` is replaced by the mock's URL. */
  config: string;
}

/**
 * A mock source serving a fixture directory, a temp output directory and an lqos.conf pointing at
 * both: the set-up of every end-to-end test.
 */
export async function startToolScenario(options: ToolScenarioOptions): Promise<ToolScenario> {
  const server = await startMockServer({ fixtureDir: options.fixtureDir });
  const dir = await mkdtemp(join(tmpdir(), 'wispsync-e2e-'));
  const outputDir = join(dir, 'out');
  await mkdir(outputDir);
  const config = join(dir, 'lqos.conf');
  const queues = [
    '[queues]',
    'downlink_bandwidth_mbps = 10000',
    'uplink_bandwidth_mbps = 10000',
    'generated_pn_download_mbps = 1000',
    'generated_pn_upload_mbps = 1000',
  ].join('\n');
  await writeFile(
    config,
    `lqos_directory = ${JSON.stringify(outputDir)}\n${queues}\n${options.config.replaceAll('{url}', server.url)}\n`,
  );
  return {
    server,
    dir,
    outputDir,
    config,
    run: (args = [], env = {}) => runTool(options.bin, ['--config', config, ...args], env),
    close: () => server.close(),
  };
}
