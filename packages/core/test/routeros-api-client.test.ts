import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { connectRouter, isRouterOsError, type RouterConfig, type RouterOsError } from '../src/index.js';
import { type RouterOsApiServer, startRouterOsApiServer } from '../src/testing/index.js';

const PASSWORD = 's3cret-Router-pw';
const TLS_DIR = join(import.meta.dirname, 'fixtures/http-tls');

function routerFor(server: { host: string; port: number }, extra: Partial<RouterConfig> = {}): RouterConfig {
  return {
    name: 'core-1',
    host: server.host,
    port: server.port,
    username: 'wispsync',
    password: PASSWORD,
    useSsl: false,
    plaintextLogin: true,
    transport: 'api',
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
  expect(`${routerError.message} ${routerError.hint} ${routerError.details.join(' ')}`).not.toContain(
    PASSWORD,
  );
  expect(routerError.exitCode).toBe(3);
  return routerError;
}

const ARP = [
  { '.id': '*1', address: '100.64.0.2', 'mac-address': 'AA:BB:CC:00:00:02', interface: 'ether2' },
  { '.id': '*2', address: '100.64.0.3', 'mac-address': 'AA:BB:CC:00:00:03', interface: 'ether3' },
];

describe('RouterOS binary API client', () => {
  let server: RouterOsApiServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('logs in with the plain-text login and prints a menu', async () => {
    server = await startRouterOsApiServer({ users: { wispsync: PASSWORD }, menus: { '/ip/arp': ARP } });
    const session = await connectRouter(routerFor(server), { timeoutMs: 2000 });
    expect(await session.print('/ip/arp')).toEqual(ARP);
    await session.close();
    expect(server.commands[0]?.slice(0, 3)).toEqual(['/login', '=name=wispsync', `=password=${PASSWORD}`]);
    expect(server.commands[1]).toEqual(['/ip/arp/print', expect.stringMatching(/^\.tag=\d+$/)]);
  });

  it('logs in to a router older than 6.43 with the MD5 challenge', async () => {
    server = await startRouterOsApiServer({
      users: { wispsync: PASSWORD },
      menus: { '/ip/arp': ARP },
      legacyLogin: true,
    });
    for (const plaintextLogin of [true, false]) {
      const session = await connectRouter(routerFor(server, { plaintextLogin }), { timeoutMs: 2000 });
      expect(await session.print('/ip/arp')).toHaveLength(2);
      await session.close();
    }
    const responses = server.commands.filter((words) =>
      words.some((word) => word.startsWith('=response=00')),
    );
    expect(responses).toHaveLength(2);
  });

  it('sends .proplist and ? queries, and the router filters', async () => {
    server = await startRouterOsApiServer({ users: { wispsync: PASSWORD }, menus: { '/ip/arp': ARP } });
    const session = await connectRouter(routerFor(server), { timeoutMs: 2000 });
    const rows = await session.print('ip/arp', {
      proplist: ['address', 'mac-address'],
      where: { interface: 'ether3' },
    });
    expect(rows).toEqual([{ address: '100.64.0.3', 'mac-address': 'AA:BB:CC:00:00:03' }]);
    expect(server.commands.at(-1)).toEqual([
      '/ip/arp/print',
      '=.proplist=address,mac-address',
      '?interface=ether3',
      expect.stringMatching(/^\.tag=/),
    ]);
    await session.close();
  });

  it('refuses a wrong password with a clear error that never shows it', async () => {
    server = await startRouterOsApiServer({ users: { wispsync: 'other-password' } });
    const error = await failure(connectRouter(routerFor(server), { timeoutMs: 2000 }));
    expect(error.failure).toBe('login');
    expect(error.message).toBe(
      `router "core-1" (127.0.0.1:${server.port}, api): login refused for user "wispsync": invalid user name or password (6)`,
    );
  });

  it('gives [] for an empty menu on RouterOS ≥ 7.18 (!empty) and before (only !done)', async () => {
    for (const emptyReply of [true, false]) {
      server = await startRouterOsApiServer({
        users: { wispsync: PASSWORD },
        menus: { '/ppp/active': [] },
        emptyReply,
      });
      const session = await connectRouter(routerFor(server), { timeoutMs: 2000 });
      expect(await session.print('/ppp/active')).toEqual([]);
      // The session still works after !empty: the next command gets its own answer.
      expect(await session.print('/ppp/active', { where: { name: 'x' } })).toEqual([]);
      await session.close();
      await server.close();
      server = undefined;
    }
  });

  it('turns a !trap into an error naming the command and the router message', async () => {
    server = await startRouterOsApiServer({ users: { wispsync: PASSWORD } });
    const session = await connectRouter(routerFor(server), { timeoutMs: 2000 });
    const error = await failure(session.print('/ipv6/neighbor'));
    expect(error.failure).toBe('trap');
    expect(error.command).toBe('/ipv6/neighbor/print');
    expect(error.message).toMatch(/\/ipv6\/neighbor\/print failed: no such command prefix/);
    // A trap does not break the session.
    server.setMenu('/ip/arp', ARP);
    expect(await session.print('/ip/arp')).toHaveLength(2);
    await session.close();
  });

  it('runs several prints at once on one connection, matched by tag', async () => {
    const many = Array.from({ length: 500 }, (_, i) => ({ '.id': `*${i}`, name: `u${i}` }));
    server = await startRouterOsApiServer({
      users: { wispsync: PASSWORD },
      menus: { '/ip/arp': ARP, '/ppp/active': many, '/ipv6/neighbor': [] },
    });
    const session = await connectRouter(routerFor(server), { timeoutMs: 2000 });
    const [arp, ppp, neighbors] = await Promise.all([
      session.print('/ip/arp'),
      session.print('/ppp/active'),
      session.print('/ipv6/neighbor'),
    ]);
    expect([arp.length, ppp.length, neighbors.length]).toEqual([2, 500, 0]);
    expect(server.connections).toBe(1);
    await session.close();
  });

  it('times out quickly on a router that accepts and never answers', async () => {
    server = await startRouterOsApiServer({ users: { wispsync: PASSWORD }, fault: 'stall' });
    const started = performance.now();
    const error = await failure(connectRouter(routerFor(server), { timeoutMs: 300 }));
    expect(error.failure).toBe('timeout');
    expect(error.message).toMatch(/\/login got no answer within 0\.3 s/);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('times out on a command that stalls after the login', async () => {
    server = await startRouterOsApiServer({ users: { wispsync: PASSWORD }, fault: 'stall-commands' });
    const session = await connectRouter(routerFor(server), { timeoutMs: 300 });
    const error = await failure(session.print('/ip/arp'));
    expect(error.failure).toBe('timeout');
    expect(error.message).toMatch(/\/ip\/arp\/print got no answer/);
    await session.close();
  });

  it('times out on a connect that never completes', async () => {
    // A TCP listener that never speaks TLS: the api-ssl handshake never finishes.
    const silent: Server = createServer((socket) => socket.resume());
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as { port: number }).port;
    try {
      const error = await failure(
        connectRouter(routerFor({ host: '127.0.0.1', port }, { useSsl: true }), { timeoutMs: 300 }),
      );
      expect(error.failure).toBe('timeout');
      expect(error.message).toMatch(/no connection after 0\.3 s/);
    } finally {
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('names a refused connection', async () => {
    server = await startRouterOsApiServer();
    const port = server.port;
    await server.close();
    server = undefined;
    const error = await failure(connectRouter(routerFor({ host: '127.0.0.1', port }), { timeoutMs: 1000 }));
    expect(error.failure).toBe('connect');
    expect(error.message).toMatch(/connection refused/);
    expect(error.hint).toMatch(/\/ip service api/);
  });

  it('reports !fatal and garbage bytes', async () => {
    server = await startRouterOsApiServer({
      users: { wispsync: PASSWORD },
      fault: 'fatal',
      menus: { '/ip/arp': ARP },
    });
    let session = await connectRouter(routerFor(server), { timeoutMs: 1000 });
    expect((await failure(session.print('/ip/arp'))).message).toMatch(/ended the session: out of memory/);
    await session.close();
    server.setFault('garbage');
    session = await connectRouter(routerFor(server), { timeoutMs: 1000 });
    const error = await failure(session.print('/ip/arp'));
    expect(error.failure).toBe('protocol');
    expect(error.message).toMatch(/control byte 0xf8/);
    await session.close();
  });

  it('streams 20,000 rows quickly', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => ({
      '.id': `*${i.toString(16)}`,
      name: `user-${i}`,
      service: 'pppoe',
      'caller-id': `AA:BB:CC:${((i >> 16) & 255).toString(16).padStart(2, '0')}:${((i >> 8) & 255).toString(16).padStart(2, '0')}:${(i & 255).toString(16).padStart(2, '0')}`,
      address: `100.64.${(i >> 8) & 255}.${i & 255}`,
      uptime: '1d2h3m4s',
    }));
    server = await startRouterOsApiServer({ users: { wispsync: PASSWORD }, menus: { '/ppp/active': rows } });
    const session = await connectRouter(routerFor(server), { timeoutMs: 5000 });
    const started = performance.now();
    const got = await session.print('/ppp/active');
    const ms = performance.now() - started;
    expect(got).toHaveLength(20_000);
    expect(got[19_999]).toEqual(rows[19_999]);
    expect(ms).toBeLessThan(2000);
    await session.close();
  });

  it('speaks api-ssl (TLS), checking the certificate only when asked', async () => {
    const tls = {
      cert: readFileSync(join(TLS_DIR, 'cert.pem')),
      key: readFileSync(join(TLS_DIR, 'key.pem')),
    };
    server = await startRouterOsApiServer({ users: { wispsync: PASSWORD }, menus: { '/ip/arp': ARP }, tls });
    const session = await connectRouter(routerFor(server, { useSsl: true }), { timeoutMs: 2000 });
    expect(await session.print('/ip/arp')).toHaveLength(2);
    await session.close();
    const error = await failure(
      connectRouter(routerFor(server, { useSsl: true, verifyTls: true }), { timeoutMs: 2000 }),
    );
    expect(error.failure).toBe('connect');
    expect(error.message).toMatch(/self-signed/);
    expect(error.hint).toMatch(/verify_tls = false/);
  });

  it('speaks api-ssl to a router without a certificate (anonymous DH) when verify_tls is off', async () => {
    server = await startRouterOsApiServer({
      users: { wispsync: PASSWORD },
      menus: { '/ip/arp': ARP },
      tls: 'anonymous',
    });
    const session = await connectRouter(routerFor(server, { useSsl: true }), { timeoutMs: 2000 });
    expect(await session.print('/ip/arp')).toHaveLength(2);
    await session.close();
    const error = await failure(
      connectRouter(routerFor(server, { useSsl: true, verifyTls: true }), { timeoutMs: 2000 }),
    );
    expect(error.failure).toBe('connect');
  });
});
