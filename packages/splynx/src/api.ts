import { type FetchContext, type HttpClient, isHttpError, requireSetting, WispError } from '@wispsync/core';
import { ENDPOINTS, type Endpoint, type ListKey, listsFor, permissionList } from './endpoints.js';
import { fetchList, NotAListError } from './paging.js';
import { SECTION } from './schema.js';

/** What Splynx sent, list by list; the hierarchy lists are empty when the run does not need them. */
export type SplynxRaw = Record<ListKey, unknown[]> & {
  /** Whether monitoring, sectors and network sites were fetched. */
  hierarchy: boolean;
};

/** Lists fetched at the same time (after the first, which doubles as the credentials check). */
const PARALLEL = 3;

export async function fetchSplynx(context: FetchContext): Promise<SplynxRaw> {
  const section = context.config[SECTION] as Record<string, unknown>;
  const client = connect(context);
  const pageSize = Number(section.page_size);
  // flat needs no hierarchy, unless exclude_sites has to find the subtrees to leave out.
  const hierarchy = context.strategy !== 'flat' || context.common.excludeSites.length > 0;
  const [first, ...rest] = listsFor(hierarchy);
  const raw: SplynxRaw = {
    tariffs: [],
    customers: [],
    online: [],
    services: [],
    sectors: [],
    monitoring: [],
    networkSites: [],
    hierarchy,
  };
  const load = async (key: ListKey): Promise<void> => {
    raw[key] = await fetchEndpoint(client, ENDPOINTS[key], pageSize, context);
  };
  if (first !== undefined) await load(first);
  for (let i = 0; i < rest.length; i += PARALLEL) await Promise.all(rest.slice(i, i + PARALLEL).map(load));
  return raw;
}

/**
 * The probe: one customer (`limit=1`) from the customers list, the list every run needs. It proves
 * the URL answers, the key and secret are accepted and may read customers. Nothing is written.
 */
export async function probeSplynx(context: FetchContext): Promise<string> {
  const client = connect(context);
  const endpoint = ENDPOINTS.customers;
  try {
    const body = await client.getJson(endpoint.path, { searchParams: { limit: 1, offset: 0 } });
    if (!Array.isArray(body)) throw new NotAListError(endpoint, body);
    return `Splynx: API key accepted (${endpoint.path} readable)`;
  } catch (error) {
    throw refusal(error, endpoint);
  }
}

/** The API client, from [splynx_integration] url, api_key and api_secret. */
function connect(context: FetchContext): HttpClient {
  const section = context.config[SECTION] as Record<string, unknown>;
  const url = requireUrl(context);
  const apiKey = requireSetting(context.config, SECTION, 'api_key', 'your Splynx API key');
  const apiSecret = requireSetting(context.config, SECTION, 'api_secret', 'the secret of that API key');
  const plain = plainHttpWarning(url);
  if (plain) context.warn(plain);
  return context.http({
    source: 'Splynx',
    baseUrl: `${url.replace(/\/+$/, '')}/api/2.0/`,
    auth: { type: 'basic', username: apiKey, password: apiSecret },
    timeoutMs: Number(section.timeout_secs) * 1000,
    verifyTls: section.verify_tls !== false,
    authHint: credentialsHint(),
    urlHint: `check [${SECTION}].url is the base URL of your Splynx (e.g. https://splynx.example.net)`,
    tlsHint: `fix the server certificate, or set [${SECTION}].verify_tls = false for a test server`,
  });
}

function requireUrl(context: FetchContext): string {
  try {
    return requireSetting(context.config, SECTION, 'url', 'the base URL of your Splynx');
  } catch (error) {
    // LibreQoS accepts the misspelt section name; say so instead of only "url is empty".
    if (context.config.spylnx_integration !== undefined && error instanceof WispError) {
      throw new WispError('config', error.message, {
        hint: `rename the section [spylnx_integration] to [${SECTION}] (wispsync reads only the correct spelling)`,
      });
    }
    throw error;
  }
}

/** Basic auth over plain http sends the key in the clear; loopback (a local proxy or test) is fine. */
export function plainHttpWarning(url: string): string | undefined {
  const parsed = new URL(url);
  if (parsed.protocol !== 'http:') return undefined;
  if (/^(localhost|127(\.\d+){3}|\[::1\])$/i.test(parsed.hostname)) return undefined;
  return `[${SECTION}].url uses http://: the API key and secret are sent unencrypted; use https://`;
}

/**
 * 401: the key or secret is wrong, or Basic auth is off for the key. 403: the key works but may
 * not read this list. Either way the hint lists every permission a run needs.
 */
function credentialsHint(endpoint?: Endpoint, status = 401): string {
  const all = `wispsync needs View on ${permissionList()} (see docs/splynx.md)`;
  if (endpoint !== undefined && status === 403) {
    return `give the API key View permission on "${endpoint.permission}" (Administration › API keys › Permissions; for ${endpoint.path}); ${all}`;
  }
  const list =
    endpoint === undefined ? '' : ` and View permission on "${endpoint.permission}" (for ${endpoint.path})`;
  return `check [${SECTION}].api_key and api_secret, that the key has "Unsecure access" enabled (Basic auth)${list}; ${all}`;
}

/** One list; a refusal names the permission it needs; an optional list degrades to none. */
async function fetchEndpoint(
  client: HttpClient,
  endpoint: Endpoint,
  pageSize: number,
  context: FetchContext,
): Promise<unknown[]> {
  try {
    return await fetchList(client, endpoint, pageSize);
  } catch (error) {
    const status = isHttpError(error) ? error.status : undefined;
    if (endpoint.optional && (error instanceof NotAListError || status === 403 || status === 404)) {
      const why = status === undefined ? 'it did not return a list' : `HTTP ${status}`;
      context.warn(
        `Splynx: ${endpoint.path} is not available (${why}); continuing without network sites (the monitoring hierarchy is used)`,
      );
      return [];
    }
    throw refusal(error, endpoint);
  }
}

/** A 401/403 gets the hint that names the permission; anything else is passed on as it is. */
function refusal(error: unknown, endpoint: Endpoint): unknown {
  if (isHttpError(error) && (error.status === 401 || error.status === 403)) {
    return new WispError('source', error.message, {
      hint: credentialsHint(endpoint, error.status),
      details: error.details,
    });
  }
  return error;
}
