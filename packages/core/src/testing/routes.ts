/** Route matching and the answer a route gives (auth and form checks, bodies, pagination). */
import { readFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import type { MockPagination, MockReply, MockRoute, RecordedRequest } from './types.js';

export interface Answer {
  status: number;
  headers: Record<string, string>;
  /** Either bytes in memory or a file to stream. */
  body: Buffer | { file: string };
}

const JSON_TYPE = 'application/json';
const TEXT_TYPE = 'text/plain; charset=utf-8';

export function jsonAnswer(status: number, value: unknown, headers: Record<string, string> = {}): Answer {
  return {
    status,
    headers: { 'content-type': JSON_TYPE, ...headers },
    body: Buffer.from(JSON.stringify(value)),
  };
}

/** The matching route with the most query conditions (so order does not matter); first wins a tie. */
export function findRoute(routes: readonly MockRoute[], request: RecordedRequest): MockRoute | undefined {
  let best: MockRoute | undefined;
  let bestConditions = -1;
  for (const route of routes) {
    if (route.method.toUpperCase() !== request.method || route.path !== request.path) continue;
    const conditions = Object.entries(route.query ?? {});
    if (conditions.length <= bestConditions) continue;
    if (conditions.every(([name, value]) => request.query[name] === value)) {
      best = route;
      bestConditions = conditions.length;
    }
  }
  return best;
}

function authorised(route: MockRoute, request: RecordedRequest): boolean {
  if (route.auth !== undefined && request.headers[route.auth.header.toLowerCase()] !== route.auth.value) {
    return false;
  }
  if (route.form !== undefined) {
    const form = new URLSearchParams(request.body);
    return Object.entries(route.form).every(([name, value]) => form.get(name) === value);
  }
  return true;
}

/** Reads (and caches) JSON fixture files that need parsing, e.g. for pagination. */
export class FixtureCache {
  private readonly parsed = new Map<string, Promise<unknown>>();

  constructor(private readonly fixtureDir: string | undefined) {}

  path(file: string): string {
    return isAbsolute(file) ? file : join(this.fixtureDir ?? process.cwd(), file);
  }

  json(file: string): Promise<unknown> {
    const path = this.path(file);
    let entry = this.parsed.get(path);
    if (entry === undefined) {
      entry = readFile(path, 'utf8').then((text) => JSON.parse(text) as unknown);
      this.parsed.set(path, entry);
    }
    return entry;
  }
}

function intParam(query: Record<string, string>, name: string, fallback: number): number {
  const value = query[name];
  if (value === undefined || !/^\d+$/.test(value)) return fallback;
  return Number(value);
}

function pageOf(items: unknown[], paging: MockPagination, query: Record<string, string>): unknown[] {
  if (paging.style === 'offset') {
    const offset = intParam(query, paging.offsetParam ?? 'offset', 0);
    const limit = intParam(query, paging.limitParam ?? 'limit', paging.defaultSize);
    return items.slice(offset, offset + limit);
  }
  const first = paging.firstPage ?? 1;
  const page = Math.max(first, intParam(query, paging.pageParam ?? 'page', first));
  const size = intParam(query, paging.sizeParam ?? 'per_page', paging.defaultSize);
  const start = (page - first) * size;
  return items.slice(start, start + size);
}

function replyAnswer(reply: MockReply): Answer {
  const status = reply.status ?? 200;
  if (reply.bodyText !== undefined) {
    return {
      status,
      headers: { 'content-type': TEXT_TYPE, ...reply.headers },
      body: Buffer.from(reply.bodyText),
    };
  }
  return jsonAnswer(status, reply.body ?? null, reply.headers);
}

export async function routeAnswer(
  route: MockRoute,
  request: RecordedRequest,
  fixtures: FixtureCache,
): Promise<Answer> {
  if (!authorised(route, request)) return jsonAnswer(401, route.unauthorized ?? { error: 'Unauthorized' });
  if (route.handler !== undefined) return replyAnswer(await route.handler(request));
  const status = route.status ?? 200;
  const type = (fallback: string) => ({ 'content-type': route.contentType ?? fallback });
  if (route.paginate !== undefined) {
    const items = route.bodyFile === undefined ? route.body : await fixtures.json(route.bodyFile);
    if (!Array.isArray(items)) {
      return jsonAnswer(500, { error: `mock route ${route.path}: paginate needs a JSON array body` });
    }
    return {
      status,
      headers: type(JSON_TYPE),
      body: Buffer.from(JSON.stringify(pageOf(items, route.paginate, request.query))),
    };
  }
  if (route.bodyFile !== undefined) {
    return { status, headers: type(JSON_TYPE), body: { file: fixtures.path(route.bodyFile) } };
  }
  if (route.bodyText !== undefined)
    return { status, headers: type(TEXT_TYPE), body: Buffer.from(route.bodyText) };
  return { status, headers: type(JSON_TYPE), body: Buffer.from(JSON.stringify(route.body ?? null)) };
}
