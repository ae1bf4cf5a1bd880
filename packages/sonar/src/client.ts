import {
  createGraphqlClient,
  type FetchContext,
  type GraphqlClient,
  graphqlAll,
  type PageRule,
  WispError,
} from '@wispsync/core';
import { mapLimit } from './limit.js';
import { SECTION } from './schema.js';
import { readEndpoint } from './settings.js';

/** A GraphQL client for the configured Sonar: Bearer auth, timeout, TLS, retries from core. */
export function sonarClient(context: FetchContext): GraphqlClient {
  const { url, apiKey } = readEndpoint(context.config);
  const values = context.config[SECTION] as Record<string, unknown>;
  const http = context.http({
    source: 'Sonar',
    auth: { type: 'bearer', token: apiKey },
    timeoutMs: Number(values.timeout_secs) * 1000,
    verifyTls: values.verify_tls !== false,
    authHint: `check [${SECTION}].sonar_api_key (a personal access token of a Sonar user allowed to read accounts and inventory)`,
    urlHint: `check [${SECTION}].sonar_api_url (the address of your Sonar, e.g. https://example.sonar.software)`,
    tlsHint: `fix the server certificate, or set [${SECTION}].verify_tls = false for a test server`,
  });
  return createGraphqlClient(http, url);
}

/** `data.<field>` of a Sonar list answer, checked: an object with an `entities` list. */
export function listOf(
  data: Record<string, unknown>,
  field: string,
  operation: string,
): { entities: unknown[]; pageInfo: Record<string, unknown> | undefined } {
  const list = data[field];
  const entities = isObject(list) ? list.entities : undefined;
  if (!isObject(list) || !Array.isArray(entities)) {
    throw new WispError('source', `Sonar GraphQL ${operation}: the answer has no "${field}.entities" list`, {
      hint: `check that [${SECTION}].sonar_api_url points at your Sonar (its /api/graphql endpoint)`,
    });
  }
  return { entities, pageInfo: isObject(list.page_info) ? list.page_info : undefined };
}

/** A guard against a server that announces pages without end (core's default too). */
const MAX_PAGES = 100_000;

/**
 * Every page of a Sonar list (pages count from 1), in page order. Like LibreQoS, it stops after the
 * page whose number reaches `page_info.total_pages`, or after the first page when there is no
 * page_info. With `concurrency` > 1, the pages after the first (which gives the total) are asked
 * that many at a time; 1 walks them one by one with core's pager, as LibreQoS does.
 */
export async function allPages(
  client: GraphqlClient,
  input: {
    operation: string;
    field: string;
    query: string;
    variables: (page: number) => Record<string, unknown>;
    concurrency?: number;
  },
): Promise<unknown[]> {
  const rule: PageRule<unknown> = {
    request: (index) => ({
      query: input.query,
      variables: input.variables(index + 1),
      operationName: input.operation,
    }),
    read: (data, index) => {
      const { entities, pageInfo } = listOf(data, input.field, input.operation);
      return { rows: entities, more: index + 1 < totalPages(pageInfo) };
    },
  };
  const concurrency = input.concurrency ?? 1;
  if (concurrency <= 1) return graphqlAll(client, rule);

  const first = listOf(await client.request(rule.request(0)), input.field, input.operation);
  const total = Math.min(totalPages(first.pageInfo), MAX_PAGES);
  const rest = Array.from({ length: Math.max(0, total - 1) }, (_, i) => i + 1);
  const pages = await mapLimit(
    rest,
    concurrency,
    async (index) => rule.read(await client.request(rule.request(index)), index).rows,
  );
  return [first.entities, ...pages].flat();
}

/** `page_info.total_pages`, or 1 when the answer has none. */
function totalPages(pageInfo: Record<string, unknown> | undefined): number {
  const total = Number(pageInfo?.total_pages);
  return Number.isFinite(total) ? total : 1;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
