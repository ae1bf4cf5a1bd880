import { type FetchContext, requireSetting, WispError } from '@wispsync/core';
import { SECTION } from './schema.js';

export interface NetzurExport {
  zones: unknown[];
  customers: unknown[];
}

/** One GET of the export URL (Bearer auth); the body must be `{zones: [...], customers: [...]}`. */
export async function fetchNetzur(context: FetchContext): Promise<NetzurExport> {
  const section = context.config[SECTION] as Record<string, unknown>;
  const url = requireSetting(context.config, SECTION, 'api_url', 'the URL of your Netzur export endpoint');
  const apiKey = requireSetting(context.config, SECTION, 'api_key', 'your Netzur API key');
  const client = context.http({
    source: 'Netzur',
    auth: { type: 'bearer', token: apiKey },
    timeoutMs: Number(section.timeout_secs) * 1000,
    verifyTls: section.verify_tls !== false,
    authHint: `check [${SECTION}].api_key (the key must be allowed to read the export)`,
    urlHint: `check [${SECTION}].api_url (the full URL of the export endpoint)`,
    tlsHint: `fix the server certificate, or set [${SECTION}].verify_tls = false for a test server`,
  });
  const body = await client.getJson(url);
  return checkShape(body);
}

function checkShape(body: unknown): NetzurExport {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new WispError('source', 'Netzur: the export is not a JSON object with "zones" and "customers"', {
      hint: `check [${SECTION}].api_url points at the export endpoint`,
    });
  }
  const { zones = [], customers = [] } = body as { zones?: unknown; customers?: unknown };
  for (const [name, value] of [
    ['zones', zones],
    ['customers', customers],
  ] as const) {
    if (!Array.isArray(value)) {
      throw new WispError('source', `Netzur: "${name}" in the export is not a list (got ${typeof value})`, {
        hint: 'the export must return {"zones": [...], "customers": [...]}',
      });
    }
  }
  return { zones: zones as unknown[], customers: customers as unknown[] };
}

/**
 * Netzur has one call, the export, so the probe is that call: it proves the URL answers and the
 * key is accepted (and reads the whole export once; nothing is written).
 */
export async function probeNetzur(context: FetchContext): Promise<string> {
  const data = await fetchNetzur(context);
  return `Netzur: export answered, key accepted (${data.zones.length} zones, ${data.customers.length} customers)`;
}
