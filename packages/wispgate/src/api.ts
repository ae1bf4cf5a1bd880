import { type FetchContext, requireSetting, WispError } from '@wispsync/core';
import { SECTION } from './schema.js';

export const SHAPED_DEVICES_PATH = 'api/libreqos/shaped-devices';

/** `https://wg.example.net/` → `https://wg.example.net/api/libreqos/shaped-devices` (a full endpoint URL is kept). */
export function shapedDevicesEndpoint(apiUrl: string): string {
  const base = apiUrl
    .trim()
    .replace(/[?#].*$/s, '')
    .replace(/\/+$/, '');
  return base.endsWith(`/${SHAPED_DEVICES_PATH}`) ? base : `${base}/${SHAPED_DEVICES_PATH}`;
}

/** One form POST carrying `api_token`; the answer must be a JSON list of ShapedDevices-like rows. */
export async function fetchRows(context: FetchContext): Promise<unknown[]> {
  const section = context.config[SECTION] as Record<string, unknown>;
  const apiUrl = requireSetting(
    context.config,
    SECTION,
    'wispgate_api_url',
    'your WISPGate base URL, e.g. https://wispgate.example.net',
  );
  const token = requireSetting(context.config, SECTION, 'wispgate_api_token', 'your WISPGate API token');
  const client = context.http({
    source: 'WISPGate',
    timeoutMs: Number(section.timeout_secs) * 1000,
    verifyTls: section.verify_tls !== false,
    // The token travels in the form body, not a header: register it so no message can show it.
    secrets: [token],
    authHint: `check [${SECTION}].wispgate_api_token`,
    urlHint: `check [${SECTION}].wispgate_api_url (the WISPGate base URL; ${SHAPED_DEVICES_PATH} is added)`,
    tlsHint: `fix the WISPGate certificate, or set [${SECTION}].verify_tls = false for a self-signed one`,
  });
  const body = await client.postForm(shapedDevicesEndpoint(apiUrl), { api_token: token });
  if (Array.isArray(body)) return body;
  throw notAList(body);
}

/** WISPGate reports a refused token as a JSON object with a message. */
function notAList(body: unknown): WispError {
  const message = errorMessage(body);
  if (message !== undefined) {
    return new WispError('source', `WISPGate answered with an error instead of the device list: ${message}`, {
      hint: `check [${SECTION}].wispgate_api_token`,
    });
  }
  const got = body === null ? 'null' : `a JSON ${typeof body}`;
  return new WispError('source', `WISPGate: the shaped-devices answer is not a list (got ${got})`, {
    hint: `check [${SECTION}].wispgate_api_url points at WISPGate`,
  });
}

const MESSAGE_KEYS = ['message', 'error', 'detail', 'errors'];

function errorMessage(body: unknown): string | undefined {
  if (typeof body === 'string' && body.trim() !== '') return truncate(body.trim());
  if (body === null || typeof body !== 'object') return undefined;
  if (Array.isArray(body)) return body.length > 0 ? errorMessage(body[0]) : undefined;
  const record = body as Record<string, unknown>;
  for (const key of MESSAGE_KEYS) {
    const found = errorMessage(record[key]);
    if (found !== undefined) return found;
  }
  return undefined;
}

function truncate(text: string): string {
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}

/** WISPGate has one call, so the probe is that call: the token is accepted and rows come back. */
export async function probeWispgate(context: FetchContext): Promise<string> {
  const rows = await fetchRows(context);
  return `WISPGate: token accepted (${rows.length} shaped-device rows)`;
}
