import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isWispError } from '../src/errors/index.js';
import {
  createHttpClient,
  type HttpClientOptions,
  type HttpError,
  isHttpError,
  type RetryInfo,
} from '../src/http/index.js';
import { type MockServer, startMockServer } from '../src/testing/index.js';

const TOKEN = 'sk-live-9f8e7d6c5b4a';
let server: MockServer;
let flaky = 0;

beforeAll(async () => {
  server = await startMockServer({
    routes: [
      {
        method: 'GET',
        path: '/data',
        auth: { header: 'authorization', value: `Bearer ${TOKEN}` },
        body: { n: 1 },
      },
      { method: 'GET', path: '/open', body: { open: true } },
      { method: 'GET', path: '/empty', bodyText: '' },
      {
        method: 'GET',
        path: '/limited',
        handler: () => {
          flaky += 1;
          return flaky === 1
            ? { status: 429, body: {}, headers: { 'retry-after': '120' } }
            : { body: { ok: 1 } };
        },
      },
    ],
  });
});

afterAll(async () => {
  await server.close();
});

beforeEach(() => {
  server.clearFaults();
});

function client(extra: Partial<HttpClientOptions> = {}) {
  return createHttpClient({
    source: 'Netzur',
    baseUrl: server.url,
    auth: { type: 'bearer', token: TOKEN },
    timeoutMs: 2000,
    userAgent: 'wispsync/test',
    retryDelayMs: 0,
    maxRetryAfterMs: 20,
    authHint: 'check [netzur_integration].api_key',
    urlHint: 'check [netzur_integration].api_url',
    ...extra,
  });
}

async function failure(promise: Promise<unknown>): Promise<HttpError> {
  try {
    await promise;
  } catch (error) {
    if (isHttpError(error)) return error;
    throw error;
  }
  throw new Error('expected the request to fail');
}

function everythingPrinted(error: HttpError): string {
  return [
    error.message,
    error.hint ?? '',
    ...error.details,
    String(error),
    error.stack ?? '',
    JSON.stringify(error),
    JSON.stringify(error.cause ?? null),
    error.url,
  ].join('\n');
}

describe('HTTP failures become WispErrors of kind source', () => {
  it('401: names source, method and URL, gives the auth hint, and leaks no credential', async () => {
    server.fault({ path: '/data', status: 401, body: `{"error":"bad token ${TOKEN}"}` });
    const before = server.requests.length;
    const error = await failure(client().getJson('/data?api_key=query-secret-1&x=1'));
    expect(isWispError(error)).toBe(true);
    expect(error.kind).toBe('source');
    expect(error.exitCode).toBe(3);
    expect(error.status).toBe(401);
    expect(error.message).toBe(
      `Netzur: GET ${server.url}/data?api_key=***&x=1 failed: HTTP 401 Unauthorized`,
    );
    expect(error.hint).toBe('check [netzur_integration].api_key');
    expect(error.details).toEqual(['response: {"error":"bad token ***"}']);
    expect(server.requests.length - before).toBe(1);
    const printed = everythingPrinted(error);
    for (const secret of [TOKEN, 'query-secret-1', `Bearer ${TOKEN}`]) expect(printed).not.toContain(secret);
  });

  it('403 with basic auth and userinfo in the URL leaks neither', async () => {
    server.fault({ path: '/open', status: 403, body: 'user apikey-user-1 denied' });
    const basic = client({
      baseUrl: `http://apikey-user-1:pw-secret-2@127.0.0.1:${server.port}`,
      auth: { type: 'basic', username: 'apikey-user-1', password: 'pw-secret-2' },
    });
    const error = await failure(basic.getJson('/open'));
    expect(error.message).toBe(`Netzur: GET ${server.url}/open failed: HTTP 403 Forbidden`);
    const printed = everythingPrinted(error);
    for (const secret of [
      'apikey-user-1',
      'pw-secret-2',
      Buffer.from('apikey-user-1:pw-secret-2').toString('base64'),
    ]) {
      expect(printed).not.toContain(secret);
    }
  });

  it('retries 500s and succeeds, reporting each retry', async () => {
    server.fault({ path: '/data', status: 500, times: 2 });
    const retries: RetryInfo[] = [];
    const data = await client({ onRetry: (info) => retries.push(info) }).getJson('/data');
    expect(data).toEqual({ n: 1 });
    expect(retries.map((r) => [r.attempt, r.reason])).toEqual([
      [1, 'HTTP 500 Internal Server Error'],
      [2, 'HTTP 500 Internal Server Error'],
    ]);
    expect(retries[0]?.url).toBe(`${server.url}/data`);
  });

  it.each([408, 429, 500, 502, 503, 504])(
    'gives up on a persistent %i after 1 + retries attempts',
    async (status) => {
      server.fault({ path: '/data', status, times: Number.POSITIVE_INFINITY });
      const before = server.requests.length;
      const error = await failure(client().getJson('/data'));
      expect(error.message).toMatch(new RegExp(`failed: HTTP ${status} .+ after 4 attempts$`));
      expect(server.requests.length - before).toBe(4);
    },
  );

  it.each([400, 404, 410, 422])('does not retry a %i', async (status) => {
    server.fault({ path: '/data', status, times: Number.POSITIVE_INFINITY });
    const before = server.requests.length;
    const error = await failure(client().getJson('/data'));
    expect(error.status).toBe(status);
    expect(error.message).not.toContain('attempts');
    expect(error.hint).toBe('check [netzur_integration].api_url');
    expect(server.requests.length - before).toBe(1);
  });

  it('honours Retry-After on 429, capped', async () => {
    const retries: RetryInfo[] = [];
    await expect(client({ onRetry: (info) => retries.push(info) }).getJson('/limited')).resolves.toEqual({
      ok: 1,
    });
    expect(retries).toHaveLength(1);
    expect(retries[0]?.delayMs).toBe(20);
    expect(retries[0]?.reason).toBe('HTTP 429 Too Many Requests');
  });

  it('times out, naming the seconds, and retries a timeout', async () => {
    server.fault({ path: '/data', delayMs: 1000, times: 2 });
    const error = await failure(client({ timeoutMs: 100, retries: 1 }).getJson('/data'));
    expect(error.reason).toBe('timeout');
    expect(error.message).toBe(
      `Netzur: GET ${server.url}/data failed: timed out after 0.1 s after 2 attempts`,
    );
  });

  it('reports truncated JSON', async () => {
    server.fault({ path: '/data', truncate: true });
    const error = await failure(client().getJson('/data'));
    expect(error.message).toMatch(/failed: response is truncated or malformed JSON \(.+\)$/);
  });

  it('reports an HTML page instead of JSON', async () => {
    server.fault({ path: '/data', html: true });
    const error = await failure(client().getJson('/data'));
    expect(error.message).toBe(
      `Netzur: GET ${server.url}/data failed: response is not JSON (it starts with "<!DOCTYPE html>")`,
    );
    expect(error.hint).toBe('check [netzur_integration].api_url');
  });

  it('reports an empty body', async () => {
    const error = await failure(client().getJson('/empty'));
    expect(error.message).toContain('response is empty (HTTP 200)');
  });

  it('reports a refused connection after retrying', async () => {
    const closed = await startMockServer();
    const url = closed.url;
    await closed.close();
    const retries: RetryInfo[] = [];
    const error = await failure(
      client({ baseUrl: url, retries: 1, onRetry: (info) => retries.push(info) }).getJson('/x'),
    );
    expect(error.reason).toBe('network');
    expect(error.message).toBe(`Netzur: GET ${url}/x failed: connection refused after 2 attempts`);
    expect(error.hint).toBe('check [netzur_integration].api_url');
    expect(retries.map((r) => r.reason)).toEqual(['connection refused']);
    expect(JSON.stringify(error.cause)).not.toContain(TOKEN);
  });

  it('reports a reset connection', async () => {
    server.fault({ path: '/data', reset: true, times: Number.POSITIVE_INFINITY });
    const error = await failure(client({ retries: 0 }).getJson('/data'));
    expect(error.message).toMatch(/failed: connection (reset by the server|closed)/);
  });

  it('reports an unknown host without retrying', async () => {
    const retries: RetryInfo[] = [];
    const error = await failure(
      client({ baseUrl: 'http://wispsync-no-such-host.invalid', onRetry: (i) => retries.push(i) }).getJson(
        '/x',
      ),
    );
    expect(error.message).toMatch(/failed: host (not found|name lookup failed)/);
    if (error.message.includes('not found')) expect(retries).toHaveLength(0);
  });

  it('reports an invalid base URL as a source error', async () => {
    const error = await failure(client({ baseUrl: 'http://exa mple' }).getJson('/x'));
    expect(error.reason).toBe('url');
    expect(error.message).toContain('is not a valid URL');
  });

  it('masks extra secrets and sensitive per-request headers', async () => {
    server.fault({ path: '/open', status: 500, body: 'jwt=raw-jwt-value-1 other=extra-secret-9' });
    const error = await failure(
      client({ retries: 0, secrets: ['extra-secret-9'] }).getJson('/open', {
        headers: { authorization: 'raw-jwt-value-1' },
      }),
    );
    expect(error.details).toEqual(['response: jwt=*** other=***']);
  });
});
