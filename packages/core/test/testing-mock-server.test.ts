import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type MockServer, startMockServer } from '../src/testing/index.js';

const items = Array.from({ length: 7 }, (_, i) => ({ id: i + 1 }));
const ids = (value: unknown) => (value as Array<{ id: number }>).map((item) => item.id);

let server: MockServer;

beforeAll(async () => {
  server = await startMockServer({
    routes: [
      { method: 'GET', path: '/items', body: items },
      { method: 'GET', path: '/items', query: { status: 'active' }, body: [items[0]] },
      {
        method: 'GET',
        path: '/secure',
        auth: { header: 'Authorization', value: 'Bearer good' },
        unauthorized: { message: 'token rejected' },
        body: { ok: true },
      },
      { method: 'POST', path: '/form', form: { api_token: 'tok', action: 'list' }, body: { rows: 1 } },
      { method: 'GET', path: '/pages', body: items, paginate: { style: 'page', defaultSize: 3 } },
      {
        method: 'GET',
        path: '/pages0',
        body: items,
        paginate: { style: 'page', pageParam: 'p', sizeParam: 'size', defaultSize: 3, firstPage: 0 },
      },
      { method: 'GET', path: '/offset', body: items, paginate: { style: 'offset', defaultSize: 4 } },
      {
        method: 'POST',
        path: '/echo',
        handler: (req) => ({ status: 201, body: { got: req.body, q: req.query } }),
      },
      { method: 'GET', path: '/text', bodyText: 'hello', contentType: 'text/csv' },
    ],
  });
});

afterAll(async () => {
  await server.close();
});

beforeEach(() => {
  server.clearFaults();
});

async function get(path: string, init?: RequestInit) {
  const response = await fetch(`${server.url}${path}`, init);
  const text = await response.text();
  return {
    status: response.status,
    text,
    type: response.headers.get('content-type'),
    json: () => JSON.parse(text),
  };
}

describe('startMockServer routes', () => {
  it('listens on 127.0.0.1 with a real port', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    expect(server.port).toBeGreaterThan(0);
  });

  it('serves JSON bodies and answers unknown paths and methods with 404 JSON', async () => {
    const ok = await get('/items');
    expect([ok.status, ok.type, ids(ok.json())]).toEqual([200, 'application/json', [1, 2, 3, 4, 5, 6, 7]]);
    for (const [path, method] of [
      ['/nope', 'GET'],
      ['/items', 'DELETE'],
    ] as const) {
      const missing = await get(path, { method });
      expect([missing.status, missing.json()]).toEqual([404, { error: 'Not found' }]);
    }
  });

  it('prefers the route whose query conditions match, in any order', async () => {
    expect(ids((await get('/items?status=active')).json())).toEqual([1]);
    expect(ids((await get('/items?status=other')).json())).toHaveLength(7);
  });

  it.each([
    ['no header', undefined, 401],
    ['wrong token', 'Bearer bad', 401],
    ['right token', 'Bearer good', 200],
  ])('checks header auth: %s', async (_name, value, status) => {
    const response = await get('/secure', value === undefined ? {} : { headers: { authorization: value } });
    expect(response.status).toBe(status);
    expect(response.json()).toEqual(status === 200 ? { ok: true } : { message: 'token rejected' });
  });

  it.each([
    ['api_token=tok&action=list', 200],
    ['api_token=bad&action=list', 401],
    ['action=list', 401],
  ])('checks form fields: %s', async (body, status) => {
    const response = await get('/form', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    expect(response.status).toBe(status);
    if (status === 401) expect(response.json()).toEqual({ error: 'Unauthorized' });
  });

  it.each([
    ['/pages', [1, 2, 3]],
    ['/pages?page=1', [1, 2, 3]],
    ['/pages?page=3', [7]],
    ['/pages?page=4', []],
    ['/pages?page=2&per_page=2', [3, 4]],
    ['/pages0?p=0', [1, 2, 3]],
    ['/pages0?p=1&size=5', [6, 7]],
    ['/offset', [1, 2, 3, 4]],
    ['/offset?offset=4', [5, 6, 7]],
    ['/offset?offset=2&limit=2', [3, 4]],
  ])('paginates %s', async (path, expected) => {
    expect(ids((await get(path)).json())).toEqual(expected);
  });

  it('records every request and runs handlers', async () => {
    const before = server.requests.length;
    const response = await get('/echo?x=1', {
      method: 'POST',
      body: 'raw body',
      headers: { 'x-test': 'yes' },
    });
    expect([response.status, response.json()]).toEqual([201, { got: 'raw body', q: { x: '1' } }]);
    const seen = server.requests[before];
    expect(seen).toMatchObject({ method: 'POST', path: '/echo', query: { x: '1' }, body: 'raw body' });
    expect(seen?.headers['x-test']).toBe('yes');
  });

  it('serves bodyText with its content type', async () => {
    const response = await get('/text');
    expect([response.text, response.type]).toEqual(['hello', 'text/csv']);
  });

  it('replaces routes with setRoutes', async () => {
    const other = await startMockServer({ routes: [{ method: 'GET', path: '/a', body: 1 }] });
    try {
      other.setRoutes([{ method: 'GET', path: '/b', body: 2 }]);
      expect((await fetch(`${other.url}/a`)).status).toBe(404);
      expect(await (await fetch(`${other.url}/b`)).json()).toBe(2);
    } finally {
      await other.close();
    }
  });
});

describe('startMockServer faults', () => {
  it('applies faults in the order added, each for its number of times', async () => {
    server.fault({ path: '/items', status: 500, times: 2 });
    server.fault({ path: '/items', status: 503, body: 'down for maintenance' });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await get('/items')).status);
    expect(statuses).toEqual([500, 500, 503, 200]);
  });

  it('gives a fault status a JSON error body, or the given body', async () => {
    server.fault({ path: '/items', status: 502 });
    server.fault({ path: '/items', status: 401, body: '{"error":"expired"}' });
    expect((await get('/items')).json()).toEqual({ error: 'Bad Gateway' });
    const custom = await get('/items');
    expect([custom.status, custom.type, custom.text]).toEqual([
      401,
      'application/json',
      '{"error":"expired"}',
    ]);
  });

  it('matches faults by method and path only', async () => {
    server.fault({ path: '/echo', method: 'GET', status: 500 });
    expect((await get('/echo', { method: 'POST', body: '' })).status).toBe(201);
    expect((await get('/items')).status).toBe(200);
    expect((await get('/echo')).status).toBe(500);
  });

  it('keeps an Infinity fault until cleared', async () => {
    server.fault({ path: '/items', status: 504, times: Number.POSITIVE_INFINITY });
    for (let i = 0; i < 3; i++) expect((await get('/items')).status).toBe(504);
    server.clearFaults();
    expect((await get('/items')).status).toBe(200);
  });

  it('delays an answer', async () => {
    server.fault({ path: '/items', delayMs: 150 });
    const start = performance.now();
    expect((await get('/items')).status).toBe(200);
    expect(performance.now() - start).toBeGreaterThanOrEqual(140);
  });

  it('truncates the real body to its first half', async () => {
    const full = (await get('/items')).text;
    server.fault({ path: '/items', truncate: true });
    const cut = await get('/items');
    expect(cut.status).toBe(200);
    expect(cut.text).toBe(full.slice(0, Math.floor(full.length / 2)));
  });

  it('answers an HTML page', async () => {
    server.fault({ path: '/items', html: true });
    const page = await get('/items');
    expect([
      page.status,
      page.type?.startsWith('text/html'),
      page.text.startsWith('<!DOCTYPE html>'),
    ]).toEqual([200, true, true]);
  });

  it('resets the connection', async () => {
    server.fault({ path: '/items', reset: true });
    await expect(fetch(`${server.url}/items`)).rejects.toThrow();
    expect((await get('/items')).status).toBe(200);
  });

  it('closes promptly while a delayed request is pending', async () => {
    const other = await startMockServer({ routes: [{ method: 'GET', path: '/slow', body: 1 }] });
    other.fault({ path: '/slow', delayMs: 10_000 });
    const pending = fetch(`${other.url}/slow`).catch(() => 'aborted');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const start = performance.now();
    await other.close();
    expect(performance.now() - start).toBeLessThan(1000);
    await pending;
  });
});

describe('startMockServer fixture directories', () => {
  let dir: string;
  let fixture: MockServer;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'wispsync-mock-'));
    // ~6 MB: big enough that buffering per request would show, small enough to stay fast.
    const big = Array.from({ length: 60_000 }, (_, i) => ({
      id: i,
      name: `customer ${i}`,
      pad: 'x'.repeat(60),
    }));
    await writeFile(join(dir, 'customers.json'), JSON.stringify(big));
    await writeFile(
      join(dir, 'mock.json'),
      JSON.stringify({
        routes: [
          { method: 'GET', path: '/customers', bodyFile: 'customers.json' },
          {
            method: 'GET',
            path: '/customers/paged',
            bodyFile: 'customers.json',
            paginate: { style: 'offset', defaultSize: 1000 },
          },
          { method: 'GET', path: '/missing', bodyFile: 'nope.json' },
        ],
      }),
    );
    fixture = await startMockServer({
      fixtureDir: dir,
      routes: [{ method: 'GET', path: '/code', body: 'code' }],
    });
  });

  afterAll(async () => {
    await fixture.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('loads mock.json routes next to the routes given in code', async () => {
    expect(await (await fetch(`${fixture.url}/code`)).json()).toBe('code');
    const all = (await (await fetch(`${fixture.url}/customers`)).json()) as unknown[];
    expect(all).toHaveLength(60_000);
  });

  it('paginates a body file', async () => {
    const page = (await (await fetch(`${fixture.url}/customers/paged?offset=59500`)).json()) as Array<{
      id: number;
    }>;
    expect([page.length, page[0]?.id]).toEqual([500, 59_500]);
  });

  it('truncates a body file', async () => {
    fixture.fault({ path: '/customers', truncate: true });
    const text = await (await fetch(`${fixture.url}/customers`)).text();
    expect(() => JSON.parse(text)).toThrow();
    expect(text.startsWith('[{"id":0,')).toBe(true);
  });

  it('answers 500 naming a missing fixture file', async () => {
    const response = await fetch(`${fixture.url}/missing`);
    expect(response.status).toBe(500);
    expect(await response.text()).toContain('nope.json');
  });
});
