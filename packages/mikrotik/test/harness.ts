import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type RouterOsApiServer,
  type RouterOsApiServerOptions,
  type RouterOsRestServer,
  type RouterOsRestServerOptions,
  runTool as runBin,
  startRouterOsApiServer,
  startRouterOsRestServer,
  type ToolResult,
  toolHarness,
} from '@wispsync/core/testing';
import { fixtureMenus } from './fake-router.js';

export const { ROOT, TOOL, runTool } = toolHarness('mikrotik');
export const USER = 'wispsync-ro';
/** core-1's password (binary API) and core-2's (REST): asserted absent from every output. */
export const API_PASSWORD = 'Api-Pass-7c1e9f';
export const REST_PASSWORD = 'Rest-Pass-42ab0d';

export interface Scenario {
  /** core-1: the binary API mock. */
  api: RouterOsApiServer;
  /** core-2: the REST mock. */
  rest: RouterOsRestServer;
  dir: string;
  outputDir: string;
  config: string;
  routersFile: string;
  run(args?: string[], env?: NodeJS.ProcessEnv): Promise<ToolResult>;
  close(): Promise<void>;
}

export interface ScenarioOptions {
  /** Extra `[mikrotik_integration]` keys (TOML lines). */
  settings?: string;
  /** Extra lqos.conf text before the sections (other sections). */
  extraConfig?: string;
  api?: Partial<RouterOsApiServerOptions>;
  rest?: Partial<RouterOsRestServerOptions>;
  /** Passwords written into the routers file (a wrong one = login refused). */
  passwords?: { api?: string; rest?: string };
  /** `[mikrotik_integration].timeout_secs` (default 2). */
  timeoutSecs?: number;
  /** Ports written into the routers file (a closed one = router down). */
  ports?: { api?: number; rest?: number };
}

/**
 * Two mock routers serving test-data/mikrotik/<name>/core-{1,2}.json — core-1 over the binary API
 * (with RouterOS 7.18's `!empty`), core-2 over REST — a routers file naming both, an lqos.conf
 * pointing at it through [mikrotik_ipv6].config_path, and a temp output directory.
 */
export async function startScenario(name: string, options: ScenarioOptions = {}): Promise<Scenario> {
  const api = await startRouterOsApiServer({
    users: { [USER]: API_PASSWORD },
    menus: fixtureMenus(name, 'core-1'),
    emptyReply: true,
    ...options.api,
  });
  const rest = await startRouterOsRestServer({
    username: USER,
    password: REST_PASSWORD,
    menus: fixtureMenus(name, 'core-2'),
    identity: 'BRAS-South',
    ...options.rest,
  });
  const dir = await mkdtemp(join(tmpdir(), 'wispsync-mikrotik-'));
  const outputDir = join(dir, 'out');
  await mkdir(outputDir);
  const routersFile = join(dir, 'mikrotik_ipv6.toml');
  await writeFile(
    routersFile,
    `version = 1

[[router]]
name = "core-1"
host = "127.0.0.1"
port = ${options.ports?.api ?? api.port}
username = "${USER}"
password = "${options.passwords?.api ?? API_PASSWORD}"
use_ssl = false
plaintext_login = true
transport = "api"

[[router]]
name = "core-2"
host = "127.0.0.1"
port = ${options.ports?.rest ?? rest.port}
username = "${USER}"
password = "${options.passwords?.rest ?? REST_PASSWORD}"
use_ssl = false
plaintext_login = true
transport = "rest"
`,
  );
  const config = join(dir, 'lqos.conf');
  await writeFile(
    config,
    `lqos_directory = ${JSON.stringify(outputDir)}
${options.extraConfig ?? ''}
[queues]
downlink_bandwidth_mbps = 10000
uplink_bandwidth_mbps = 10000
generated_pn_download_mbps = 1000
generated_pn_upload_mbps = 1000

[mikrotik_ipv6]
config_path = ${JSON.stringify(routersFile)}

[mikrotik_integration]
timeout_secs = ${options.timeoutSecs ?? 2}
${options.settings ?? ''}
`,
  );
  return {
    api,
    rest,
    dir,
    outputDir,
    config,
    routersFile,
    run: (args = [], env = {}) => runBin(TOOL, ['--config', config, ...args], env),
    close: async () => {
      await Promise.all([api.close(), rest.close()]);
    },
  };
}
