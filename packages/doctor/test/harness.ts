import { copyFile, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type MockServer,
  REPO_ROOT,
  runTool,
  startMockServer,
  type ToolResult,
} from '@wispsync/core/testing';

export const TOOL = join(REPO_ROOT, 'bin', 'wispsync-doctor');
export const SOURCES = join(REPO_ROOT, 'test-data/doctor/sources');
export const CORPUS = join(REPO_ROOT, 'test-data/validate/corpus');

/** The credentials test-data/doctor/sources/mock.json accepts. */
export const SECRETS = {
  netzur: 'nz-doctor-key',
  wispgate: 'wg-doctor-token',
  powercode: 'pc-doctor-key',
  splynxKey: 'spx-doctor-key',
  splynxSecret: 'spx-doctor-secret',
  uisp: 'uisp-doctor-token',
} as const;

export interface DoctorScenario {
  server: MockServer;
  dir: string;
  outputDir: string;
  config: string;
  run(args?: string[], env?: NodeJS.ProcessEnv): Promise<ToolResult>;
  close(): Promise<void>;
}

export interface DoctorScenarioOptions {
  /** lqos.conf text before the tool sections (`{out}` is the output directory). */
  before?: string;
  /** Which tools get their settings (default: all five with sources in the mock). */
  tools?: readonly ('netzur' | 'wispgate' | 'powercode' | 'splynx' | 'uisp')[];
  /** A corpus case whose files are put in the output directory (default `valid`; null: none). */
  files?: string | null;
}

const SECTIONS = {
  netzur: `[netzur_integration]\napi_url = "{url}/netzur/export"\napi_key = "${SECRETS.netzur}"\n`,
  wispgate: `[wispgate_integration]\nwispgate_api_url = "{url}/wispgate"\nwispgate_api_token = "${SECRETS.wispgate}"\n`,
  powercode: `[powercode_integration]\npowercode_api_url = "{url}"\npowercode_api_key = "${SECRETS.powercode}"\n`,
  splynx: `[splynx_integration]\nurl = "{url}/splynx"\napi_key = "${SECRETS.splynxKey}"\napi_secret = "${SECRETS.splynxSecret}"\n`,
  uisp: `[uisp_integration]\nurl = "{url}/uisp"\ntoken = "${SECRETS.uisp}"\n`,
};

/** One mock serving all five sources, an output directory with LibreQoS files, and an lqos.conf. */
export async function startDoctorScenario(options: DoctorScenarioOptions = {}): Promise<DoctorScenario> {
  const server = await startMockServer({ fixtureDir: SOURCES });
  const dir = await mkdtemp(join(tmpdir(), 'wispsync-doctor-'));
  const outputDir = join(dir, 'out');
  await mkdir(outputDir);
  const files = options.files === undefined ? 'valid' : options.files;
  if (files !== null) {
    for (const name of ['ShapedDevices.csv', 'network.json'])
      await copyFile(join(CORPUS, files, name), join(outputDir, name));
  }
  const tools = options.tools ?? (['netzur', 'wispgate', 'powercode', 'splynx', 'uisp'] as const);
  const config = join(dir, 'lqos.conf');
  const text = [
    `lqos_directory = ${JSON.stringify(outputDir)}`,
    (options.before ?? '').replaceAll('{out}', outputDir),
    ...tools.map((tool) => SECTIONS[tool]),
  ].join('\n');
  await writeFile(config, text.replaceAll('{url}', server.url));
  return {
    server,
    dir,
    outputDir,
    config,
    run: (args = [], env = {}) => runTool(TOOL, ['-c', config, ...args], env),
    close: () => server.close(),
  };
}

/** The status column of each check line: `{config: 'ok', netzur: 'failed', …}`. */
export function statuses(stdout: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of stdout.split('\n')) {
    const match = /^(ok|warning|failed|skipped)\s+(\S+)\s/.exec(line);
    if (match) out[match[2]!] = match[1]!;
  }
  return out;
}

/** A launcher in the repository's bin/. */
export function REPO_ROOT_BIN(name: string): string {
  return join(REPO_ROOT, 'bin', name);
}
