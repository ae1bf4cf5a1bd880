/**
 * Fetches everything from VISP in LibreQoS's order (§9.3): subscribers (pages of 500), CPE equipment
 * assemblies, equipment (pages of 500), the wireless bulk query, the per-customer lookup for
 * subscribers the bulk query missed, and the online RADIUS users.
 */
import {
  createSubnetMatcher,
  type FetchContext,
  type GraphqlClient,
  graphqlAll,
  isWispError,
  type PageRule,
  WispError,
} from '@wispsync/core';
import { fetchBackfill } from './backfill-fetch.js';
import { createVispApi, type VispApi } from './client.js';
import type { IpAllowed } from './ips.js';
import { BULK, EQUIPMENT_ASSEMBLIES, EQUIPMENT_PG, ONLINE, PAGE_SIZE, SUBS } from './queries.js';
import {
  bulkCustomerIds,
  indexSubscribers,
  type OnlineSession,
  objectRows,
  type Row,
  safeInt,
  text,
  type VispRaw,
} from './records.js';
import { readSettings } from './settings.js';

export async function fetchVisp(context: FetchContext): Promise<VispRaw> {
  const settings = readSettings(context.config, process.env);
  context.reporter.addSecret(settings.clientSecret);
  context.reporter.addSecret(settings.password);
  const api = createVispApi(context, settings, { cache: true });
  const isp_id = await api.ispId();
  const dropped = new Map<string, number>();

  const subscribers = await graphqlAll(adapt(api), pagedRule('Subs', SUBS, isp_id, dropped, true));
  const assemblies = listOf(
    'EquipmentAssemblies',
    await api.request('EquipmentAssemblies', EQUIPMENT_ASSEMBLIES, { isp_id }),
    'rows',
    dropped,
  );
  const equipment = await graphqlAll(
    adapt(api),
    pagedRule('EquipmentPg', EQUIPMENT_PG, isp_id, dropped, false),
  );
  let bulk: Row[] | undefined;
  if (settings.disableWifiBulk) {
    context.reporter.info(
      'VISP: the wireless bulk query is disabled; every subscriber is looked up one by one',
    );
  } else {
    const data = await api.request('Bulk', BULK, { isp_id });
    bulk = listOf('Bulk', data, 'customerCPEwithWirelessServiceSpeeds', dropped);
  }
  for (const [operation, count] of dropped) {
    context.warn(`VISP ${operation}: ${count} row(s) are not JSON objects and were skipped`);
    context.skip('invalid-record', count);
  }

  const ignored = createSubnetMatcher(context.common.ignoreSubnets);
  const allowed: IpAllowed = (ip) => !ignored.contains(ip);
  const covered = bulkCustomerIds(bulk);
  const { byId, order } = indexSubscribers(subscribers);
  const customers = order
    .filter((id) => !covered.has(id))
    .map((id) => ({ id, subscriber: byId.get(id) as Row }));
  if (customers.length > 0) await context.reporter.step(`Looking up ${customers.length} VISP customers…`);
  const backfill = await fetchBackfill({
    api,
    customers,
    serviceTypes: settings.serviceTypes,
    concurrency: settings.backfillConcurrency,
    allowed,
    warn: (message) => context.warn(message),
  });
  const online =
    settings.onlineUsersDomain === '' ? [] : await fetchOnline(api, settings.onlineUsersDomain, context);
  return {
    subscribers,
    assemblies,
    equipment,
    bulk,
    backfill,
    online,
    options: {
      serviceTypes: settings.serviceTypes,
      debugStatus: settings.debugStatus,
      debugTopology: settings.debugTopology,
      onlineUsersDomain: settings.onlineUsersDomain,
    },
  };
}

/** core's page iteration drives VISP requests (with their token handling). */
function adapt(api: VispApi): GraphqlClient {
  return {
    source: 'VISP',
    request: (request) => api.request(request.operationName ?? '', request.query, request.variables ?? {}),
  };
}

/**
 * Offset pages of 500. The last page is a short one; for subscribers also the page that reaches
 * the count the first page announced.
 */
function pagedRule(
  operation: string,
  query: string,
  isp_id: number,
  dropped: Map<string, number>,
  counted: boolean,
): PageRule<Row> {
  let total = 0;
  return {
    // 1,000,000 rows: a server that ignores the offset must not keep us asking for ever.
    maxPages: 2_000,
    request: (index) => ({
      operationName: operation,
      query,
      variables: { isp_id, limit: PAGE_SIZE, offset: index * PAGE_SIZE },
    }),
    read(data, index) {
      const raw = data.rows;
      if (counted && index === 0) total = safeInt(data.count);
      const rows = listOf(operation, data, 'rows', dropped);
      const length = Array.isArray(raw) ? raw.length : 0;
      const reachedCount = counted && total > 0 && (index + 1) * PAGE_SIZE >= total;
      return { rows, more: length >= PAGE_SIZE && !reachedCount };
    },
  };
}

/** The list under `key` (null → empty; JSON text is parsed, the bulk field is a JSON scalar). */
function listOf(
  operation: string,
  data: Record<string, unknown>,
  key: string,
  dropped: Map<string, number>,
): Row[] {
  let value = data[key];
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      // reported as not a list below
    }
  }
  if (value === null || value === undefined) return [];
  if (!Array.isArray(value)) {
    throw new WispError('source', `VISP GraphQL ${operation}: "${key}" is not a list`, {
      hint: 'the VISP API answered in an unexpected shape; report it with --save-responses',
    });
  }
  const { rows, dropped: count } = objectRows(value);
  if (count > 0) dropped.set(operation, (dropped.get(operation) ?? 0) + count);
  return rows;
}

/** Online RADIUS users; a failure only costs the enrichment (a warning), as in LibreQoS. */
async function fetchOnline(api: VispApi, domain: string, context: FetchContext): Promise<OnlineSession[]> {
  try {
    const data = await api.request('Online', ONLINE, { domain });
    const { rows } = objectRows(data.onlineUsers);
    return rows
      .map((row) => ({ username: text(row.username), ip: text(row.ip) }))
      .filter((session) => session.username !== '' && session.ip !== '');
  } catch (error) {
    if (!isWispError(error)) throw error;
    context.warn(`VISP: the online users lookup failed (${error.message}); continuing without it`);
    return [];
  }
}
