/**
 * A Splynx API 2.0 mock over fixture files: HTTP Basic auth (Splynx's error body on a refusal),
 * `main_attributes[field]=value` search filters, `limit`/`offset` paging, and a 404 for lists the
 * fixture does not have (an older Splynx without Network Sites).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { MockReply, MockRoute, RecordedRequest } from '@wispsync/core/testing';

export const API = '/api/2.0/';

/** Fixture file (in the scenario directory) → the list path Splynx serves it at. */
export const LISTS = {
  'tariffs.json': 'admin/tariffs/internet',
  'customers.json': 'admin/customers/customer',
  'customers-online.json': 'admin/customers/customers-online',
  'routers.json': 'admin/networking/routers',
  'routers-sectors.json': 'admin/networking/routers-sectors',
  'internet-services.json': 'admin/customers/customer/0/internet-services',
  'monitoring.json': 'admin/networking/monitoring',
  'network-sites.json': 'admin/networking/network-sites',
} as const;

export type ListFile = keyof typeof LISTS;

export const pathOf = (file: ListFile): string => `${API}${LISTS[file]}`;

export function basicAuth(key: string, secret: string): string {
  return `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}`;
}

const FILTER = /^main_attributes\[(\w+)\]$/;

/** Splynx's answer to a list request: filters first, then the page. */
export function listReply(items: unknown[], query: Record<string, string>): MockReply {
  let rows = items;
  for (const [name, value] of Object.entries(query)) {
    const field = FILTER.exec(name)?.[1];
    if (field === undefined) continue;
    rows = rows.filter((row) => String((row as Record<string, unknown>)[field] ?? '') === value);
  }
  const offset = Number(query.offset ?? 0);
  if (query.limit !== undefined) rows = rows.slice(offset, offset + Number(query.limit));
  else if (offset > 0) rows = rows.slice(offset);
  return { body: rows };
}

export interface SplynxMockOptions {
  dir: string;
  key: string;
  secret: string;
}

export function splynxRoutes({ dir, key, secret }: SplynxMockOptions): MockRoute[] {
  const expected = basicAuth(key, secret);
  const cache = new Map<string, Promise<unknown[] | undefined>>();
  const load = (file: string): Promise<unknown[] | undefined> => {
    let entry = cache.get(file);
    if (entry === undefined) {
      entry = readFile(join(dir, file), 'utf8').then(
        (text) => JSON.parse(text) as unknown[],
        () => undefined,
      );
      cache.set(file, entry);
    }
    return entry;
  };
  return (Object.keys(LISTS) as ListFile[]).map((file) => ({
    method: 'GET',
    path: pathOf(file),
    handler: async (request: RecordedRequest): Promise<MockReply> => {
      if (request.headers.authorization !== expected) {
        return {
          status: 401,
          body: { error: { message: 'Unauthorized', code: 401, internal_code: 'UNAUTHORIZED' } },
        };
      }
      const items = await load(file);
      if (items === undefined) return { status: 404, body: { error: { message: 'Not found', code: 404 } } };
      return listReply(items, request.query);
    },
  }));
}
