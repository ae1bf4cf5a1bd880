/**
 * `[visp_integration]` read into typed settings. Credentials may also come from LibreQoS's own
 * environment names (VISP_CLIENT_ID, …). Precedence, lowest first: the config file, a non-empty
 * VISP_* variable (LibreQoS's rule), a WISPSYNC_VISP_INTEGRATION_* variable (wispsync's rule for
 * every key, already applied to the config by core), then the command line.
 */
import { type ConfigData, envName, requireSetting, WispError } from '@wispsync/core';
import { SECTION } from './schema.js';

export interface VispSettings {
  clientId: string;
  clientSecret: string;
  username: string;
  password: string;
  /** 0 = the first ISP id of the token. */
  ispId: number;
  onlineUsersDomain: string;
  timeoutMs: number;
  tokenUrl: string;
  graphqlUrl: string;
  verifyTls: boolean;
  /** GraphQL type names of the services shaped by the per-customer lookup, as configured. */
  serviceTypes: string[];
  disableWifiBulk: boolean;
  backfillConcurrency: number;
  debugStatus: boolean;
  debugTopology: boolean;
}

const CREDENTIALS = [
  ['client_id', 'VISP_CLIENT_ID'],
  ['client_secret', 'VISP_CLIENT_SECRET'],
  ['username', 'VISP_USERNAME'],
  ['password', 'VISP_PASSWORD'],
] as const;

const FLAGS = [
  ['disable_wifi_bulk', 'VISP_DISABLE_WIFI_BULK'],
  ['debug_status', 'VISP_DEBUG_STATUS'],
  ['debug_topology', 'VISP_DEBUG_TOPOLOGY'],
] as const;

/** The hint every credential problem prints: where each value can come from. */
export const CREDENTIALS_HINT = `check [${SECTION}].client_id, client_secret, username and password (or VISP_CLIENT_ID, VISP_CLIENT_SECRET, VISP_USERNAME, VISP_PASSWORD in the environment)`;

function credential(section: Record<string, unknown>, key: string, legacy: string, env: NodeJS.ProcessEnv) {
  const fromFile = String(section[key] ?? '').trim();
  if (env[envName(SECTION, key)] !== undefined) return fromFile; // core put the WISPSYNC_ value there
  return env[legacy]?.trim() || fromFile;
}

function flag(section: Record<string, unknown>, key: string, legacy: string, env: NodeJS.ProcessEnv) {
  const value = env[legacy]?.trim().toLowerCase();
  if (env[envName(SECTION, key)] !== undefined || value === undefined || value === '') {
    return section[key] === true;
  }
  return ['1', 'true', 'yes', 'on'].includes(value);
}

export function readSettings(config: ConfigData, env: NodeJS.ProcessEnv): VispSettings {
  const section = (config[SECTION] ?? {}) as Record<string, unknown>;
  const [clientId, clientSecret, username, password] = CREDENTIALS.map(([key, legacy]) =>
    credential(section, key, legacy, env),
  ) as [string, string, string, string];
  const missing = CREDENTIALS.filter(
    (_, index) => [clientId, clientSecret, username, password][index] === '',
  );
  if (missing.length > 0) {
    throw new WispError(
      'config',
      `config: VISP credentials are missing: ${missing.map(([key, legacy]) => `[${SECTION}].${key} (or ${legacy})`).join(', ')}`,
      { hint: `set them in [${SECTION}], or in the environment (VISP_* or WISPSYNC_VISP_INTEGRATION_*)` },
    );
  }
  const [disableWifiBulk, debugStatus, debugTopology] = FLAGS.map(([key, legacy]) =>
    flag(section, key, legacy, env),
  ) as [boolean, boolean, boolean];
  return {
    clientId,
    clientSecret,
    username,
    password,
    ispId: Number(section.isp_id ?? 0),
    onlineUsersDomain: String(section.online_users_domain ?? '').trim(),
    timeoutMs: Number(section.timeout_secs ?? 20) * 1000,
    tokenUrl: requireSetting(config, SECTION, 'token_url', "VISP's token URL (https://data.visp.net/token)"),
    graphqlUrl: requireSetting(
      config,
      SECTION,
      'graphql_url',
      "VISP's GraphQL URL (https://integrations.visp.net/graphql)",
    ),
    verifyTls: section.verify_tls !== false,
    serviceTypes: ((section.service_type_allowlist as string[] | undefined) ?? [])
      .map((type) => type.trim())
      .filter((type) => type !== ''),
    disableWifiBulk,
    backfillConcurrency: Number(section.backfill_concurrency ?? 4),
    debugStatus,
    debugTopology,
  };
}
