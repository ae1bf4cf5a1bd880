/**
 * The IPv6 enrichment end to end: another integration's built binary (netzur-integration) with
 * use_mikrotik_ipv6 on and a routers file pointing at two mock routers (binary API and REST).
 * Needs `pnpm build` (the netzur package's dist), like every package's end-to-end tests.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  REPO_ROOT,
  type RouterOsApiServer,
  type RouterOsMenus,
  type RouterOsRestServer,
  startRouterOsApiServer,
  startRouterOsRestServer,
  startToolScenario,
  type ToolScenario,
} from '../src/testing/index.js';

const FIXTURES = join(REPO_ROOT, 'test-data/routeros/enrich');
const NETZUR = join(REPO_ROOT, 'bin/netzur-integration');
const API_PASSWORD = 'e2e-Api-Pass-1';
const REST_PASSWORD = 'e2e-Rest-Pass-2';

async function menus(file: string): Promise<RouterOsMenus> {
  return JSON.parse(await readFile(join(FIXTURES, file), 'utf8')) as RouterOsMenus;
}

function routersFile(apiPort: number, restPort: number): string {
  return `version = 1

[[router]]
name = "core"
host = "127.0.0.1"
port = ${apiPort}
username = "libreqos"
password = "${API_PASSWORD}"
use_ssl = false
plaintext_login = true

[[router]]
name = "bras"
host = "127.0.0.1"
port = ${restPort}
transport = "rest"
username = "libreqos"
password = "${REST_PASSWORD}"
`;
}

/** Circuit ID → IPv6 column of ShapedDevices.csv (the fixture has no quoted commas in these rows). */
function ipv6ByCircuit(csv: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of csv.trim().split('\n').slice(1)) {
    const cells = line.split(',');
    out[cells[0] ?? ''] = cells[7] ?? '';
  }
  return out;
}

describe('IPv6 enrichment from MikroTik routers, end to end (netzur-integration)', () => {
  let api: RouterOsApiServer | undefined;
  let rest: RouterOsRestServer | undefined;
  let scenario: ToolScenario | undefined;
  afterEach(async () => {
    await scenario?.close();
    await api?.close();
    await rest?.close();
    scenario = api = rest = undefined;
  });

  async function start(enable: string, routersText?: string): Promise<{ routersPath: string }> {
    api = await startRouterOsApiServer({
      users: { libreqos: API_PASSWORD },
      menus: await menus('router-api.json'),
    });
    rest = await startRouterOsRestServer({
      username: 'libreqos',
      password: REST_PASSWORD,
      menus: await menus('router-rest.json'),
    });
    const dir = await mkdtemp(join(tmpdir(), 'wispsync-ipv6-e2e-'));
    const routersPath = join(dir, 'mikrotik_ipv6.toml');
    await writeFile(routersPath, routersText ?? routersFile(api.port, rest.port));
    scenario = await startToolScenario({
      bin: NETZUR,
      fixtureDir: FIXTURES,
      config: `${enable}
[mikrotik_ipv6]
config_path = "${routersPath}"
timeout_secs = 2

[netzur_integration]
api_url = "{url}/api/v1/libreqos/export"
api_key = "nz-test-key-0001"
`,
    });
    return { routersPath };
  }

  it('adds the routers’ prefixes to the right devices', async () => {
    await start('[integration_common]\nuse_mikrotik_ipv6 = true');
    const result = await scenario!.run();
    expect(result.code, result.stderr).toBe(0);
    const csv = await readFile(join(scenario!.outputDir, 'ShapedDevices.csv'), 'utf8');
    expect(ipv6ByCircuit(csv)).toEqual({
      netzur_1001: '2001:db8:a1::/56',
      netzur_1002: '2001:db8:b2::/56',
      netzur_1003: '2001:db8:c3::/56',
      netzur_1004: '',
      netzur_1005: '',
    });
    expect(result.stderr).toMatch(
      /IPv6 from MikroTik: 2 address\(es\) added to 2 device\(s\), from 2 of 2 router\(s\)/,
    );
    expect(result.stderr).toMatch(
      /warning: IPv6 from MikroTik: ambiguous, nothing added: circuit "Dan" \(netzur_1004\).*100\.64\.10\.4 is linked to 2 MAC addresses/,
    );
    for (const secret of [API_PASSWORD, REST_PASSWORD]) {
      expect(result.stderr + result.stdout).not.toContain(secret);
    }
  });

  it('is also turned on by [uisp_integration].ipv6_with_mikrotik (shows in --json)', async () => {
    await start('[uisp_integration]\nipv6_with_mikrotik = true');
    const result = await scenario!.run(['--json']);
    expect(result.code, result.stderr).toBe(0);
    const plan = JSON.parse(result.stdout) as { circuits: { id: string; devices: { ipv6: string[] }[] }[] };
    const bob = plan.circuits.find((circuit) => circuit.id === 'netzur_1002');
    expect(bob?.devices[0]?.ipv6).toEqual(['2001:db8:b2::/56']);
  });

  it('writes the files with a warning when the routers are down', async () => {
    await start('[integration_common]\nuse_mikrotik_ipv6 = true');
    await api?.close();
    await rest?.close();
    api = rest = undefined;
    const result = await scenario!.run();
    expect(result.code, result.stderr).toBe(0);
    const csv = await readFile(join(scenario!.outputDir, 'ShapedDevices.csv'), 'utf8');
    expect(ipv6ByCircuit(csv)).toMatchObject({
      netzur_1001: '',
      netzur_1002: '',
      netzur_1003: '2001:db8:c3::/56',
    });
    expect(result.stderr).toMatch(
      /warning: IPv6 from MikroTik: router "core" .*connection refused; this router is skipped/,
    );
    expect(result.stderr).toMatch(
      /warning: IPv6 from MikroTik: none of the 2 router\(s\) in .* answered; enrichment skipped/,
    );
  });

  it('warns when the routers file is missing, and exits 2 when it is broken', async () => {
    const { routersPath } = await start(
      '[integration_common]\nuse_mikrotik_ipv6 = true',
      '[[router]]\nname = "core"\n',
    );
    const broken = await scenario!.run();
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain(
      `error: routers file ${routersPath}: [[router]] #1 ("core"): host is missing`,
    );

    await rm(routersPath);
    const missing = await scenario!.run();
    expect(missing.code, missing.stderr).toBe(0);
    expect(missing.stderr).toContain(
      `warning: IPv6 from MikroTik: the routers file ${routersPath} does not exist`,
    );
  });

  it('asks no router when the enrichment is off', async () => {
    await start('');
    const result = await scenario!.run();
    expect(result.code, result.stderr).toBe(0);
    expect(api?.connections).toBe(0);
    expect(rest?.requests).toEqual([]);
    expect(
      ipv6ByCircuit(await readFile(join(scenario!.outputDir, 'ShapedDevices.csv'), 'utf8')).netzur_1001,
    ).toBe('');
  });
});
