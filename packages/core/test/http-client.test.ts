import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient, type HttpAuth, type HttpClientOptions } from '../src/http/index.js';
import { type MockServer, startMockServer } from '../src/testing/index.js';

let server: MockServer;

const base = { source: 'Test', timeoutMs: 2000, userAgent: 'wispsync/9.9.9', retryDelayMs: 0 };

beforeAll(async () => {
  server = await startMockServer({
    routes: [
      { method: 'GET', path: '/api/2.0/things', body: [{ id: 1 }, { id: 2 }] },
      {
        method: 'GET',
        path: '/bearer',
        auth: { header: 'authorization', value: 'Bearer tok-123456' },
        body: 'b',
      },
      {
        method: 'GET',
        path: '/basic',
        auth: { header: 'authorization', value: `Basic ${Buffer.from('key-1:secret-1').toString('base64')}` },
        body: 'basic',
      },
      { method: 'GET', path: '/header', auth: { header: 'X-Auth-Token', value: 'hdr-7890' }, body: 'h' },
      { method: 'POST', path: '/form', form: { api_token: 'form-token-1' }, body: { ok: 'form' } },
      { method: 'POST', path: '/graphql', handler: (req) => ({ body: { echo: JSON.parse(req.body) } }) },
      { method: 'GET', path: '/text', bodyText: 'plain words' },
      { method: 'GET', path: '/export', body: { zones: [] } },
    ],
  });
});

afterAll(async () => {
  await server.close();
});

function client(extra: Partial<HttpClientOptions> = {}) {
  return createHttpClient({ ...base, baseUrl: server.url, ...extra });
}

describe('createHttpClient', () => {
  it('GETs and parses a JSON body', async () => {
    await expect(client().getJson('/api/2.0/things')).resolves.toEqual([{ id: 1 }, { id: 2 }]);
  });

  it('keeps the base URL path prefix and accepts paths with or without a leading slash', async () => {
    const api = client({ baseUrl: `${server.url}/api/2.0/` });
    await expect(api.getJson('things')).resolves.toHaveLength(2);
    await expect(api.getJson('/things')).resolves.toHaveLength(2);
  });

  it('uses a full URL as-is, and the base URL itself for an empty path', async () => {
    await expect(
      client({ baseUrl: 'http://unused.invalid' }).getJson(`${server.url}/export`),
    ).resolves.toEqual({
      zones: [],
    });
    await expect(client({ baseUrl: `${server.url}/export` }).getJson('')).resolves.toEqual({ zones: [] });
  });

  it('sends searchParams and the user agent', async () => {
    const before = server.requests.length;
    await client().getJson('/api/2.0/things?fixed=1', { searchParams: { page: 2, q: 'a b' } });
    const seen = server.requests[before];
    expect(seen?.query).toEqual({ fixed: '1', page: '2', q: 'a b' });
    expect(seen?.headers['user-agent']).toBe('wispsync/9.9.9');
    expect(seen?.headers.accept).toBe('application/json');
  });

  const authCases: Array<[string, HttpAuth]> = [
    ['/bearer', { type: 'bearer', token: 'tok-123456' }],
    ['/basic', { type: 'basic', username: 'key-1', password: 'secret-1' }],
    ['/header', { type: 'header', name: 'X-Auth-Token', value: 'hdr-7890' }],
  ];
  it.each(authCases)('sends %s auth', async (path, auth) => {
    await expect(client({ auth }).getJson(path)).resolves.toBeTypeOf('string');
  });

  it('posts a url-encoded form', async () => {
    const before = server.requests.length;
    await expect(client().postForm('/form', { api_token: 'form-token-1', action: 'list' })).resolves.toEqual({
      ok: 'form',
    });
    const seen = server.requests[before];
    expect(seen?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(seen?.body).toBe('api_token=form-token-1&action=list');
  });

  it('posts JSON (GraphQL style) with per-request headers', async () => {
    const before = server.requests.length;
    const body = { query: '{ x }', variables: { page: 1 } };
    await expect(
      client().postJson('/graphql', body, { headers: { authorization: 'raw-jwt' } }),
    ).resolves.toEqual({
      echo: body,
    });
    const seen = server.requests[before];
    expect(seen?.headers['content-type']).toBe('application/json');
    expect(seen?.headers.authorization).toBe('raw-jwt');
  });

  it('returns text from getText', async () => {
    await expect(client().getText('/text')).resolves.toBe('plain words');
  });

  it('adds extra headers on every request', async () => {
    const before = server.requests.length;
    await client({ headers: { 'x-visp-client-id': 'cid' } }).getJson('/export');
    expect(server.requests[before]?.headers['x-visp-client-id']).toBe('cid');
  });

  it('does not load got until the first request', async () => {
    // Importing the http door must stay cheap for `--help`: got must not be among its static imports.
    const { readFile } = await import('node:fs/promises');
    const { join } = await import('node:path');
    const dir = join(import.meta.dirname, '../src/http');
    const { readdir } = await import('node:fs/promises');
    for (const file of await readdir(dir)) {
      const text = await readFile(join(dir, file), 'utf8');
      expect(text, file).not.toMatch(/^import (?!type)[^;]*from 'got'/m);
    }
  });
});
