import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { connectRouter, isRouterOsError, type RouterConfig, type RouterOsError } from '../src/index.js';
import { type RouterOsRestServer, startRouterOsRestServer } from '../src/testing/index.js';

const PASSWORD = 'rest-Pass-w0rd';
const TLS_DIR = join(import.meta.dirname, 'fixtures/http-tls');
const LEASES = [
  {
    '.id': '*1',
    address: '100.64.1.2',
    'mac-address': 'AA:BB:CC:00:01:02',
    server: 'dhcp1',
    status: 'bound',
  },
  {
    '.id': '*2',
    address: '100.64.1.3',
    'mac-address': 'AA:BB:CC:00:01:03',
    server: 'dhcp2',
    status: 'waiting',
  },
];

function routerFor(server: RouterOsRestServer, extra: Partial<RouterConfig> = {}): RouterConfig {
  return {
    name: 'edge-rest',
    host: server.host,
    port: server.port,
    username: 'wispsync',
    password: PASSWORD,
    useSsl: false,
    plaintextLogin: true,
    transport: 'rest',
    verifyTls: false,
    ...extra,
  };
}

async function failure(promise: Promise<unknown>): Promise<RouterOsError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isRouterOsError(error), String(error)).toBe(true);
  const routerError = error as RouterOsError;
  const text = `${routerError.message} ${routerError.hint} ${routerError.details.join(' ')}`;
  expect(text).not.toContain(PASSWORD);
  expect(text).not.toContain(Buffer.from(`wispsync:${PASSWORD}`).toString('base64'));
  return routerError;
}

describe('RouterOS REST client', () => {
  let server: RouterOsRestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('checks the login, then prints with GET /rest/<menu> (Basic auth)', async () => {
    server = await startRouterOsRestServer({
      username: 'wispsync',
      password: PASSWORD,
      menus: { '/ip/dhcp-server/lease': LEASES },
    });
    const session = await connectRouter(routerFor(server), { timeoutMs: 2000 });
    expect(await session.print('/ip/dhcp-server/lease')).toEqual(LEASES);
    await session.close();
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /rest/system/identity',
      'GET /rest/ip/dhcp-server/lease',
    ]);
    expect(server.requests[1]?.authorization).toBe(
      `Basic ${Buffer.from(`wispsync:${PASSWORD}`).toString('base64')}`,
    );
  });

  it('narrows with POST /rest/<menu>/print, .proplist and .query', async () => {
    server = await startRouterOsRestServer({
      username: 'wispsync',
      password: PASSWORD,
      menus: { '/ip/dhcp-server/lease': LEASES },
    });
    const session = await connectRouter(routerFor(server), { timeoutMs: 2000 });
    const rows = await session.print('/ip/dhcp-server/lease', {
      proplist: ['address', 'mac-address'],
      where: { server: 'dhcp1' },
    });
    expect(rows).toEqual([{ address: '100.64.1.2', 'mac-address': 'AA:BB:CC:00:01:02' }]);
    const last = server.requests.at(-1);
    expect(`${last?.method} ${last?.path}`).toBe('POST /rest/ip/dhcp-server/lease/print');
    expect(JSON.parse(last?.body ?? '')).toEqual({
      '.proplist': ['address', 'mac-address'],
      '.query': ['server=dhcp1'],
    });
  });

  it('turns 401 into "login refused", never showing the password', async () => {
    server = await startRouterOsRestServer({ username: 'wispsync', password: 'another' });
    const error = await failure(connectRouter(routerFor(server), { timeoutMs: 2000 }));
    expect(error.failure).toBe('login');
    expect(error.exitCode).toBe(3);
    expect(error.message).toBe(
      `router "edge-rest" (127.0.0.1:${server.port}, rest): login refused for user "wispsync" (HTTP 401)`,
    );
    expect(error.routerMessage).toBe('Unauthorized');
  });

  it('turns 400 into a command error with RouterOS detail', async () => {
    server = await startRouterOsRestServer({ username: 'wispsync', password: PASSWORD });
    const session = await connectRouter(routerFor(server), { timeoutMs: 2000 });
    const error = await failure(session.print('/ipv6/neighbor'));
    expect(error.failure).toBe('trap');
    expect(error.command).toBe('/ipv6/neighbor/print');
    expect(error.message).toMatch(
      /\/ipv6\/neighbor\/print failed: no such command or directory \(neighbor\)/,
    );
    const post = await failure(session.print('/ipv6/neighbor', { proplist: ['address'] }));
    expect(post.message).toMatch(/failed: no such command prefix/);
  });

  it('gives [] for an empty menu', async () => {
    server = await startRouterOsRestServer({
      username: 'wispsync',
      password: PASSWORD,
      menus: { '/ppp/active': [] },
    });
    const session = await connectRouter(routerFor(server), { timeoutMs: 2000 });
    expect(await session.print('/ppp/active')).toEqual([]);
  });

  it('times out on a router that does not answer', async () => {
    server = await startRouterOsRestServer({ username: 'wispsync', password: PASSWORD, delayMs: 5000 });
    const started = performance.now();
    const error = await failure(connectRouter(routerFor(server), { timeoutMs: 200 }));
    expect(error.failure).toBe('timeout');
    // One retry: two attempts, well under the router's delay.
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('uses https, checking the certificate only when asked', async () => {
    const tls = {
      cert: readFileSync(join(TLS_DIR, 'cert.pem')),
      key: readFileSync(join(TLS_DIR, 'key.pem')),
    };
    server = await startRouterOsRestServer({
      username: 'wispsync',
      password: PASSWORD,
      menus: { '/ip/arp': [] },
      tls,
    });
    const session = await connectRouter(routerFor(server, { useSsl: true }), { timeoutMs: 2000 });
    expect(await session.print('/ip/arp')).toEqual([]);
    const error = await failure(
      connectRouter(routerFor(server, { useSsl: true, verifyTls: true }), { timeoutMs: 2000 }),
    );
    expect(error.failure).toBe('connect');
    expect(error.message).toMatch(/self-signed/);
    expect(error.hint).toMatch(/verify_tls = false/);
  });
});
