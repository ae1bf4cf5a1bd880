import { type HttpClient, toText, WispError } from '@wispsync/core';
import type { Endpoint } from './endpoints.js';
import { SECTION } from './schema.js';

/** Safety stop: 100,000 pages is far beyond any Splynx, and ends a server that never runs dry. */
const MAX_PAGES = 100_000;

/** A body that is not a list: what it is, in a few words (Splynx errors are `{"error": {...}}`). */
export function describeBody(body: unknown): string {
  if (body === null) return 'null';
  if (typeof body !== 'object') return `a ${typeof body}`;
  const error = (body as { error?: unknown }).error;
  const message =
    error !== null && typeof error === 'object' ? toText((error as { message?: unknown }).message) : '';
  if (message !== '') return `an error: "${message.slice(0, 120)}"`;
  const keys = Object.keys(body).slice(0, 5);
  return keys.length === 0 ? 'an empty object' : `an object with keys ${keys.join(', ')}`;
}

export class NotAListError extends WispError {
  constructor(endpoint: Endpoint, body: unknown) {
    super('source', `Splynx: ${endpoint.path} did not return a list (got ${describeBody(body)})`, {
      hint: `check [${SECTION}].url points at your Splynx (the tool adds /api/2.0/…) and that the API key may view "${endpoint.permission}"`,
    });
  }
}

function firstId(page: readonly unknown[]): string {
  const first = page[0];
  return first !== null && typeof first === 'object' ? toText((first as { id?: unknown }).id) : '';
}

/**
 * One whole list. With a page size, asks for `limit`/`offset` pages (Splynx API 2.0 list paging)
 * until a page comes back short. Defensive about servers that ignore paging: a first page longer
 * than the limit is taken as the whole list, and a later page that starts where the first did
 * (the offset was ignored) is an error rather than an endless loop.
 */
export async function fetchList(
  client: HttpClient,
  endpoint: Endpoint,
  pageSize: number,
): Promise<unknown[]> {
  const query = endpoint.query ?? {};
  if (pageSize <= 0) return asList(endpoint, await client.getJson(endpoint.path, { searchParams: query }));

  const all: unknown[] = [];
  let first = '';
  for (let page = 0; page < MAX_PAGES; page++) {
    const offset = page * pageSize;
    const body = await client.getJson(endpoint.path, {
      searchParams: { ...query, limit: pageSize, offset },
    });
    const items = asList(endpoint, body);
    if (page === 0) {
      first = firstId(items);
      if (items.length > pageSize) return items;
    } else if (items.length > 0 && first !== '' && firstId(items) === first) {
      throw new WispError(
        'source',
        `Splynx: ${endpoint.path} ignored the "offset" parameter (page ${page + 1} repeats page 1)`,
        { hint: `set [${SECTION}].page_size = 0 to fetch each list in one request` },
      );
    }
    for (const item of items) all.push(item);
    if (items.length < pageSize) return all;
  }
  throw new WispError('source', `Splynx: ${endpoint.path} returned more than ${MAX_PAGES} pages`, {
    hint: `raise [${SECTION}].page_size, or set it to 0 to fetch each list in one request`,
  });
}

function asList(endpoint: Endpoint, body: unknown): unknown[] {
  if (!Array.isArray(body)) throw new NotAListError(endpoint, body);
  return body;
}
