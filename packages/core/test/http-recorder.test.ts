import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createHttpClient,
  type HttpClientOptions,
  isHttpError,
  type RecordedResponse,
} from '../src/http/index.js';
import { type MockServer, startMockServer } from '../src/testing/index.js';

const TOKEN = 'rec-token-abcdef';
let server: MockServer;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wispsync-http-rec-'));
  server = await startMockServer({
    routes: [
      { method: 'GET', path: '/api/customers', body: [{ id: 1, name: 'Ana' }] },
      { method: 'GET', path: '/api/customers', query: { page: '2' }, body: [{ id: 2, name: 'Bo' }] },
      {
        method: 'POST',
        path: '/api/graphql',
        handler: (req) => ({ body: { page: JSON.parse(req.body).page } }),
      },
      { method: 'POST', path: '/api/form', form: { api_token: TOKEN }, body: { rows: ['r'] } },
      { method: 'GET', path: '/api/gone', status: 404, body: { error: 'gone' } },
    ],
  });
});

afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

function options(extra: Partial<HttpClientOptions>): HttpClientOptions {
  return {
    source: 'Splynx',
    baseUrl: server.url,
    auth: { type: 'bearer', token: TOKEN },
    timeoutMs: 2000,
    userAgent: 'wispsync/test',
    retryDelayMs: 0,
    ...extra,
  };
}

async function calls(client: ReturnType<typeof createHttpClient>) {
  return [
    await client.getJson('/api/customers'),
    await client.getJson('/api/customers', { searchParams: { page: 2 } }),
    await client.getJson('/api/customers', { searchParams: { page: 2, api_key: TOKEN } }),
    await client.postJson('/api/graphql', { page: 1 }),
    await client.postJson('/api/graphql', { page: 2 }),
    await client.postForm('/api/form', { api_token: TOKEN }),
  ];
}

describe('record and replay', () => {
  it('replays exactly what was recorded, without a server', async () => {
    const recorded = await calls(createHttpClient(options({ record: dir })));
    const files = (await readdir(dir)).sort();
    expect(files).toHaveLength(6);
    expect(files).toContain('get_api_customers.json');
    expect(files).toContain('get_api_customers_page-2.json');
    // Only the POST body hash tells the two GraphQL pages apart.
    expect(files.filter((f) => f.startsWith('post_api_graphql_'))).toHaveLength(2);
    for (const file of files) {
      expect(file).not.toContain(TOKEN);
      const stored = JSON.parse(await readFile(join(dir, file), 'utf8')) as RecordedResponse;
      expect(Object.keys(stored).sort()).toEqual(['body', 'method', 'status', 'url']);
      expect(JSON.stringify(stored)).not.toContain(TOKEN);
    }

    const before = server.requests.length;
    // A different host and no token: replay needs neither.
    const replay = createHttpClient(options({ baseUrl: 'http://127.0.0.1:9', auth: undefined, replay: dir }));
    await expect(calls(replay)).resolves.toEqual(recorded);
    expect(server.requests.length).toBe(before);
  });

  it('stores the redacted URL and the raw body', async () => {
    const stored = JSON.parse(
      await readFile(join(dir, 'get_api_customers_page-2_api_key-.json'), 'utf8'),
    ) as RecordedResponse;
    expect(stored).toEqual({
      method: 'GET',
      url: `${server.url}/api/customers?page=2&api_key=***`,
      status: 200,
      body: '[{"id":2,"name":"Bo"}]',
    });
  });

  it('records error responses and replays the same error', async () => {
    const live = await createHttpClient(options({ record: dir }))
      .getJson('/api/gone')
      .catch((e: unknown) => e);
    const replayed = await createHttpClient(options({ replay: dir }))
      .getJson('/api/gone')
      .catch((e: unknown) => e);
    expect(isHttpError(live) && isHttpError(replayed)).toBe(true);
    expect((replayed as Error).message).toBe((live as Error).message);
  });

  it('fails clearly when a response was not recorded', async () => {
    const error = await createHttpClient(options({ replay: dir }))
      .getJson('/api/missing', { searchParams: { token: 'zzz-secret' } })
      .catch((e: unknown) => e);
    expect(isHttpError(error)).toBe(true);
    if (!isHttpError(error)) return;
    expect(error.kind).toBe('source');
    expect(error.reason).toBe('replay');
    expect(error.message).toBe(`Splynx: no recorded response for GET /api/missing?token=*** in ${dir}`);
    expect(error.hint).toBe('record one with --save-responses');
  });
});
