import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type ConfigSchema,
  configSecrets,
  loadConfig,
  readCommonConfig,
  resolveConfigPath,
  stateDirectory,
} from '../src/config/index.js';
import { WispError } from '../src/errors/index.js';

const toolSchema: ConfigSchema = {
  demo_integration: {
    api_url: { type: 'string', format: 'http-url', default: '', description: 'x' },
    api_key: { type: 'string', default: '', description: 'x', secret: true },
    timeout_secs: { type: 'integer', default: 60, minimum: 1, description: 'x' },
    strategy: {
      type: 'string',
      enum: ['flat', 'ap_only', 'ap_site', 'full'],
      default: 'ap_only',
      description: 'x',
    },
  },
};

async function configFile(text: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'wispsync-config-'));
  const path = join(dir, 'lqos.conf');
  await writeFile(path, text);
  return path;
}

async function load(text: string, env: NodeJS.ProcessEnv = {}) {
  return loadConfig({ path: await configFile(text), schema: toolSchema, env });
}

describe('configSecrets', () => {
  it('lists the set values of secret keys only', async () => {
    const result = await load('[demo_integration]\napi_url = "http://x.example"\napi_key = "k-123456"\n');
    expect(configSecrets(result.data, result.schema)).toEqual(['k-123456']);
    const unset = await load('[demo_integration]\napi_url = "http://x.example"\n');
    expect(configSecrets(unset.data, unset.schema)).toEqual([]);
  });
});

describe('stateDirectory', () => {
  it.each([
    ['/opt/libreqos/src', '', '/opt/libreqos/state'],
    ['/opt/libreqos/src/', '', '/opt/libreqos/state'],
    ['/srv/lqos', '', '/srv/lqos/state'],
    ['/opt/libreqos/src', ' /var/lib/wispsync ', '/var/lib/wispsync'],
  ])('lqos_directory %s, state_directory "%s" → %s', (lqos, configured, expected) => {
    expect(stateDirectory(lqos, configured)).toBe(expected);
  });
});

describe('config', () => {
  it('fills defaults for every missing key and section', async () => {
    const result = await load('lqos_directory = "/tmp/x"\n');
    expect(result.errors).toEqual([]);
    const common = readCommonConfig(result.data);
    expect(common.lqosDirectory).toBe('/tmp/x');
    expect(common.stateDirectory).toBe('/tmp/x/state');
    expect(common.queues).toEqual({
      downlinkMbps: 1000,
      uplinkMbps: 1000,
      generatedPnDownloadMbps: 1000,
      generatedPnUploadMbps: 1000,
    });
    expect(common.alwaysOverwriteNetworkJson).toBe(true);
    expect(common.commitBandwidthMultiplier).toBe(0.98);
    expect(result.data.demo_integration).toEqual({
      api_url: '',
      api_key: '',
      timeout_secs: 60,
      strategy: 'ap_only',
    });
  });

  it('reads LibreQoS section and key names', async () => {
    const result = await load(`
lqos_directory = "/opt/libreqos/src"
[queues]
downlink_bandwidth_mbps = 5000
uplink_bandwidth_mbps = 2000
[ip_ranges]
ignore_subnets = ["192.168.0.0/16", "10.1.2.3", "2001:db8::/32"]
[integration_common]
circuit_name_as_address = true
promote_to_root = ["Tower"]
[uisp_integration]
exclude_sites = ["Lab"]
bandwidth_overhead_factor = 1.15
exception_cpes = ["cpe-1:Site A", { cpe = "cpe-2", parent = "Site B" }]
`);
    expect(result.errors).toEqual([]);
    const common = readCommonConfig(result.data);
    expect(common.queues.downlinkMbps).toBe(5000);
    expect(common.ignoreSubnets).toEqual(['192.168.0.0/16', '10.1.2.3', '2001:db8::/32']);
    expect(common.circuitNameAsAddress).toBe(true);
    expect(common.promoteToRoot).toEqual(['Tower']);
    expect(common.excludeSites).toEqual(['Lab']);
    expect(common.bandwidthOverheadFactor).toBe(1.15);
    expect(common.exceptionCpes).toEqual([
      { cpe: 'cpe-1', parent: 'Site A' },
      { cpe: 'cpe-2', parent: 'Site B' },
    ]);
  });

  it.each([
    [
      '[demo_integration]\ntimeout_secs = "60"',
      'config: [demo_integration].timeout_secs must be an integer (got "60")',
    ],
    [
      '[demo_integration]\nstrategy = "tree"',
      'config: [demo_integration].strategy must be one of flat, ap_only, ap_site, full (got "tree")',
    ],
    [
      '[demo_integration]\napi_url = "ftp://x"',
      'config: [demo_integration].api_url must be an http:// or https:// URL (got "ftp://x")',
    ],
    [
      '[queues]\nuplink_bandwidth_mbps = 0',
      'config: [queues].uplink_bandwidth_mbps must be greater than 0 (got 0)',
    ],
    [
      '[ip_ranges]\nignore_subnets = ["10.0.0.0/33"]',
      'config: [ip_ranges].ignore_subnets[0] must be an IP address or CIDR subnet (got "10.0.0.0/33")',
    ],
    [
      '[uisp_integration]\nexception_cpes = ["no-colon"]',
      'config: [uisp_integration].exception_cpes[0] must be a "cpe:parent" string or a {cpe = "...", parent = "..."} table (got "no-colon")',
    ],
    ['queues = 5', 'config: [queues] must be a table'],
    [
      '[integration_common]\npromote_to_root = "Tower"',
      'config: [integration_common].promote_to_root must be an array (got "Tower")',
    ],
  ])('rejects %j', async (text, message) => {
    const result = await load(text);
    expect(result.errors).toEqual([message]);
  });

  it('never shows a secret value in an error', async () => {
    const result = await load('[demo_integration]\napi_key = 12345678');
    expect(result.errors).toEqual(['config: [demo_integration].api_key must be a string']);
  });

  it('accepts strategy names in any case and full2 as full', async () => {
    expect((await load('[demo_integration]\nstrategy = " AP_Site "')).data.demo_integration?.strategy).toBe(
      'ap_site',
    );
    expect((await load('[demo_integration]\nstrategy = "full2"')).data.demo_integration?.strategy).toBe(
      'full',
    );
  });

  it('lets WISPSYNC_<SECTION>_<KEY> override the file, typed by the schema', async () => {
    const result = await load('[demo_integration]\napi_key = "from-file"\ntimeout_secs = 10', {
      WISPSYNC_DEMO_INTEGRATION_API_KEY: 'from-env',
      WISPSYNC_DEMO_INTEGRATION_TIMEOUT_SECS: '30',
      WISPSYNC_LQOS_DIRECTORY: '/srv/lqos',
      WISPSYNC_UISP_INTEGRATION_EXCLUDE_SITES: 'A, B',
    });
    expect(result.errors).toEqual([]);
    expect(result.data.demo_integration).toMatchObject({ api_key: 'from-env', timeout_secs: 30 });
    expect(result.data.lqos_directory).toBe('/srv/lqos');
    expect(readCommonConfig(result.data).excludeSites).toEqual(['A', 'B']);
    expect(result.fromEnv).toContain('[demo_integration].api_key');
  });

  it('reports an environment value of the wrong type', async () => {
    const result = await load('', { WISPSYNC_DEMO_INTEGRATION_TIMEOUT_SECS: 'soon' });
    expect(result.errors).toEqual([
      'WISPSYNC_DEMO_INTEGRATION_TIMEOUT_SECS must be an integer (it sets [demo_integration].timeout_secs)',
    ]);
  });

  it('throws a config error for a missing file and for bad TOML', async () => {
    await expect(loadConfig({ path: '/nonexistent/lqos.conf', env: {} })).rejects.toMatchObject({
      kind: 'config',
      exitCode: 2,
      message: 'config: /nonexistent/lqos.conf is not found',
    });
    const bad = await configFile('[queues\nx = 1');
    const error = await loadConfig({ path: bad, env: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WispError);
    expect((error as WispError).message).toMatch(/is not valid TOML at line 1, column \d+: [^\n]+[^:]$/);
  });

  it('resolves the path from the flag, then LQOS_CONFIG, then /etc/lqos.conf', () => {
    expect(resolveConfigPath('/a', { LQOS_CONFIG: '/b' })).toBe('/a');
    expect(resolveConfigPath(undefined, { LQOS_CONFIG: '/b' })).toBe('/b');
    expect(resolveConfigPath(undefined, {})).toBe('/etc/lqos.conf');
  });
});
