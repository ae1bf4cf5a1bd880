import { type FetchContext, type HttpClient, requireSetting, WispError } from '@wispsync/core';
import { SECTION } from './schema.js';
import { preseemEndpoint } from './url.js';

export interface PowercodeData {
  customers: unknown[];
  services: unknown[];
}

type Action = 'list_customers' | 'list_services';

/**
 * Two form POSTs to Powercode's Preseem endpoint, in LibreQoS's order: `list_customers`, then
 * `list_services`. Each answer must be a JSON list.
 */
export async function fetchPowercode(context: FetchContext): Promise<PowercodeData> {
  const { client, endpoint, apiKey } = connect(context);
  const customers = await list(client, endpoint, apiKey, 'list_customers');
  const services = await list(client, endpoint, apiKey, 'list_services');
  return { customers, services };
}

/**
 * Powercode's Preseem API has no lighter call than its two lists, so the probe is the first one
 * (`list_customers`): the key is accepted and a list comes back. Nothing is written.
 */
export async function probePowercode(context: FetchContext): Promise<string> {
  const { client, endpoint, apiKey } = connect(context);
  const customers = await list(client, endpoint, apiKey, 'list_customers');
  return `Powercode: key accepted (${customers.length} customers)`;
}

function connect(context: FetchContext): { client: HttpClient; endpoint: string; apiKey: string } {
  const section = context.config[SECTION] as Record<string, unknown>;
  const apiUrl = requireSetting(
    context.config,
    SECTION,
    'powercode_api_url',
    'your Powercode server, e.g. https://powercode.example.net',
  );
  const apiKey = requireSetting(context.config, SECTION, 'powercode_api_key', 'your Powercode API key');
  const client = context.http({
    source: 'Powercode',
    timeoutMs: Number(section.timeout_secs) * 1000,
    verifyTls: section.verify_tls !== false,
    // The key travels in the form body, not a header: register it so no message can show it.
    secrets: [apiKey],
    authHint: `check [${SECTION}].powercode_api_key (an API key with access to the Preseem API)`,
    urlHint: `check [${SECTION}].powercode_api_url (scheme and host; the API port 444 is added unless the URL names one)`,
    tlsHint: `Powercode servers often use a self-signed certificate: set [${SECTION}].verify_tls = false, or install a trusted one`,
  });
  return { client, endpoint: preseemEndpoint(apiUrl), apiKey };
}

async function list(
  client: HttpClient,
  endpoint: string,
  apiKey: string,
  action: Action,
): Promise<unknown[]> {
  const body = await client.postForm(endpoint, { apiKey, action });
  if (Array.isArray(body)) return body;
  throw notAList(action, body);
}

/** Powercode reports a refused key or a bad action as a JSON object with a message. */
function notAList(action: Action, body: unknown): WispError {
  const message = errorMessage(body);
  if (message !== undefined) {
    return new WispError('source', `Powercode: ${action} answered with an error: ${message}`, {
      hint: `check [${SECTION}].powercode_api_key and that the key may use the Preseem API`,
    });
  }
  const got = body === null ? 'null' : Array.isArray(body) ? 'a list' : `a JSON ${typeof body}`;
  return new WispError('source', `Powercode: ${action} did not answer with a list (got ${got})`, {
    hint: `check [${SECTION}].powercode_api_url points at your Powercode server`,
  });
}

const MESSAGE_KEYS = ['message', 'error', 'errorMessage', 'statusMessage'];

function errorMessage(body: unknown): string | undefined {
  if (body === null || typeof body !== 'object') return undefined;
  const record = body as Record<string, unknown>;
  for (const key of MESSAGE_KEYS) {
    const value = record[key];
    if (typeof value === 'string' && value.trim() !== '') return truncate(value.trim());
    if (value !== null && typeof value === 'object') {
      const nested = errorMessage(value);
      if (nested !== undefined) return nested;
    }
  }
  return undefined;
}

function truncate(text: string): string {
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}
