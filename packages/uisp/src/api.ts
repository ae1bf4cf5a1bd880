import { type FetchContext, type HttpClient, requireSetting, WispError } from '@wispsync/core';
import { SECTION } from './schema.js';

/** The three NMS answers, untouched. map() empties the lists once they are parsed. */
export interface UispRaw {
  sites: unknown[];
  devices: unknown[];
  dataLinks: unknown[];
}

const API_PATH = '/nms/api/v2.1';

/**
 * The NMS API base: trimmed, trailing slashes removed, `/nms/api/v2.1` appended unless present.
 * A URL that goes on past the API path (`…/nms/api/v2.1/devices`) is cut back to it; LibreQoS keeps
 * it and then requests `…/devices/sites`.
 */
export function apiBaseUrl(url: string): string {
  const trimmed = url.trim().replace(/\/+$/, '');
  const at = trimmed.indexOf(API_PATH);
  return at < 0 ? `${trimmed}${API_PATH}` : trimmed.slice(0, at + API_PATH.length);
}

/** `GET sites`, `devices?withInterfaces=true` and `data-links`, at the same time. */
export async function fetchUisp(context: FetchContext): Promise<UispRaw> {
  const client = connect(context);
  const [sites, devices, dataLinks] = await Promise.all([
    client.getJson('sites').then((body) => requireArray(body, 'sites')),
    client
      .getJson('devices', { searchParams: { withInterfaces: 'true' } })
      .then((body) => requireArray(body, 'devices')),
    client.getJson('data-links').then((body) => requireArray(body, 'data-links')),
  ]);
  return { sites, devices, dataLinks };
}

/**
 * The probe: `GET sites`, the smallest of the three lists a run reads (the NMS API has no paging
 * on it). It proves the URL answers and the token is accepted. Nothing is written.
 */
export async function probeUisp(context: FetchContext): Promise<string> {
  const sites = requireArray(await connect(context).getJson('sites'), 'sites');
  return `UISP: token accepted (${sites.length} sites)`;
}

/** The NMS API client, from [uisp_integration] url and token. */
function connect(context: FetchContext): HttpClient {
  const section = context.config[SECTION] as Record<string, unknown>;
  const url = requireSetting(
    context.config,
    SECTION,
    'url',
    'the address of your UISP, e.g. https://uisp.example.net',
  );
  const token = requireSetting(
    context.config,
    SECTION,
    'token',
    'a UISP API token (Settings → Users → App Tokens)',
  );
  return context.http({
    source: 'UISP',
    baseUrl: apiBaseUrl(url),
    auth: { type: 'header', name: 'x-auth-token', value: token },
    timeoutMs: Number(section.timeout_secs) * 1000,
    verifyTls: section.insecure_ssl !== true,
    authHint: `check [${SECTION}].token (an API token with read access to UISP)`,
    urlHint: `check [${SECTION}].url (the address of your UISP, e.g. https://uisp.example.net)`,
    tlsHint: `fix UISP's certificate, or set [${SECTION}].insecure_ssl = true for a self-signed one`,
  });
}

function requireArray(body: unknown, endpoint: string): unknown[] {
  if (Array.isArray(body)) return body;
  const got = body === null ? 'null' : typeof body === 'object' ? 'an object' : typeof body;
  throw new WispError('source', `UISP: GET ${endpoint} did not return a JSON list (got ${got})`, {
    hint: `check [${SECTION}].url points at UISP itself (the NMS API answers every list as a JSON array)`,
  });
}
